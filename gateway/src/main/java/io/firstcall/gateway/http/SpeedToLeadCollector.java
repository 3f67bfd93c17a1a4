package io.firstcall.gateway.http;

import io.firstcall.audit.Figures;
import io.firstcall.audit.ResponseBucket;
import io.firstcall.audit.SpeedToLeadSnapshot;
import io.firstcall.audit.TenantFigures;
import io.firstcall.gateway.OpsView;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Exports the live speed-to-lead figures, per tenant and team (label {@code team="(none)"} for leads no
 * team took, and {@code team=""} for the tenant's total), from the snapshot the speed-to-lead agent
 * published last:
 * <pre>
 * firstcall_speed_to_lead_leads{tenant="acme",team="west",bucket="le5m"} 12.0
 * firstcall_speed_to_lead_response_seconds{tenant="acme",team="west",quantile="0.9"} 1320.0
 * </pre>
 * Lead counts are gauges: a lead moves from {@code open} to a bucket as time passes.
 */
final class SpeedToLeadCollector implements MultiCollector
{
    static final String PREFIX = "firstcall_speed_to_lead_";
    private static final String TEAM_LABEL = "team";
    private static final String BUCKET_LABEL = "bucket";
    private static final String TOTAL = "";
    private static final String OPEN = "open";

    private final OpsView view;

    SpeedToLeadCollector(final OpsView view)
    {
        this.view = view;
    }

    public MetricSnapshots collect()
    {
        final MetricSnapshots.Builder snapshots = MetricSnapshots.builder();
        final SpeedToLeadSnapshot speedToLead = view.speedToLead();
        if (null == speedToLead)
        {
            return snapshots.build();
        }
        snapshots.metricSnapshot(byBucket(speedToLead, "leads", "Hot leads by response bucket (open: not called yet, " +
            "within the never horizon)", Figures::leads));
        snapshots.metricSnapshot(byBucket(speedToLead, "connected_leads", "Hot leads connected, by response bucket",
            Figures::connected));
        snapshots.metricSnapshot(byBucket(speedToLead, "qualified_leads", "Hot leads qualified, by response bucket",
            Figures::qualified));
        snapshots.metricSnapshot(byBucket(speedToLead, "converted_leads", "Hot leads converted, by response bucket",
            Figures::converted));
        snapshots.metricSnapshot(byBucket(speedToLead, "opportunities", "Opportunities of hot leads, by response bucket",
            Figures::opportunities));
        snapshots.metricSnapshot(fatigue(speedToLead, "alerts", "Alerts to the team's reps", Figures::alerts));
        snapshots.metricSnapshot(fatigue(speedToLead, "claims", "Claims of alerts by the team's reps", Figures::claims));
        snapshots.metricSnapshot(fatigue(speedToLead, "lapses", "Alerts the team's reps let lapse", Figures::lapses));
        snapshots.metricSnapshot(fatigue(speedToLead, "escalations", "Escalations away from the team's reps",
            Figures::escalations));

        final SummarySnapshot.Builder response = SummarySnapshot.builder()
            .name(PREFIX + "response_seconds")
            .unit(Unit.SECONDS)
            .help("Engine time from a lead becoming hot to its first call attempt, of the leads called within the horizon");
        forEachGroup(speedToLead, (tenant, team, f) ->
        {
            final long count = f.fromHot().count();
            final SummaryDataPointSnapshot.Builder point = SummaryDataPointSnapshot.builder()
                .labels(Labels.of(TenantCollector.TENANT_LABEL, tenant, TEAM_LABEL, team))
                .count(count)
                .sum(0 == count ? 0 : f.fromHot().meanNs() * count / 1e9);
            if (count > 0)
            {
                point.quantiles(Quantiles.of(new Quantile(0.5, f.fromHot().medianNs() / 1e9),
                    new Quantile(0.9, f.fromHot().p90Ns() / 1e9)));
            }
            response.dataPoint(point.build());
        });
        snapshots.metricSnapshot(response.build());
        return snapshots.build();
    }

    /**
     * One gauge per tenant, team and bucket; the lead counts add the open leads as bucket "open".
     */
    private static GaugeSnapshot byBucket(
        final SpeedToLeadSnapshot snapshot, final String name, final String help, final BucketFigure figure)
    {
        final GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(PREFIX + name).help(help);
        final boolean leads = "leads".equals(name);
        forEachGroup(snapshot, (tenant, team, f) ->
        {
            for (final ResponseBucket bucket : ResponseBucket.values())
            {
                gauge.dataPoint(point(tenant, team, bucket.key(), figure.of(f, bucket)));
            }
            if (leads)
            {
                gauge.dataPoint(point(tenant, team, OPEN, f.open()));
            }
        });
        return gauge.build();
    }

    private static GaugeSnapshot fatigue(
        final SpeedToLeadSnapshot snapshot, final String name, final String help, final ToLongFunction<Figures> figure)
    {
        final GaugeSnapshot.Builder gauge = GaugeSnapshot.builder().name(PREFIX + name).help(help);
        forEachGroup(snapshot, (tenant, team, f) -> gauge.dataPoint(GaugeDataPointSnapshot.builder()
            .labels(Labels.of(TenantCollector.TENANT_LABEL, tenant, TEAM_LABEL, team))
            .value(figure.applyAsLong(f))
            .build()));
        return gauge.build();
    }

    private static GaugeDataPointSnapshot point(final String tenant, final String team, final String bucket, final double value)
    {
        return GaugeDataPointSnapshot.builder()
            .labels(Labels.of(TenantCollector.TENANT_LABEL, tenant, TEAM_LABEL, team, BUCKET_LABEL, bucket))
            .value(value)
            .build();
    }

    private static void forEachGroup(final SpeedToLeadSnapshot snapshot, final GroupConsumer consumer)
    {
        for (final TenantFigures tenant : snapshot.tenants().values())
        {
            consumer.accept(tenant.tenant(), TOTAL, tenant.total());
            for (final Map.Entry<String, Figures> team : tenant.by(TenantFigures.Dimension.TEAM).entrySet())
            {
                consumer.accept(tenant.tenant(), team.getKey(), team.getValue());
            }
        }
    }

    @FunctionalInterface
    private interface BucketFigure
    {
        long of(Figures figures, ResponseBucket bucket);
    }

    @FunctionalInterface
    private interface GroupConsumer
    {
        void accept(String tenant, String team, Figures figures);
    }
}
