package io.firstcall.bench.load;

import io.firstcall.timing.HistogramLogAgent;
import io.firstcall.timing.LatencyStage;
import org.HdrHistogram.Histogram;

/**
 * The engine's own receive → output-published latency over one phase, when the gateway runs in
 * this JVM: it splits an alert's end-to-end time into the server's part and the rest (sockets,
 * wake-ups, the Netty threads). Every event counts, not only the hot ones.
 */
final class EngineStages
{
    private static final LatencyStage STAGE = LatencyStage.RECEIVE_TO_PUBLISHED;

    private final HistogramLogAgent histograms;
    private Histogram before;

    /**
     * @param histograms the in-process engine's histogram agent, or null when the server is remote.
     */
    EngineStages(final HistogramLogAgent histograms)
    {
        this.histograms = histograms;
    }

    void begin()
    {
        if (null != histograms)
        {
            histograms.sample();
            before = histograms.cumulative(STAGE);
        }
    }

    /**
     * @return the phase's receive → published latencies, or null when the server is remote.
     */
    LatencySummary end()
    {
        if (null == histograms)
        {
            return null;
        }
        histograms.sample();
        final Histogram phase = histograms.cumulative(STAGE);
        phase.subtract(before);
        return LatencySummary.of(phase);
    }
}
