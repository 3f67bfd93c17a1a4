package io.firstcall.gateway.http;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * The {@code /latency} body: every stage's cumulative count, percentiles and max in microseconds,
 * as a text table for people or JSON for dashboards.
 * <pre>
 * stage                         count          p50          p90          p99        p99.9       p99.99          max
 * receive_to_journaled           1000        9.471       14.015       30.207      120.319      121.343      121.343
 * </pre>
 * <pre>
 * {"unit":"us","stages":{"receive_to_journaled":{"count":1000,"p50":9.471,...,"max":121.343},...}}
 * </pre>
 */
final class LatencyReport
{
    static final String TEXT_CONTENT_TYPE = "text/plain; charset=utf-8";

    private static final String STAGE_COLUMN = "%-24s";
    private static final String NUMBER_COLUMN = " %12s";

    private LatencyReport()
    {
    }

    static void writeText(final StageLatency[] stages, final OutputStream out) throws IOException
    {
        final StringBuilder text = new StringBuilder(256 + 128 * stages.length);
        text.append("# stage latency in microseconds, cumulative since start\n");

        text.append(String.format(STAGE_COLUMN, "stage")).append(String.format(NUMBER_COLUMN, "count"));
        for (final Percentile percentile : Percentile.values())
        {
            text.append(String.format(NUMBER_COLUMN, percentile.label()));
        }
        text.append(String.format(NUMBER_COLUMN, "max")).append('\n');

        for (final StageLatency stage : stages)
        {
            text.append(String.format(STAGE_COLUMN, stage.stage().metricName()))
                .append(String.format(NUMBER_COLUMN, stage.count()));
            for (final Percentile percentile : Percentile.values())
            {
                text.append(String.format(NUMBER_COLUMN, micros(stage.valueNs(percentile))));
            }
            text.append(String.format(NUMBER_COLUMN, micros(stage.maxNs()))).append('\n');
        }

        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static void writeJson(final StageLatency[] stages, final OutputStream out) throws IOException
    {
        try (JsonGenerator json = OpsJson.generator(out))
        {
            json.writeStartObject();
            json.writeStringField("unit", "us");
            json.writeObjectFieldStart("stages");
            for (final StageLatency stage : stages)
            {
                json.writeObjectFieldStart(stage.stage().metricName());
                json.writeNumberField("count", stage.count());
                for (final Percentile percentile : Percentile.values())
                {
                    OpsJson.writeMicrosField(json, percentile.jsonName(), stage.valueNs(percentile));
                }
                OpsJson.writeMicrosField(json, "max", stage.maxNs());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
            OpsJson.endDocument(json);
        }
    }

    /**
     * Same decimal shift as the JSON, so text and JSON show the same digits.
     */
    private static String micros(final long valueNs)
    {
        return BigDecimal.valueOf(valueNs, 3).toPlainString();
    }
}
