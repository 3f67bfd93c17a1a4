package io.firstcall.support;

import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock the test moves; optionally steps forward on every read so journaled times advance.
 */
public final class ManualClock implements EpochNanoClock
{
    private final AtomicLong nowNs;
    private final long stepNs;

    public ManualClock(final long startNs, final long stepNs)
    {
        this.nowNs = new AtomicLong(startNs);
        this.stepNs = stepNs;
    }

    public long nanoTime()
    {
        return nowNs.getAndAdd(stepNs);
    }

    public void set(final long timeNs)
    {
        nowNs.set(timeNs);
    }

    public void advance(final long deltaNs)
    {
        nowNs.addAndGet(deltaNs);
    }
}
