package io.firstcall.status;

import java.util.Locale;

/**
 * The engine's counters, each with a stable id and a label for operators.
 * <p>
 * Ids are part of the counters file format (they are stored as each counter's key) so never renumber
 * or reuse one: add a new constant at the end with the next id. Ids must stay dense from 0 because
 * {@link #get(int)} looks them up by index.
 */
public enum EngineCounter
{
    EVENTS_RECEIVED(0, "Events offered to the ring"),
    RING_FULL(1, "Offers refused: ring full"),
    EVENTS_JOURNALED(2, "Events journaled"),
    DUPLICATES(3, "Duplicate event ids acknowledged"),
    EVENTS_PROCESSED(4, "Events processed by the state machine"),
    OUTPUTS(5, "Output events journaled"),
    OUTPUTS_DELIVERED(6, "Output events handed to delivery"),
    TICKS(7, "Timer ticks published"),
    ERRORS(8, "Errors"),
    EVENTS_RECOVERED(9, "Events replayed on start"),
    JOURNAL_FAILURES(10, "Events that could not be journaled"),
    REPLAY_DIVERGENCES(11, "Outputs that differed on recovery"),
    OUTPUTS_NOT_JOURNALED(12, "Outputs delivered but not journaled: the output journal failed"),
    EVENTS_REFUSED_DISK_SPACE(13, "Events refused: disk space below the minimum"),
    DEDUP_EARLY_EVICTIONS(14, "Dedup ids forgotten before the horizon: tenant over its cap"),
    SNAPSHOTS_WRITTEN(15, "Snapshots written"),
    SNAPSHOT_FAILURES(16, "Snapshots that could not be written"),
    SNAPSHOTS_SKIPPED(17, "Snapshots skipped on start: corrupt, incompatible or not matching the journal"),
    SNAPSHOT_LOADED_EVENTS(18, "Input events the snapshot loaded on start covers, 0 if none"),
    SNAPSHOT_REPLICA_EVENTS(19, "Input events the snapshot replica has applied"),
    JOURNAL_FILES_ARCHIVED(20, "Journal cycle files moved to data/archive/ on start");

    private static final EngineCounter[] BY_ID = new EngineCounter[values().length];

    static
    {
        for (final EngineCounter counter : values())
        {
            if (counter.id < 0 || counter.id >= BY_ID.length || null != BY_ID[counter.id])
            {
                throw new IllegalStateException("ids must be unique and dense from 0: " + counter);
            }
            BY_ID[counter.id] = counter;
        }
    }

    private final int id;
    private final String label;
    private final String metricName;

    EngineCounter(final int id, final String label)
    {
        this.id = id;
        this.label = label;
        this.metricName = name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the stable id, stored in the counters file.
     */
    public int id()
    {
        return id;
    }

    /**
     * @return the human readable label shown by stat tools.
     */
    public String label()
    {
        return label;
    }

    /**
     * @return a name fit for a metrics system, e.g. {@code events_received}.
     */
    public String metricName()
    {
        return metricName;
    }

    /**
     * @param id a stable id.
     * @return the counter with that id, or null if this build does not know it (a newer writer).
     */
    public static EngineCounter get(final int id)
    {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
