package io.firstcall.bench.load;

import org.HdrHistogram.Histogram;

/**
 * The percentiles the benchmarks report, taken from one histogram of nanosecond values.
 */
public final class LatencySummary
{
    private final long count;
    private final long p50Ns;
    private final long p90Ns;
    private final long p99Ns;
    private final long p999Ns;
    private final long p9999Ns;
    private final long maxNs;

    private LatencySummary(final Histogram histogram)
    {
        count = histogram.getTotalCount();
        p50Ns = histogram.getValueAtPercentile(50);
        p90Ns = histogram.getValueAtPercentile(90);
        p99Ns = histogram.getValueAtPercentile(99);
        p999Ns = histogram.getValueAtPercentile(99.9);
        p9999Ns = histogram.getValueAtPercentile(99.99);
        maxNs = histogram.getMaxValue();
    }

    public static LatencySummary of(final Histogram histogram)
    {
        return new LatencySummary(histogram);
    }

    public long count()
    {
        return count;
    }

    public long p50Ns()
    {
        return p50Ns;
    }

    public long p90Ns()
    {
        return p90Ns;
    }

    public long p99Ns()
    {
        return p99Ns;
    }

    public long p999Ns()
    {
        return p999Ns;
    }

    public long p9999Ns()
    {
        return p9999Ns;
    }

    public long maxNs()
    {
        return maxNs;
    }

    /**
     * @return "p50=.. p90=.. p99=.. p99.9=.. p99.99=.. max=.. n=.." in microseconds.
     */
    public String toString()
    {
        return String.format("p50=%s p90=%s p99=%s p99.9=%s p99.99=%s max=%s us n=%d",
            micros(p50Ns), micros(p90Ns), micros(p99Ns), micros(p999Ns), micros(p9999Ns), micros(maxNs), count);
    }

    static String micros(final long nanos)
    {
        return String.format("%.1f", nanos / 1000.0);
    }
}
