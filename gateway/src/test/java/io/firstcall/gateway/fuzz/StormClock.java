package io.firstcall.gateway.fuzz;

import org.agrona.concurrent.EpochNanoClock;

/**
 * The engine's and the gateway's clock during the storm: it moves only when the storm moves it,
 * between windows, so every receive time and journal time follows from the seed, and hours or days of
 * engine time pass in seconds (claim windows lapse, cooldowns end, scores decay, shifts change).
 */
final class StormClock implements EpochNanoClock
{
    private volatile long nowNs;

    StormClock(final long startNs)
    {
        this.nowNs = startNs;
    }

    public long nanoTime()
    {
        return nowNs;
    }

    void advance(final long ns)
    {
        nowNs += ns;
    }
}
