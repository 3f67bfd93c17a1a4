package io.firstcall.gateway.http;

import io.firstcall.gateway.OpsView;
import io.firstcall.gateway.metrics.TenantActivity;
import io.firstcall.gateway.metrics.TenantCounter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import org.HdrHistogram.Histogram;

/**
 * Exports the per-tenant counts and the time to claim, built at scrape time from
 * {@link TenantActivity}'s primitive counts, so counting stays a plain add on the event path:
 * <pre>
 * firstcall_alerts_total{tenant="acme"} 14.0
 * firstcall_tenant_connections_open{tenant="acme"} 3.0
 * firstcall_time_to_claim_seconds_bucket{le="300.0"} 9
 * </pre>
 * Every configured tenant has every counter from zero, so a dashboard's query never finds nothing.
 */
final class TenantCollector implements MultiCollector
{
    static final String PREFIX = "firstcall_";
    static final String TENANT_LABEL = "tenant";
    static final String TIME_TO_CLAIM_NAME = "firstcall_time_to_claim_seconds";

    private static final double MILLIS_PER_SECOND = 1e3;

    private final OpsView view;

    TenantCollector(final OpsView view)
    {
        this.view = view;
    }

    public MetricSnapshots collect()
    {
        final TenantActivity activity = view.tenantActivity();
        final MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
        for (final TenantCounter counter : TenantCounter.values())
        {
            snapshots.metricSnapshot(counter.isGauge() ? gauge(activity, counter) : counter(activity, counter));
        }

        final Histogram claims = activity.timeToClaim().cumulative();
        snapshots.metricSnapshot(HistogramSnapshot.builder()
            .name(TIME_TO_CLAIM_NAME)
            .unit(Unit.SECONDS)
            .help("Engine time from a hot lead's first alert to the call that claimed it, all tenants")
            .dataPoint(HistogramDataPointSnapshot.builder()
                .sum(claims.getMean() * claims.getTotalCount() / MILLIS_PER_SECOND)
                .classicHistogramBuckets(HistogramBuckets.TIME_TO_CLAIM.buckets(HistogramBuckets.TIME_TO_CLAIM.counts(claims)))
                .build())
            .build());

        return snapshots.build();
    }

    private static CounterSnapshot counter(final TenantActivity activity, final TenantCounter counter)
    {
        final CounterSnapshot.Builder family = CounterSnapshot.builder()
            .name(PREFIX + counter.metricName())
            .help(counter.help());
        for (int slot = 0; slot < activity.tenantCount(); slot++)
        {
            family.dataPoint(CounterDataPointSnapshot.builder()
                .labels(Labels.of(TENANT_LABEL, activity.tenant(slot)))
                .value(activity.value(slot, counter))
                .build());
        }
        return family.build();
    }

    private static GaugeSnapshot gauge(final TenantActivity activity, final TenantCounter counter)
    {
        final GaugeSnapshot.Builder family = GaugeSnapshot.builder()
            .name(PREFIX + counter.metricName())
            .help(counter.help());
        for (int slot = 0; slot < activity.tenantCount(); slot++)
        {
            family.dataPoint(GaugeDataPointSnapshot.builder()
                .labels(Labels.of(TENANT_LABEL, activity.tenant(slot)))
                .value(activity.value(slot, counter))
                .build());
        }
        return family.build();
    }
}
