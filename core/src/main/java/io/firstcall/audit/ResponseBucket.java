package io.firstcall.audit;

/**
 * How soon a hot lead got its first call attempt, measured from the moment it became hot.
 */
public enum ResponseBucket
{
    /**
     * Within 5 minutes (inclusive).
     */
    WITHIN_5_MIN("le5m", "<= 5 min"),

    /**
     * After 5 and within 30 minutes (inclusive).
     */
    WITHIN_30_MIN("le30m", "<= 30 min"),

    /**
     * After 30 minutes, within the "never" horizon (inclusive).
     */
    OVER_30_MIN("gt30m", "> 30 min"),

    /**
     * No call attempt within the horizon: none at all, or only a later one.
     */
    NEVER("never", "never");

    static final ResponseBucket[] VALUES = values();
    static final long FIVE_MINUTES_NS = 300_000_000_000L;
    static final long THIRTY_MINUTES_NS = 1_800_000_000_000L;

    private final String key;
    private final String label;

    ResponseBucket(final String key, final String label)
    {
        this.key = key;
        this.label = label;
    }

    /**
     * @return the name in JSON, CSV and metric labels.
     */
    public String key()
    {
        return key;
    }

    /**
     * @return the name in text reports.
     */
    public String label()
    {
        return label;
    }

    /**
     * @param responseNs a response time within the horizon.
     */
    static ResponseBucket of(final long responseNs)
    {
        if (responseNs <= FIVE_MINUTES_NS)
        {
            return WITHIN_5_MIN;
        }
        return responseNs <= THIRTY_MINUTES_NS ? WITHIN_30_MIN : OVER_30_MIN;
    }
}
