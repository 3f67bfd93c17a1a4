package io.firstcall.audit;

import io.firstcall.journal.ReadableJournal;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;

import java.util.List;

/**
 * Follows the server's own input and output journals with readers of its own, on its own
 * low-priority thread, and feeds every {@link LiveProjection} in one pass, in journal order (each
 * input, then the outputs it caused): one follower, several read models (the speed-to-lead figures
 * of {@code /stats} and {@code /metrics}, the dashboard's board). After entries were handed over it
 * asks each projection to publish once it has caught up, and at least every {@code publishIntervalNs}
 * while entries keep coming. The engine thread does no extra work. At start it reads the journals
 * from their first entry. Its readers are opened by the constructor: build it on the thread that
 * opened the journals.
 */
public final class ProjectionAgent implements Agent, JournalListener
{
    private static final int ENTRIES_PER_DUTY_CYCLE = 4096;

    private final LiveProjection[] projections;
    private final NanoClock clock;
    private final long publishIntervalNs;
    private final JournalWalk walk;
    private long lastPublishNs;
    private boolean changed;

    /**
     * @param projections       told every entry, in this order.
     * @param publishIntervalNs how often, at most, they publish while entries keep coming.
     */
    public ProjectionAgent(
        final ReadableJournal input,
        final ReadableJournal output,
        final List<LiveProjection> projections,
        final NanoClock clock,
        final long publishIntervalNs)
    {
        this.projections = projections.toArray(new LiveProjection[0]);
        this.clock = clock;
        this.publishIntervalNs = publishIntervalNs;
        walk = new JournalWalk(input, output, true, true);
    }

    public void onStart()
    {
        lastPublishNs = clock.nanoTime();
    }

    public int doWork()
    {
        final int work = walk.poll(this, ENTRIES_PER_DUTY_CYCLE);
        changed |= work > 0;
        final long nowNs = clock.nanoTime();
        final boolean caughtUp = 0 == work;
        if (changed && (caughtUp || nowNs - lastPublishNs >= publishIntervalNs))
        {
            for (final LiveProjection projection : projections)
            {
                projection.publish(nowNs, caughtUp);
            }
            changed = false;
            lastPublishNs = nowNs;
        }
        return work;
    }

    public void onInput(final long sequence, final long timestampNs, final DirectBuffer message, final int offset, final int length)
    {
        for (final LiveProjection projection : projections)
        {
            projection.onInput(sequence, timestampNs, message, offset, length);
        }
    }

    public void onOutput(
        final long causeSequence, final long causeTimestampNs, final DirectBuffer message, final int offset, final int length)
    {
        for (final LiveProjection projection : projections)
        {
            projection.onOutput(causeSequence, causeTimestampNs, message, offset, length);
        }
    }

    public void onClose()
    {
        walk.close();
    }

    public String roleName()
    {
        return "firstcall-projections";
    }
}
