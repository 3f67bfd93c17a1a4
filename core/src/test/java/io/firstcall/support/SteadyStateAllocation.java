package io.firstcall.support;

import io.firstcall.engine.LeadStateMachine;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.management.ManagementFactory;

/**
 * Drives a state machine with a pre-encoded mix, 40 passes to warm up and then 50 measured passes,
 * and counts what the measured passes allocate with the JVM's per-thread allocation counter.
 */
public final class SteadyStateAllocation
{
    public static final int WARM_UP_PASSES = 40;
    public static final int MEASURED_PASSES = 50;

    private SteadyStateAllocation()
    {
    }

    /**
     * @param startNs engine time before the first event; each event advances it by {@code stepNs}.
     * @return bytes allocated by the measured passes.
     */
    public static long measure(
        final LeadStateMachine machine, final UnsafeBuffer[] events, final int[] lengths, final long startNs, final long stepNs)
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long sequence = 1;
        long nowNs = startNs;
        for (int pass = 0; pass < WARM_UP_PASSES; pass++)
        {
            for (int i = 0; i < events.length; i++)
            {
                machine.onEvent(events[i], 0, lengths[i], sequence++, nowNs += stepNs);
            }
        }

        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int pass = 0; pass < MEASURED_PASSES; pass++)
        {
            for (int i = 0; i < events.length; i++)
            {
                machine.onEvent(events[i], 0, lengths[i], sequence++, nowNs += stepNs);
            }
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
