package io.firstcall.gateway.session;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Single-producer single-consumer queue of acknowledgements, from the engine thread (producer) to a
 * connection's event loop (consumer). An entry is two longs, preallocated: the request number the
 * event was offered with and its outcome. An outcome {@code >= 0} is {@code sequence << 1 | duplicate};
 * a negative one is {@code -1 - rejectReason.ordinal()}.
 * <p>
 * The client id bytes never cross threads: they wait in the event loop's {@link PendingIds}.
 */
final class AckQueue
{
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
        this.entries = new long[capacity * 2];
    }

    static long journaled(final long sequence, final boolean duplicate)
    {
        return sequence << 1 | (duplicate ? 1 : 0);
    }

    static long rejected(final int reasonOrdinal)
    {
        return -1L - reasonOrdinal;
    }

    static boolean isJournaled(final long outcome)
    {
        return outcome >= 0;
    }

    static long sequence(final long outcome)
    {
        return outcome >>> 1;
    }

    static boolean isDuplicate(final long outcome)
    {
        return (outcome & 1) != 0;
    }

    /**
     * Producer side.
     *
     * @return false when full.
     */
    boolean offer(final long request, final long outcome)
    {
        final long t = (long)TAIL.getOpaque(this);
        if (t - (long)HEAD.getAcquire(this) >= capacity)
        {
            return false;
        }

        final int index = (int)(t & mask) << 1;
        entries[index] = request;
        entries[index + 1] = outcome;
        // Volatile, not release: the consumer clears its "drain scheduled" flag and then reads the tail,
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
        return entries[(int)((long)HEAD.getOpaque(this) & mask) << 1];
    }

    /**
     * Consumer side: the oldest entry's outcome; only when not {@link #isEmpty()}.
     */
    long outcome()
    {
        return entries[((int)((long)HEAD.getOpaque(this) & mask) << 1) + 1];
    }

    /**
     * Consumer side: drop the oldest entry.
     */
    void advance()
    {
        HEAD.setRelease(this, (long)HEAD.getOpaque(this) + 1);
    }
}
