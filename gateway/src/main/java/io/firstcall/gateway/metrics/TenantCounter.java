package io.firstcall.gateway.metrics;

/**
 * What {@link TenantActivity} counts for each tenant: the name it has in {@code /stats}, the metric
 * name it is exported under (a {@code tenant} label tells the tenants apart) and its help text.
 * {@code /stats} lists them in this order. A gauge ({@link #isGauge()}) is a level that also falls.
 */
public enum TenantCounter
{
    CONNECTIONS_OPEN("connections_open", "tenant_connections_open", true,
        "Authenticated connections of the tenant open now"),
    EVENTS_ACCEPTED("events_offered", "events_accepted", false,
        "Events taken from the tenant's sources and offered to the engine"),
    EVENTS_RATE_LIMITED("events_rate_limited", "events_rate_limited", false,
        "Events of the tenant refused by a rate limit (its own or its connection's)"),
    EVENT_ERRORS("event_errors", "event_errors", false,
        "Events of the tenant answered with an error (invalid, too large)"),
    ALERTS("alerts", "alerts", false,
        "Alerts sent for the tenant's hot leads, one per alerted rep or queue"),
    CLAIMS("claims", "claims", false,
        "Hot leads of the tenant claimed by a rep's call"),
    ESCALATIONS("escalations", "escalations", false,
        "Unclaimed hot leads of the tenant moved up the fallback chain");

    private final String statsName;
    private final String metricName;
    private final boolean isGauge;
    private final String help;

    TenantCounter(final String statsName, final String metricName, final boolean isGauge, final String help)
    {
        this.statsName = statsName;
        this.metricName = metricName;
        this.isGauge = isGauge;
        this.help = help;
    }

    /**
     * @return the member name in {@code /stats}, e.g. {@code events_offered}.
     */
    public String statsName()
    {
        return statsName;
    }

    /**
     * @return the lower_snake name, without prefix or {@code _total}, e.g. {@code alerts}.
     */
    public String metricName()
    {
        return metricName;
    }

    /**
     * @return true for a level that rises and falls (open connections), false for a count.
     */
    public boolean isGauge()
    {
        return isGauge;
    }

    public String help()
    {
        return help;
    }
}
