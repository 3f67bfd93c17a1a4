package io.firstcall.gateway.http;

import io.firstcall.gateway.OpsView;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * Reads the engine's and the gateway's counters at scrape time, so nothing is pushed to Prometheus
 * types on the hot path: the counters stay plain Agrona or gateway counters.
 * <p>
 * A {@link MultiCollector} rather than one {@code CounterWithCallback} per counter because the
 * gateway's counter names are only known when {@link OpsView#forEachGatewayCounter} is called,
 * and one pass over each source is cheaper than a callback per counter.
 * <p>
 * Names: {@code firstcall_<engine counter>_total} and {@code firstcall_gateway_<name>_total}; the
 * text writer appends {@code _total} to counter families. A gateway gauge, a level that also falls
 * (open connections), is a gauge {@code firstcall_gateway_<name>} without the suffix.
 */
final class CounterCollector implements MultiCollector
{
    static final String ENGINE_PREFIX = "firstcall_";
    static final String GATEWAY_PREFIX = "firstcall_gateway_";

    private static final String TOTAL_SUFFIX = "_total";

    private final OpsView view;

    CounterCollector(final OpsView view)
    {
        this.view = view;
    }

    public MetricSnapshots collect()
    {
        final MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
        view.engine().counters().forEachCounter(
            (counter, value) -> snapshots.metricSnapshot(
                counter(ENGINE_PREFIX + counter.metricName(), counter.label(), value)));
        view.forEachGatewayCounter(
            (name, value) ->
            {
                final String metricName = GATEWAY_PREFIX + metricName(name);
                // A repeated name would make the whole scrape fail; keep the first.
                if (!snapshots.containsMetricName(metricName))
                {
                    snapshots.metricSnapshot(counter(metricName, "Gateway counter " + name, value));
                }
            });
        view.forEachGatewayGauge(
            (name, value) ->
            {
                final String metricName = GATEWAY_PREFIX + metricName(name);
                if (!snapshots.containsMetricName(metricName))
                {
                    snapshots.metricSnapshot(gauge(metricName, "Gateway gauge " + name, value));
                }
            });

        return snapshots.build();
    }

    /**
     * @param name a gateway counter name, e.g. {@code connections-accepted} or {@code frames_total}.
     * @return the name fit for the Prometheus text format: lower case, characters outside
     * {@code [a-z0-9_]} replaced by '_', no {@code _total} suffix (the writer appends it).
     */
    static String metricName(final String name)
    {
        final StringBuilder sanitized = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++)
        {
            final char c = Character.toLowerCase(name.charAt(i));
            sanitized.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
        }
        final int length = sanitized.length();
        if (length > TOTAL_SUFFIX.length() && sanitized.lastIndexOf(TOTAL_SUFFIX) == length - TOTAL_SUFFIX.length())
        {
            sanitized.setLength(length - TOTAL_SUFFIX.length());
        }

        return sanitized.toString();
    }

    private static GaugeSnapshot gauge(final String name, final String help, final long value)
    {
        return GaugeSnapshot.builder()
            .name(name)
            .help(help)
            .dataPoint(GaugeDataPointSnapshot.builder().value(value).build())
            .build();
    }

    private static CounterSnapshot counter(final String name, final String help, final long value)
    {
        return CounterSnapshot.builder()
            .name(name)
            .help(help)
            .dataPoint(CounterDataPointSnapshot.builder().value(value).build())
            .build();
    }
}
