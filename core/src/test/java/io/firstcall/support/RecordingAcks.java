package io.firstcall.support;

import io.firstcall.pipeline.AckListener;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Collects acknowledgements of client events (engine-internal events such as configuration
 * changes carry correlation id -1 and are left out); {@link #awaitCount} waits on a condition with a deadline, never a sleep.
 */
public final class RecordingAcks implements AckListener
{
    public static final class Ack
    {
        public final long correlationId;
        public final long sequence;
        public final boolean duplicate;
        public final RejectReason rejected;

        Ack(final long correlationId, final long sequence, final boolean duplicate, final RejectReason rejected)
        {
            this.correlationId = correlationId;
            this.sequence = sequence;
            this.duplicate = duplicate;
            this.rejected = rejected;
        }

        public String toString()
        {
            return correlationId + "->" + sequence + (duplicate ? " dup" : "") + (null == rejected ? "" : " " + rejected);
        }
    }

    private final List<Ack> acks = new ArrayList<>();
    private volatile Checker checker;

    public interface Checker
    {
        void onAck(long correlationId, long sequence, boolean duplicate);
    }

    public RecordingAcks check(final Checker checker)
    {
        this.checker = checker;
        return this;
    }

    public synchronized void onJournaled(final long correlationId, final long sequence, final boolean duplicate)
    {
        if (correlationId < 0)
        {
            return;
        }
        if (null != checker)
        {
            checker.onAck(correlationId, sequence, duplicate);
        }
        acks.add(new Ack(correlationId, sequence, duplicate, null));
    }

    public synchronized void onRejected(final long correlationId, final RejectReason reason)
    {
        if (correlationId < 0)
        {
            return;
        }
        acks.add(new Ack(correlationId, -1, false, reason));
    }

    public synchronized List<Ack> acks()
    {
        return new ArrayList<>(acks);
    }

    public synchronized void clear()
    {
        acks.clear();
    }

    public synchronized int count()
    {
        return acks.size();
    }

    public void awaitCount(final int count)
    {
        await(() -> count() >= count, "acks: wanted " + count);
    }

    public static void await(final BooleanSupplier condition, final String what)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadlineNs)
            {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
