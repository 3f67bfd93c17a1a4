package io.firstcall.replay;

/**
 * What a replay found: how much it replayed and compared, and the first divergence if any.
 */
public final class ReplayReport
{
    private final long eventsReplayed;
    private final long outputsCompared;
    private final long outputsNotRecorded;
    private final long recordedNotProduced;
    private final Divergence firstDivergence;
    private final long elapsedNs;

    ReplayReport(
        final long eventsReplayed,
        final long outputsCompared,
        final long outputsNotRecorded,
        final long recordedNotProduced,
        final Divergence firstDivergence,
        final long elapsedNs)
    {
        this.eventsReplayed = eventsReplayed;
        this.outputsCompared = outputsCompared;
        this.outputsNotRecorded = outputsNotRecorded;
        this.recordedNotProduced = recordedNotProduced;
        this.firstDivergence = firstDivergence;
        this.elapsedNs = elapsedNs;
    }

    public long eventsReplayed()
    {
        return eventsReplayed;
    }

    public long outputsCompared()
    {
        return outputsCompared;
    }

    /**
     * @return outputs the replay produced beyond the end of the recording.
     */
    public long outputsNotRecorded()
    {
        return outputsNotRecorded;
    }

    /**
     * @return recorded outputs the replay never produced.
     */
    public long recordedNotProduced()
    {
        return recordedNotProduced;
    }

    public Divergence firstDivergence()
    {
        return firstDivergence;
    }

    public long elapsedNs()
    {
        return elapsedNs;
    }

    /**
     * @return true when every output matched and none was missing or extra.
     */
    public boolean identical()
    {
        return null == firstDivergence && 0 == outputsNotRecorded && 0 == recordedNotProduced;
    }

    public String toString()
    {
        return (identical() ? "IDENTICAL" : "DIVERGED") +
            ": events=" + eventsReplayed +
            " outputsCompared=" + outputsCompared +
            " outputsNotRecorded=" + outputsNotRecorded +
            " recordedNotProduced=" + recordedNotProduced +
            (null == firstDivergence ? "" : " first=" + firstDivergence);
    }
}
