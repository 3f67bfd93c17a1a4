package io.firstcall.gateway.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;
import io.firstcall.gateway.metrics.TenantActivity;
import io.firstcall.gateway.metrics.TenantCounter;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The speed-to-lead panel's figures, from the counters {@code /stats} serves: per tenant the alerts,
 * claims (and so the claim rate) and escalations; for the operator also the distribution of time to
 * claim across the response buckets (5 and 30 minutes), which {@code /stats} keeps for every tenant
 * together and so is shown to the operator only. A rep's view gets none of it: it is the team's.
 * Event loop only.
 */
final class SpeedFigures
{
    private static final long FIVE_MINUTES_MS = TimeUnit.MINUTES.toMillis(5);
    private static final long THIRTY_MINUTES_MS = TimeUnit.MINUTES.toMillis(30);

    private final TenantActivity activity;

    SpeedFigures(final TenantActivity activity)
    {
        this.activity = activity;
    }

    /**
     * @return the {@code speed} message for {@code viewer}, or null for a rep.
     */
    String message(final Viewer viewer, final long nowMs, final Histogram timeToClaim)
    {
        if (viewer.isRep())
        {
            return null;
        }
        return CardJson.object(g ->
        {
            g.writeStringField("type", "speed");
            g.writeNumberField("now", nowMs);
            g.writeStringField("source", "stats");
            g.writeArrayFieldStart("tenants");
            for (int slot = 0; slot < activity.tenantCount(); slot++)
            {
                final String tenant = activity.tenant(slot);
                if (viewer.seesTenant(tenant))
                {
                    tenant(g, slot, tenant);
                }
            }
            g.writeEndArray();
            if (viewer.isOperator() && null != timeToClaim)
            {
                g.writeFieldName("timeToClaim");
                buckets(g, timeToClaim);
            }
        });
    }

    private void tenant(final JsonGenerator g, final int slot, final String tenant) throws IOException
    {
        final long alerts = activity.value(slot, TenantCounter.ALERTS);
        final long claims = activity.value(slot, TenantCounter.CLAIMS);
        g.writeStartObject();
        g.writeStringField("tenant", tenant);
        g.writeNumberField("alerts", alerts);
        g.writeNumberField("claims", claims);
        g.writeNumberField("escalations", activity.value(slot, TenantCounter.ESCALATIONS));
        g.writeNumberField("events", activity.value(slot, TenantCounter.EVENTS_ACCEPTED));
        g.writeEndObject();
    }

    private static void buckets(final JsonGenerator g, final Histogram claims) throws IOException
    {
        final long total = claims.getTotalCount();
        final long within5 = total > 0 ? claims.getCountBetweenValues(0, FIVE_MINUTES_MS) : 0;
        final long within30 = total > 0 ? claims.getCountBetweenValues(0, THIRTY_MINUTES_MS) : 0;
        g.writeStartObject();
        g.writeNumberField("claims", total);
        g.writeNumberField("within5m", within5);
        g.writeNumberField("within30m", within30 - within5);
        g.writeNumberField("later", total - within30);
        g.writeNumberField("p50Ms", total > 0 ? claims.getValueAtPercentile(50) : 0);
        g.writeNumberField("p90Ms", total > 0 ? claims.getValueAtPercentile(90) : 0);
        g.writeEndObject();
    }
}
