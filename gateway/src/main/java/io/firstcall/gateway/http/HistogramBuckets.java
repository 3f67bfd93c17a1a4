package io.firstcall.gateway.http;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import org.HdrHistogram.Histogram;

/**
 * Explicit Prometheus histogram buckets read off an HdrHistogram at scrape time, so a histogram that
 * Prometheus can aggregate across instances ({@code sum by (le)}) costs nothing on the recording
 * thread. A bucket counts the values HdrHistogram holds at or below its bound, to HdrHistogram's
 * precision (0.1%): a value within 0.1% above a bound may count in that bound's bucket.
 */
final class HistogramBuckets
{
    /**
     * Stage latency, recorded in nanoseconds: 50 µs to 2.5 s.
     */
    static final HistogramBuckets STAGE_LATENCY = new HistogramBuckets(
        new double[]{ 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5 },
        1e9);

    /**
     * Time to claim, recorded in milliseconds: 1 s to a day, with 5 and 30 minutes, the response-time
     * marks speed-to-lead is judged by.
     */
    static final HistogramBuckets TIME_TO_CLAIM = new HistogramBuckets(
        new double[]{ 1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400, 28800, 86400 },
        1e3);

    private final long[] boundsInUnits;
    private final double[] upperBounds;

    /**
     * @param boundsSeconds the finite upper bounds, ascending.
     * @param unitsPerSecond what the histogram records: 1e9 for nanoseconds, 1e3 for milliseconds.
     */
    HistogramBuckets(final double[] boundsSeconds, final double unitsPerSecond)
    {
        boundsInUnits = new long[boundsSeconds.length];
        upperBounds = new double[boundsSeconds.length + 1];
        for (int i = 0; i < boundsSeconds.length; i++)
        {
            boundsInUnits[i] = Math.round(boundsSeconds[i] * unitsPerSecond);
            upperBounds[i] = boundsSeconds[i];
        }
        upperBounds[boundsSeconds.length] = Double.POSITIVE_INFINITY;
    }

    /**
     * @return each bucket's own count (not cumulative: the writer accumulates), the last for +Inf.
     */
    long[] counts(final Histogram histogram)
    {
        final long[] counts = new long[upperBounds.length];
        long atOrBelowPrevious = 0;
        for (int i = 0; i < boundsInUnits.length; i++)
        {
            final long atOrBelow = histogram.getCountBetweenValues(0, boundsInUnits[i]);
            counts[i] = atOrBelow - atOrBelowPrevious;
            atOrBelowPrevious = atOrBelow;
        }
        counts[boundsInUnits.length] = histogram.getTotalCount() - atOrBelowPrevious;

        return counts;
    }

    ClassicHistogramBuckets buckets(final long[] counts)
    {
        return ClassicHistogramBuckets.of(upperBounds, counts);
    }
}
