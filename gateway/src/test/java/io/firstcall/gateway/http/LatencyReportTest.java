package io.firstcall.gateway.http;

import io.firstcall.timing.LatencyStage;
import io.firstcall.timing.StageTimer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LatencyReportTest
{
    private final StageLatency[] stages = new StageLatency[LatencyStage.values().length];

    LatencyReportTest()
    {
        for (final LatencyStage stage : LatencyStage.values())
        {
            final Histogram histogram = StageTimer.newHistogram();
            if (LatencyStage.RECEIVE_TO_JOURNALED == stage)
            {
                // Below 2048 ns a 3-digit histogram is exact, so the expected figures are too.
                histogram.recordValueWithCount(1500, 980);
                histogram.recordValueWithCount(2000, 19);
                histogram.recordValue(7);
            }
            stages[stage.ordinal()] = StageLatency.of(stage, histogram);
        }
    }

    @Test
    void shouldWriteTableInMicrosecondsWithThreeDecimals() throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        LatencyReport.writeText(stages, out);

        assertEquals(
            "# stage latency in microseconds, cumulative since start\n" +
            "stage                           count          p50          p90          p99        p99.9       p99.99          max\n" +
            "receive_to_journaled             1000        1.500        1.500        2.000        2.000        2.000        2.000\n" +
            "journaled_to_decided                0        0.000        0.000        0.000        0.000        0.000        0.000\n" +
            "decided_to_published                0        0.000        0.000        0.000        0.000        0.000        0.000\n" +
            "receive_to_published                0        0.000        0.000        0.000        0.000        0.000        0.000\n" +
            "receive_to_alert                    0        0.000        0.000        0.000        0.000        0.000        0.000\n",
            out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteJsonInMicrosecondsWithThreeDecimals() throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        LatencyReport.writeJson(stages, out);

        final String empty = "{\"count\":0,\"p50\":0.000,\"p90\":0.000,\"p99\":0.000,\"p99_9\":0.000,\"p99_99\":0.000,\"max\":0.000}";
        assertEquals(
            "{\"unit\":\"us\",\"stages\":{" +
            "\"receive_to_journaled\":{\"count\":1000,\"p50\":1.500,\"p90\":1.500,\"p99\":2.000,\"p99_9\":2.000," +
            "\"p99_99\":2.000,\"max\":2.000}," +
            "\"journaled_to_decided\":" + empty + "," +
            "\"decided_to_published\":" + empty + "," +
            "\"receive_to_published\":" + empty + "," +
            "\"receive_to_alert\":" + empty + "}}\n",
            out.toString(StandardCharsets.UTF_8));
    }
}
