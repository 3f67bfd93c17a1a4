package io.firstcall.gateway.metrics;

/**
 * What {@link TenantActivity} counts for each tenant, with the metric name and help text each is
 * exported under (a {@code tenant} label tells the tenants apart).
 */
public enum TenantCounter
{
    EVENTS_ACCEPTED("events_accepted", "Events taken from the tenant's sources and offered to the engine"),
    EVENT_ERRORS("event_errors", "Events of the tenant answered with an error (invalid, too large)"),
    ALERTS("alerts", "Alerts sent for the tenant's hot leads, one per alerted rep or queue"),
    CLAIMS("claims", "Hot leads of the tenant claimed by a rep's call"),
    ESCALATIONS("escalations", "Unclaimed hot leads of the tenant moved up the fallback chain");

    private final String metricName;
    private final String help;

    TenantCounter(final String metricName, final String help)
    {
        this.metricName = metricName;
        this.help = help;
    }

    /**
     * @return the lower_snake name, without prefix or {@code _total}, e.g. {@code alerts}.
     */
    public String metricName()
    {
        return metricName;
    }

    public String help()
    {
        return help;
    }
}
