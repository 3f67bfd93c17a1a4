package io.firstcall.gateway.session;

import org.agrona.BitUtil;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;

/**
 * The authenticated sessions, in a fixed table of {@code maxConnections} slots, so the delivery agent
 * finds a session from an acknowledgement's correlation id with one array read: no map, no allocation.
 * A session claims its slot when its hello is accepted, not when its connection opens: only then can it
 * offer events, and so need a correlation id. Connections still waiting for their hello are bounded
 * apart, in {@link PendingHellos}, so however many of them there are they never take a slot.
 * <pre>
 *  correlation id (63 bits used):
 *  +------------------------------ connection id (39 bits) ---+---- request (24 bits) ----+
 *  | generation (39 - slotBits)          | slot (slotBits)     | event number, mod 2^24    |
 *  +-------------------------------------+---------------------+---------------------------+
 * </pre>
 * A slot is reused with a new generation, so a late acknowledgement for a closed connection never
 * reaches the connection that took its slot. Claiming and releasing a slot take a lock (once per
 * connection); {@link #find} is lock-free.
 */
public final class SessionRegistry
{
    static final int REQUEST_BITS = 24;
    static final long REQUEST_MASK = (1L << REQUEST_BITS) - 1;
    private static final int CONNECTION_ID_BITS = 63 - REQUEST_BITS;

    private final AtomicReferenceArray<Session> slots;
    private final int slotBits;
    private final long slotMask;
    private final long generationMask;
    private final int[] freeSlots;
    private int freeCount;
    private long generation = 1;

    public SessionRegistry(final int maxConnections)
    {
        if (maxConnections < 1 || maxConnections > (1 << 20))
        {
            throw new IllegalArgumentException("maxConnections must be 1..1048576: " + maxConnections);
        }
        final int tableSize = BitUtil.findNextPositivePowerOfTwo(maxConnections);
        slots = new AtomicReferenceArray<>(tableSize);
        slotBits = Integer.numberOfTrailingZeros(tableSize);
        slotMask = tableSize - 1;
        generationMask = (1L << (CONNECTION_ID_BITS - slotBits)) - 1;
        freeSlots = new int[maxConnections];
        for (int i = 0; i < maxConnections; i++)
        {
            freeSlots[i] = maxConnections - 1 - i;
        }
        freeCount = maxConnections;
    }

    static long correlationId(final long connectionId, final long request)
    {
        return connectionId << REQUEST_BITS | (request & REQUEST_MASK);
    }

    static long connectionId(final long correlationId)
    {
        return correlationId >>> REQUEST_BITS;
    }

    static long request(final long correlationId)
    {
        return correlationId & REQUEST_MASK;
    }

    /**
     * Delivery event loop (or any): the live session with this connection id, or null if it has gone.
     */
    Session find(final long connectionId)
    {
        final Session session = slots.get((int)(connectionId & slotMask));
        return null != session && session.connectionId() == connectionId ? session : null;
    }

    /**
     * @return a connection id for a new session, or -1 when every slot is taken.
     */
    synchronized long claim()
    {
        if (0 == freeCount)
        {
            return -1;
        }

        final int slot = freeSlots[--freeCount];
        final long gen = generation++ & generationMask;
        return gen << slotBits | slot;
    }

    /**
     * Make a session with a claimed connection id visible to {@link #find}.
     */
    void activate(final Session session)
    {
        slots.set((int)(session.connectionId() & slotMask), session);
    }

    /**
     * Give a claimed connection id's slot back.
     */
    synchronized void release(final long connectionId)
    {
        final int slot = (int)(connectionId & slotMask);
        final Session session = slots.get(slot);
        if (null != session && session.connectionId() == connectionId)
        {
            slots.set(slot, null);
        }
        freeSlots[freeCount++] = slot;
    }

    /**
     * @return authenticated sessions open now.
     */
    public synchronized int size()
    {
        return freeSlots.length - freeCount;
    }

    /**
     * Visit the live sessions (a moment's view: sessions may open or close meanwhile).
     */
    public void forEach(final Consumer<Session> action)
    {
        for (int i = 0, n = slots.length(); i < n; i++)
        {
            final Session session = slots.get(i);
            if (null != session)
            {
                action.accept(session);
            }
        }
    }
}
