package io.firstcall.gateway.http;

import io.firstcall.timing.HistogramLogAgent;
import io.firstcall.timing.LatencyStage;
import org.HdrHistogram.Histogram;

/**
 * One stage's cumulative latency reduced to the figures the endpoints show. All figures come from one
 * copy of the stage's histogram, so a stage's count, percentiles and max always agree with each other.
 * Values are in nanoseconds, as recorded.
 */
final class StageLatency
{
    private static final Percentile[] PERCENTILES = Percentile.values();

    private final LatencyStage stage;
    private final long count;
    private final long maxNs;
    private final double meanNs;
    private final long[] percentileNs = new long[PERCENTILES.length];
    private final long[] bucketCounts;

    private StageLatency(final LatencyStage stage, final Histogram histogram)
    {
        this.stage = stage;
        count = histogram.getTotalCount();
        maxNs = histogram.getMaxValue();
        meanNs = histogram.getMean();
        for (final Percentile percentile : PERCENTILES)
        {
            percentileNs[percentile.ordinal()] = histogram.getValueAtPercentile(percentile.percentile());
        }
        bucketCounts = HistogramBuckets.STAGE_LATENCY.counts(histogram);
    }

    /**
     * @param stage the stage the histogram measures.
     * @param histogram durations in ns; read, not kept.
     * @return the figures of the histogram.
     */
    static StageLatency of(final LatencyStage stage, final Histogram histogram)
    {
        return new StageLatency(stage, histogram);
    }

    /**
     * Copy every stage's cumulative histogram. The cumulative histograms grow once per histogram log
     * interval ({@code firstcall.histogram.interval.ms}), so the figures lag by at most one interval.
     *
     * @param histograms the engine's histogram agent.
     * @return one entry per {@link LatencyStage}, in declaration order.
     */
    static StageLatency[] snapshot(final HistogramLogAgent histograms)
    {
        final LatencyStage[] stages = LatencyStage.values();
        final StageLatency[] latencies = new StageLatency[stages.length];
        for (final LatencyStage stage : stages)
        {
            latencies[stage.ordinal()] = of(stage, histograms.cumulative(stage));
        }

        return latencies;
    }

    LatencyStage stage()
    {
        return stage;
    }

    long count()
    {
        return count;
    }

    long maxNs()
    {
        return maxNs;
    }

    /**
     * @return the sum of all durations, estimated as mean times count: HdrHistogram keeps no exact sum,
     * and the estimate is within its precision (0.1%).
     */
    double sumNs()
    {
        return meanNs * count;
    }

    long valueNs(final Percentile percentile)
    {
        return percentileNs[percentile.ordinal()];
    }

    /**
     * @return the count of each {@link HistogramBuckets#STAGE_LATENCY} bucket, the last for +Inf.
     */
    long[] bucketCounts()
    {
        return bucketCounts;
    }
}
