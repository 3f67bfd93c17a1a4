package io.firstcall.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.PhasedBackoffWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import java.util.concurrent.TimeUnit;

/**
 * The wait strategies an operator can choose by name. Spinning ones burn a core each and are
 * opt-in: on a 2-core machine they starve the I/O thread.
 */
public final class WaitStrategies
{
    private WaitStrategies()
    {
    }

    /**
     * @param name blocking | phased | sleeping | yielding | busy-spin
     */
    public static WaitStrategy byName(final String name)
    {
        switch (name)
        {
            case "blocking":
                return new BlockingWaitStrategy();
            case "phased":
                // Spin briefly, yield a little, then block: catches bursts without owning a core.
                return PhasedBackoffWaitStrategy.withLock(20, 200, TimeUnit.MICROSECONDS);
            case "sleeping":
                return new SleepingWaitStrategy();
            case "yielding":
                return new YieldingWaitStrategy();
            case "busy-spin":
                return new BusySpinWaitStrategy();
            default:
                throw new IllegalArgumentException(
                    "unknown wait strategy '" + name + "': use blocking, phased, sleeping, yielding or busy-spin");
        }
    }
}
