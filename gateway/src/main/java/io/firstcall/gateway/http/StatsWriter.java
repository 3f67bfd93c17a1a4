package io.firstcall.gateway.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.firstcall.audit.SpeedToLeadJson;
import io.firstcall.audit.SpeedToLeadSnapshot;
import io.firstcall.audit.TenantFigures;
import io.firstcall.gateway.OpsView;
import io.firstcall.gateway.metrics.TenantActivity;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The {@code /stats} body: one JSON object with a member object per source of figures, so new
 * sections (speed-to-lead figures, say) are new members and existing clients keep working.
 * <pre>
 * {"engine":{"events_received":12,"ring_full":0,...},"gateway":{"connections_accepted":3,...}}
 * </pre>
 * Engine members are named by {@code EngineCounter.metricName()}, gateway members as the gateway
 * names its gauges and counters; {@code tenants} has each tenant's own counters ({@link TenantActivity}, the
 * table {@code /metrics} exports too). That is the operator's view. A tenant sees only its own counters, and
 * nothing global (the engine and gateway totals include other tenants' traffic):
 * <pre>
 * {"tenant":"acme","gateway":{"connections_open":1,"events_offered":12,"events_rate_limited":0,"event_errors":0,...}}
 * </pre>
 * Both add {@code speedToLead}: the live speed-to-lead figures ({@link SpeedToLeadJson}), per tenant
 * (the operator sees every tenant's, keyed by tenant; a tenant only its own) with its teams, exactly
 * as {@code firstcall report --by team --format json} writes them for the same journal.
 */
final class StatsWriter
{
    static final String SPEED_TO_LEAD = "speedToLead";
    static final String TEAMS = "teams";

    private StatsWriter()
    {
    }

    static void write(final OpsView view, final OpsPrincipal principal, final OutputStream out) throws IOException
    {
        try (JsonGenerator json = OpsJson.generator(out))
        {
            json.writeStartObject();
            final SpeedToLeadSnapshot speedToLead = view.speedToLead();
            if (principal.isOperator())
            {
                writeEngine(view, json);
                writeGateway(view, json);
                writeTenants(view, json);
                if (null != speedToLead)
                {
                    json.writeObjectFieldStart(SPEED_TO_LEAD);
                    for (final TenantFigures tenant : speedToLead.tenants().values())
                    {
                        json.writeFieldName(tenant.tenant());
                        SpeedToLeadJson.writeTenant(json, tenant, TenantFigures.Dimension.TEAM, TEAMS);
                    }
                    json.writeEndObject();
                }
            }
            else
            {
                json.writeStringField("tenant", principal.tenant());
                json.writeObjectFieldStart("gateway");
                view.tenantActivity().forEachStat(principal.tenant(), (name, value) -> OpsJson.writeNumberField(json, name, value));
                json.writeEndObject();
                final TenantFigures own = null == speedToLead ? null : speedToLead.tenants().get(principal.tenant());
                if (null != own)
                {
                    json.writeFieldName(SPEED_TO_LEAD);
                    SpeedToLeadJson.writeTenant(json, own, TenantFigures.Dimension.TEAM, TEAMS);
                }
            }
            json.writeEndObject();
            OpsJson.endDocument(json);
        }
    }

    private static void writeTenants(final OpsView view, final JsonGenerator json) throws IOException
    {
        final TenantActivity tenants = view.tenantActivity();
        json.writeObjectFieldStart("tenants");
        for (int slot = 0; slot < tenants.tenantCount(); slot++)
        {
            json.writeObjectFieldStart(tenants.tenant(slot));
            tenants.forEachStat(tenants.tenant(slot), (name, value) -> OpsJson.writeNumberField(json, name, value));
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeEngine(final OpsView view, final JsonGenerator json) throws IOException
    {
        json.writeObjectFieldStart("engine");
        view.engine().counters().forEachCounter(
            (counter, value) -> OpsJson.writeNumberField(json, counter.metricName(), value));
        json.writeEndObject();
    }

    private static void writeGateway(final OpsView view, final JsonGenerator json) throws IOException
    {
        json.writeObjectFieldStart("gateway");
        view.forEachGatewayGauge((name, value) -> OpsJson.writeNumberField(json, name, value));
        view.forEachGatewayCounter((name, value) -> OpsJson.writeNumberField(json, name, value));
        json.writeEndObject();
    }
}
