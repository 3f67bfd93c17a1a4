package io.firstcall.gateway.http;

import io.firstcall.gateway.OpsView;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot.SummaryDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * Exports each stage's cumulative HdrHistogram, read at scrape time, three ways:
 * <pre>
 * firstcall_latency_seconds{stage="receive_to_journaled",quantile="0.99"} 3.0207E-5
 * firstcall_latency_seconds_count{stage="receive_to_journaled"} 1000
 * firstcall_latency_seconds_sum{stage="receive_to_journaled"} 0.0112
 * firstcall_latency_max_seconds{stage="receive_to_journaled"} 1.21343E-4
 * firstcall_stage_latency_seconds_bucket{stage="receive_to_journaled",le="5.0E-5"} 981
 * </pre>
 * A summary with HdrHistogram's exact quantiles (the same as {@code /latency} and the interval log),
 * the max as a gauge, and a histogram with explicit buckets ({@link HistogramBuckets#STAGE_LATENCY})
 * that, unlike quantiles, can be summed across instances. Hand-built snapshots from a
 * {@link MultiCollector}, not the client's {@code Summary} or {@code Histogram} (which record on the
 * recording thread): one histogram copy per stage feeds all three.
 * <p>
 * Everything covers the time since start, not a sliding window: for recent latency use
 * {@code rate()} of the buckets, {@code _sum} and {@code _count}, or the interval log.
 */
final class LatencyCollector implements MultiCollector
{
    static final String LATENCY_NAME = "firstcall_latency_seconds";
    static final String MAX_NAME = "firstcall_latency_max_seconds";
    static final String HISTOGRAM_NAME = "firstcall_stage_latency_seconds";
    static final String STAGE_LABEL = "stage";

    private static final double NANOS_PER_SECOND = 1e9;

    private final OpsView view;

    LatencyCollector(final OpsView view)
    {
        this.view = view;
    }

    public MetricSnapshots collect()
    {
        final StageLatency[] stages = StageLatency.snapshot(view.engine().histograms());
        final SummarySnapshot.Builder summary = SummarySnapshot.builder()
            .name(LATENCY_NAME)
            .unit(Unit.SECONDS)
            .help("Stage latency since start, from HdrHistogram");
        final GaugeSnapshot.Builder max = GaugeSnapshot.builder()
            .name(MAX_NAME)
            .unit(Unit.SECONDS)
            .help("Largest stage latency since start");
        final HistogramSnapshot.Builder histogram = HistogramSnapshot.builder()
            .name(HISTOGRAM_NAME)
            .unit(Unit.SECONDS)
            .help("Stage latency since start in explicit buckets, from HdrHistogram; " +
                "stage receive_to_alert is the alert latency");

        for (final StageLatency stage : stages)
        {
            final Labels labels = Labels.of(STAGE_LABEL, stage.stage().metricName());
            final Quantiles.Builder quantiles = Quantiles.builder();
            for (final Percentile percentile : Percentile.values())
            {
                quantiles.quantile(percentile.quantile(), seconds(stage.valueNs(percentile)));
            }
            summary.dataPoint(SummaryDataPointSnapshot.builder()
                .labels(labels)
                .count(stage.count())
                .sum(stage.sumNs() / NANOS_PER_SECOND)
                .quantiles(quantiles.build())
                .build());
            max.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(seconds(stage.maxNs())).build());
            histogram.dataPoint(HistogramDataPointSnapshot.builder()
                .labels(labels)
                .sum(stage.sumNs() / NANOS_PER_SECOND)
                .classicHistogramBuckets(HistogramBuckets.STAGE_LATENCY.buckets(stage.bucketCounts()))
                .build());
        }

        return MetricSnapshots.of(summary.build(), max.build(), histogram.build());
    }

    private static double seconds(final long valueNs)
    {
        return valueNs / NANOS_PER_SECOND;
    }
}
