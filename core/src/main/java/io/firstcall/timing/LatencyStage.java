package io.firstcall.timing;

/**
 * The stages of an event's path through the engine whose latency is measured.
 */
public enum LatencyStage
{
    RECEIVE_TO_JOURNALED("receive_to_journaled"),
    JOURNALED_TO_DECIDED("journaled_to_decided"),
    DECIDED_TO_PUBLISHED("decided_to_published"),
    RECEIVE_TO_PUBLISHED("receive_to_published"),
    /**
     * Receive to published, for the inputs whose outputs alert a rep (a hot lead's alert): the latency
     * the product promises, apart from the inputs that alert no one.
     */
    RECEIVE_TO_ALERT("receive_to_alert");

    private final String metricName;

    LatencyStage(final String metricName)
    {
        this.metricName = metricName;
    }

    /**
     * @return a name fit for metrics systems and histogram log tags, e.g. {@code receive_to_journaled}.
     */
    public String metricName()
    {
        return metricName;
    }
}
