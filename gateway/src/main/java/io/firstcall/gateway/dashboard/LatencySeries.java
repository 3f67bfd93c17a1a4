package io.firstcall.gateway.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import io.firstcall.timing.HistogramLogAgent;
import io.firstcall.timing.LatencyStage;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.io.IOException;

/**
 * The per-stage latency as the usual HdrHistogram percentile plot: for each stage, the points of
 * {@link Histogram#percentiles(int)} (percentile against value), for the last second (interval) and
 * since start (cumulative). The engine's histogram agent adds an interval to the cumulative
 * histograms every {@code histogram.interval.ms}; the interval view here is the difference between
 * two successive cumulative copies, so it needs no recorder of its own and never touches the
 * recording threads. Values are sent in microseconds; the x axis is {@code 1/(1-p)}, so the last
 * point (100%) is sent as the max instead. Event loop only.
 */
final class LatencySeries
{
    /** Points per halving of the distance to 100%: ~5 points per decade of the plot's x axis. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private final HistogramLogAgent histograms;
    private final Histogram[] previous = new Histogram[LatencyStage.values().length];

    LatencySeries(final HistogramLogAgent histograms)
    {
        this.histograms = histograms;
    }

    /**
     * @return the {@code latency} message: every stage's interval and cumulative series.
     */
    String sample(final long nowMs)
    {
        return CardJson.object(g ->
        {
            g.writeStringField("type", "latency");
            g.writeNumberField("now", nowMs);
            g.writeArrayFieldStart("stages");
            for (final LatencyStage stage : LatencyStage.values())
            {
                final Histogram cumulative = histograms.cumulative(stage);
                final Histogram before = previous[stage.ordinal()];
                final Histogram interval = cumulative.copy();
                if (null != before)
                {
                    interval.subtract(before);
                }
                previous[stage.ordinal()] = cumulative;
                g.writeStartObject();
                g.writeStringField("stage", stage.metricName());
                g.writeFieldName("interval");
                series(g, interval);
                g.writeFieldName("cumulative");
                series(g, cumulative);
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    private static void series(final JsonGenerator g, final Histogram histogram) throws IOException
    {
        g.writeStartObject();
        final long count = histogram.getTotalCount();
        g.writeNumberField("count", count);
        g.writeNumberField("maxUs", count > 0 ? histogram.getMaxValue() / 1000.0 : 0);
        g.writeArrayFieldStart("p");
        if (count > 0)
        {
            for (final HistogramIterationValue value : histogram.percentiles(TICKS_PER_HALF_DISTANCE))
            {
                final double percentile = value.getPercentileLevelIteratedTo();
                if (percentile >= 100.0)
                {
                    break;
                }
                g.writeNumber(percentile);
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("us");
        if (count > 0)
        {
            for (final HistogramIterationValue value : histogram.percentiles(TICKS_PER_HALF_DISTANCE))
            {
                if (value.getPercentileLevelIteratedTo() >= 100.0)
                {
                    break;
                }
                g.writeNumber(histogram.highestEquivalentValue(value.getValueIteratedTo()) / 1000.0);
            }
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
