package io.firstcall.gateway.session;

import io.firstcall.pipeline.AckListener;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Single-producer single-consumer queue of acknowledgements, from the delivery event loop (producer) to a
 * connection's event loop (consumer; the same thread when the connection is on the delivery loop). An entry is three longs, preallocated: the request number the
 * event was offered with, the journal sequence, and the outcome ({@link #JOURNALED}, {@link #DUPLICATE},
 * or {@link #REJECTED} plus the reject reason's ordinal). The sequence has a slot of its own, so any
 * value the journal holds goes back to the client as it is and is never taken for an outcome.
 * <p>
 * The client id bytes never cross threads: they wait in the event loop's {@link ReplySequencer}.
 */
final class AckQueue
{
    static final int JOURNALED = 0;
    static final int DUPLICATE = 1;
    static final int REJECTED = 2;

    private static final AckListener.RejectReason[] REASONS = AckListener.RejectReason.values();
    private static final int ENTRY_LONGS = 3;
    private static final VarHandle HEAD;
    private static final VarHandle TAIL;

    static
    {
        try
        {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD = lookup.findVarHandle(AckQueue.class, "head", long.class);
            TAIL = lookup.findVarHandle(AckQueue.class, "tail", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private final long[] entries;
    private final int capacity;
    private final int mask;
    @SuppressWarnings("unused") // accessed through HEAD
    private long head;
    @SuppressWarnings("unused") // accessed through TAIL
    private long tail;

    /**
     * @param capacity a power of two.
     */
    AckQueue(final int capacity)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.entries = new long[capacity * ENTRY_LONGS];
    }

    static int rejected(final AckListener.RejectReason reason)
    {
        return REJECTED + reason.ordinal();
    }

    static boolean isJournaled(final long outcome)
    {
        return JOURNALED == outcome || DUPLICATE == outcome;
    }

    /**
     * @return the reason of a rejected outcome.
     */
    static AckListener.RejectReason rejectReason(final long outcome)
    {
        return REASONS[(int)(outcome - REJECTED)];
    }

    /**
     * Producer side.
     *
     * @return false when full.
     */
    boolean offer(final long request, final long sequence, final int outcome)
    {
        final long t = (long)TAIL.getOpaque(this);
        if (t - (long)HEAD.getAcquire(this) >= capacity)
        {
            return false;
        }

        final int index = (int)(t & mask) * ENTRY_LONGS;
        entries[index] = request;
        entries[index + 1] = sequence;
        entries[index + 2] = outcome;
        // Volatile, not release: the consumer clears its "delivery scheduled" flag and then reads the tail,
        // the producer writes the tail and then reads that flag; both orders must hold.
        TAIL.setVolatile(this, t + 1);

        return true;
    }

    /**
     * Consumer side.
     */
    boolean isEmpty()
    {
        return (long)HEAD.getOpaque(this) == (long)TAIL.getVolatile(this);
    }

    /**
     * Consumer side: the oldest entry's request number; only when not {@link #isEmpty()}.
     */
    long request()
    {
        return entries[headIndex()];
    }

    /**
     * Consumer side: the oldest entry's journal sequence; only when not {@link #isEmpty()}.
     */
    long sequence()
    {
        return entries[headIndex() + 1];
    }

    /**
     * Consumer side: the oldest entry's outcome; only when not {@link #isEmpty()}.
     */
    long outcome()
    {
        return entries[headIndex() + 2];
    }

    /**
     * Consumer side: drop the oldest entry.
     */
    void advance()
    {
        HEAD.setRelease(this, (long)HEAD.getOpaque(this) + 1);
    }

    private int headIndex()
    {
        return (int)((long)HEAD.getOpaque(this) & mask) * ENTRY_LONGS;
    }
}
