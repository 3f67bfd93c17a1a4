package io.firstcall.audit;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * The speed-to-lead figures as JSON, one writer for {@code firstcall report --format json} and the
 * server's {@code /stats}, so the two read the same for the same journal. Times are in seconds,
 * amounts in currency units; a rate or time of an empty group is null.
 * <pre>
 * {"hotLeads":8,"open":1,
 *  "responseFromHot":{"leads":6,"avgSeconds":720.0,"medianSeconds":240.0,"p90Seconds":2700.0},
 *  "responseFromForm":{..},
 *  "buckets":{"le5m":{"leads":3,"connected":2,"qualified":1,"converted":1,"connectRate":0.667,
 *     "qualificationRate":0.333,"conversionRate":0.333,"opportunities":1,"opportunityAmount":1200.50},..},
 *  "alerts":9,"claims":4,"claimRate":0.444,"lapses":2,"escalations":2}
 * </pre>
 */
public final class SpeedToLeadJson
{
    private static final double NS_PER_SECOND = 1e9;

    private SpeedToLeadJson()
    {
    }

    /**
     * Write one tenant as {@code {"total":{..},"<groups>":{"name":{..},..}}}.
     *
     * @param groupsName the member the groups go under, e.g. {@code teams}.
     */
    public static void writeTenant(
        final JsonGenerator json, final TenantFigures tenant, final TenantFigures.Dimension dimension, final String groupsName)
        throws IOException
    {
        json.writeStartObject();
        json.writeFieldName("total");
        writeFigures(json, tenant.total());
        json.writeObjectFieldStart(groupsName);
        for (final Map.Entry<String, Figures> group : tenant.by(dimension).entrySet())
        {
            json.writeFieldName(group.getKey());
            writeFigures(json, group.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * The whole report: the window, the horizon, and each tenant grouped by {@code dimension}.
     */
    public static void writeReport(final JsonGenerator json, final SpeedToLeadSnapshot snapshot, final TenantFigures.Dimension dimension)
        throws IOException
    {
        json.writeStartObject();
        writeTime(json, "from", snapshot.fromNs(), Long.MIN_VALUE);
        writeTime(json, "to", snapshot.toNs(), Long.MAX_VALUE);
        writeTime(json, "end", snapshot.endNs(), Long.MIN_VALUE);
        json.writeNumberField("inputs", snapshot.inputs());
        json.writeNumberField("neverAfterSeconds", snapshot.neverAfterNs() / NS_PER_SECOND);
        json.writeStringField("by", dimension.name().toLowerCase(java.util.Locale.ROOT));
        json.writeObjectFieldStart("tenants");
        for (final TenantFigures tenant : snapshot.tenants().values())
        {
            json.writeFieldName(tenant.tenant());
            writeTenant(json, tenant, dimension, "groups");
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    public static void writeFigures(final JsonGenerator json, final Figures f) throws IOException
    {
        json.writeStartObject();
        json.writeNumberField("hotLeads", f.hotLeads());
        json.writeNumberField("open", f.open());
        writeTimes(json, "responseFromHot", f.fromHot());
        writeTimes(json, "responseFromForm", f.fromForm());
        json.writeObjectFieldStart("buckets");
        for (final ResponseBucket bucket : ResponseBucket.VALUES)
        {
            json.writeObjectFieldStart(bucket.key());
            json.writeNumberField("leads", f.leads(bucket));
            json.writeNumberField("connected", f.connected(bucket));
            json.writeNumberField("qualified", f.qualified(bucket));
            json.writeNumberField("converted", f.converted(bucket));
            writeRate(json, "connectRate", f.rate(f.connected(bucket), bucket));
            writeRate(json, "qualificationRate", f.rate(f.qualified(bucket), bucket));
            writeRate(json, "conversionRate", f.rate(f.converted(bucket), bucket));
            json.writeNumberField("opportunities", f.opportunities(bucket));
            json.writeFieldName("opportunityAmount");
            json.writeNumber(java.math.BigDecimal.valueOf(f.opportunityCents(bucket), 2));
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeNumberField("alerts", f.alerts());
        json.writeNumberField("claims", f.claims());
        writeRate(json, "claimRate", f.claimRate());
        json.writeNumberField("lapses", f.lapses());
        json.writeNumberField("escalations", f.escalations());
        json.writeEndObject();
    }

    private static void writeTimes(final JsonGenerator json, final String name, final ResponseTimes times) throws IOException
    {
        json.writeObjectFieldStart(name);
        json.writeNumberField("leads", times.count());
        if (0 == times.count())
        {
            json.writeNullField("avgSeconds");
            json.writeNullField("medianSeconds");
            json.writeNullField("p90Seconds");
        }
        else
        {
            json.writeNumberField("avgSeconds", times.meanNs() / NS_PER_SECOND);
            json.writeNumberField("medianSeconds", times.medianNs() / NS_PER_SECOND);
            json.writeNumberField("p90Seconds", times.p90Ns() / NS_PER_SECOND);
        }
        json.writeEndObject();
    }

    private static void writeRate(final JsonGenerator json, final String name, final double rate) throws IOException
    {
        if (Double.isNaN(rate))
        {
            json.writeNullField(name);
        }
        else
        {
            json.writeNumberField(name, rate);
        }
    }

    private static void writeTime(final JsonGenerator json, final String name, final long ns, final long none) throws IOException
    {
        if (none == ns)
        {
            json.writeNullField(name);
        }
        else
        {
            json.writeStringField(name, Instant.ofEpochSecond(0, ns).toString());
        }
    }
}
