package io.firstcall.gateway.dashboard;

import io.firstcall.audit.SpeedToLeadJson;
import io.firstcall.audit.SpeedToLeadSnapshot;
import io.firstcall.audit.TenantFigures;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The speed-to-lead panel's figures: the live speed-to-lead metrics of the audit projection (the same
 * figures as {@code /stats} and {@code firstcall report}), per tenant the total (the response-time
 * distribution across the buckets, connect, qualification and conversion rates by bucket, alerts and
 * claims) and the same by rep (response times from hot: average, median, p90). The operator sees
 * every tenant, a manager their own; a rep's view gets none of it: it is the team's. Each tenant's
 * JSON is written once per snapshot, whoever asks. Event loop only.
 */
final class SpeedFigures
{
    private final Supplier<SpeedToLeadSnapshot> snapshots;
    private final Map<String, String> tenantJson = new HashMap<>();
    private SpeedToLeadSnapshot rendered;

    /**
     * @param snapshots the latest live figures, or null when there are none yet.
     */
    SpeedFigures(final Supplier<SpeedToLeadSnapshot> snapshots)
    {
        this.snapshots = snapshots;
    }

    /**
     * @return the {@code speed} message for {@code viewer}, or null for a rep or before any figures.
     */
    String message(final Viewer viewer, final long nowMs)
    {
        final SpeedToLeadSnapshot snapshot = snapshots.get();
        if (viewer.isRep() || null == snapshot)
        {
            return null;
        }
        if (snapshot != rendered)
        {
            tenantJson.clear();
            rendered = snapshot;
        }
        final StringBuilder out = new StringBuilder(256)
            .append("{\"type\":\"speed\",\"now\":").append(nowMs)
            .append(",\"source\":\"audit\",\"neverAfterMs\":").append(snapshot.neverAfterNs() / 1_000_000)
            .append(",\"tenants\":[");
        boolean first = true;
        for (final TenantFigures tenant : snapshot.tenants().values())
        {
            if (viewer.seesTenant(tenant.tenant()))
            {
                out.append(first ? "" : ",").append(tenantJson.computeIfAbsent(tenant.tenant(), name -> json(tenant)));
                first = false;
            }
        }
        return out.append("]}").toString();
    }

    private static String json(final TenantFigures tenant)
    {
        return CardJson.object(g ->
        {
            g.writeStringField("tenant", tenant.tenant());
            g.writeFieldName("figures");
            SpeedToLeadJson.writeTenant(g, tenant, TenantFigures.Dimension.REP, "reps");
        });
    }
}
