package io.firstcall.audit;

import org.agrona.collections.LongArrayList;

import java.util.Arrays;

/**
 * Summary of a set of response times: how many, their mean, median and 90th percentile. Percentiles
 * are by nearest rank: the p-th percentile of n sorted times is the ⌈p·n⌉-th smallest (so the median
 * of 4 times is the 2nd). Immutable.
 */
public final class ResponseTimes
{
    static final ResponseTimes NONE = new ResponseTimes(0, Double.NaN, -1, -1);

    private final long count;
    private final double meanNs;
    private final long medianNs;
    private final long p90Ns;

    private ResponseTimes(final long count, final double meanNs, final long medianNs, final long p90Ns)
    {
        this.count = count;
        this.meanNs = meanNs;
        this.medianNs = medianNs;
        this.p90Ns = p90Ns;
    }

    static ResponseTimes of(final LongArrayList times)
    {
        final int n = times.size();
        if (0 == n)
        {
            return NONE;
        }
        final long[] sorted = times.toLongArray();
        Arrays.sort(sorted);
        double sum = 0;
        for (final long time : sorted)
        {
            sum += time;
        }
        return new ResponseTimes(n, sum / n, nearestRank(sorted, 50), nearestRank(sorted, 90));
    }

    static long nearestRank(final long[] sorted, final int percent)
    {
        final int rank = (int)((sorted.length * (long)percent + 99) / 100);
        return sorted[Math.max(rank, 1) - 1];
    }

    public long count()
    {
        return count;
    }

    /**
     * @return NaN when there are none.
     */
    public double meanNs()
    {
        return meanNs;
    }

    /**
     * @return -1 when there are none.
     */
    public long medianNs()
    {
        return medianNs;
    }

    /**
     * @return -1 when there are none.
     */
    public long p90Ns()
    {
        return p90Ns;
    }
}
