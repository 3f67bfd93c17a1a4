package io.firstcall.support;

import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.management.ManagementFactory;
import java.util.function.Consumer;

/**
 * Drives a state machine with a pre-encoded mix as the decision stage does (a view bounded to each
 * message, the batch's cause set, the batch emptied after each event), 40 passes to warm up and
 * then 50 measured passes, and counts what the measured passes allocate with the JVM's per-thread
 * allocation counter.
 */
public final class SteadyStateAllocation
{
    public static final int WARM_UP_PASSES = 40;
    public static final int MEASURED_PASSES = 50;

    private SteadyStateAllocation()
    {
    }

    /**
     * @param startNs  engine time before the first event; each event advances it by {@code stepNs}.
     * @param consumer sees the batch after each event, before it is emptied.
     * @return bytes allocated by the measured passes.
     */
    public static long measure(
        final StateMachine machine,
        final OutputBatch outputs,
        final UnsafeBuffer[] events,
        final int[] lengths,
        final long startNs,
        final long stepNs,
        final Consumer<OutputBatch> consumer)
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
        long sequence = 1;
        long nowNs = startNs;
        for (int pass = 0; pass < WARM_UP_PASSES; pass++)
        {
            for (int i = 0; i < events.length; i++)
            {
                apply(machine, outputs, view, events[i], lengths[i], sequence++, nowNs += stepNs, consumer);
            }
        }

        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int pass = 0; pass < MEASURED_PASSES; pass++)
        {
            for (int i = 0; i < events.length; i++)
            {
                apply(machine, outputs, view, events[i], lengths[i], sequence++, nowNs += stepNs, consumer);
            }
        }
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    /**
     * Apply one event outside the measurement, such as the configuration change before it.
     */
    public static void applyOne(
        final StateMachine machine, final OutputBatch outputs, final UnsafeBuffer event, final int length, final long nowNs)
    {
        apply(machine, outputs, new UnsafeBuffer(new byte[0]), event, length, 0, nowNs, batch -> {});
    }

    private static void apply(
        final StateMachine machine,
        final OutputBatch outputs,
        final UnsafeBuffer view,
        final UnsafeBuffer event,
        final int length,
        final long sequence,
        final long nowNs,
        final Consumer<OutputBatch> consumer)
    {
        outputs.reset();
        outputs.cause(sequence, nowNs);
        view.wrap(event, 0, length);
        machine.onEvent(view, sequence, nowNs);
        consumer.accept(outputs);
    }
}
