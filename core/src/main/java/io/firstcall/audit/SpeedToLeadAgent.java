package io.firstcall.audit;

import io.firstcall.journal.ReadableJournal;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;

/**
 * The live speed-to-lead figures: follows the server's own input and output journals with readers of
 * its own, on its own low-priority thread, through the same {@link SpeedToLeadProjection} as
 * {@code firstcall report}, and publishes an immutable {@link SpeedToLeadSnapshot} for {@code /stats}
 * and {@code /metrics}. The engine thread does no extra work, and the live figures equal the offline
 * ones of the same journal by construction. At start it reads the journals from their first entry.
 * Its readers are opened by the constructor: build it on the thread that opened the journals.
 */
public final class SpeedToLeadAgent implements Agent
{
    private static final int ENTRIES_PER_DUTY_CYCLE = 4096;

    private final SpeedToLeadProjection projection;
    private final NanoClock clock;
    private final long publishIntervalNs;
    private final JournalWalk walk;
    private long lastPublishNs;
    private boolean changed;
    private volatile SpeedToLeadSnapshot snapshot;

    /**
     * @param publishIntervalNs how often, at most, a new snapshot is built while entries keep coming.
     */
    public SpeedToLeadAgent(
        final ReadableJournal input, final ReadableJournal output, final long neverAfterNs, final NanoClock clock,
        final long publishIntervalNs)
    {
        this.projection = new SpeedToLeadProjection(neverAfterNs);
        this.clock = clock;
        this.publishIntervalNs = publishIntervalNs;
        snapshot = SpeedToLeadSnapshot.empty(neverAfterNs);
        walk = new JournalWalk(input, output, true, true);
    }

    public void onStart()
    {
        lastPublishNs = clock.nanoTime();
    }

    public int doWork()
    {
        final int work = walk.poll(projection, ENTRIES_PER_DUTY_CYCLE);
        changed |= work > 0;
        final long nowNs = clock.nanoTime();
        if (changed && (0 == work || nowNs - lastPublishNs >= publishIntervalNs))
        {
            snapshot = projection.snapshot();
            changed = false;
            lastPublishNs = nowNs;
        }
        return work;
    }

    public void onClose()
    {
        walk.close();
    }

    public String roleName()
    {
        return "firstcall-speed-to-lead";
    }

    /**
     * @return the latest published figures; readable from any thread.
     */
    public SpeedToLeadSnapshot snapshot()
    {
        return snapshot;
    }
}
