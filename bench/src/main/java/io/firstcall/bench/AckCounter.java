package io.firstcall.bench;

import io.firstcall.pipeline.AckListener;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts settled events (journaled, duplicate or rejected) for a producer that waits on the count.
 * Written only by the engine's journaling thread, so a lazy set is enough.
 */
final class AckCounter implements AckListener
{
    private final AtomicLong settled = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public void onJournaled(final long correlationId, final long sequence, final boolean duplicate)
    {
        settled.lazySet(settled.get() + 1);
    }

    public void onRejected(final long correlationId, final RejectReason reason)
    {
        rejected.lazySet(rejected.get() + 1);
        settled.lazySet(settled.get() + 1);
    }

    long settled()
    {
        return settled.get();
    }

    long rejected()
    {
        return rejected.get();
    }

    void awaitAtLeast(final long count)
    {
        while (settled.get() < count)
        {
            Thread.onSpinWait();
        }
    }
}
