package io.firstcall.engine.routing;

import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.Visibility;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.firstcall.engine.routing.RoutingHarness.HOUR;
import static io.firstcall.engine.routing.RoutingHarness.MINUTE;
import static io.firstcall.engine.routing.RoutingHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a rep sees in an alert: the lead, reasons and scores, contact details, account context,
 * recent activity, the visibility mode, the team and the claim deadline.
 */
class AlertContentTest
{
    @Test
    void alertCarriesContextAndRecentActivityNewestFirst()
    {
        final RoutingHarness harness = new RoutingHarness();
        harness.config(RoutingScenariosTest.ROSTER.replace("hot:\n", "routing:\n  recentActivity: 2\nhot:\n"), T0 - HOUR)
            .online(T0 - HOUR, RoutingScenariosTest.EVERYONE)
            .lead("L1", "saas", "emea", null, T0)
            .form("L1", "ebook_download", T0 + MINUTE)
            .call("L1", "e1", T0 + 2 * MINUTE)
            .form("L1", "demo_request", T0 + 3 * MINUTE);

        final List<AlertDecoder> alerts = alerts(harness);
        assertEquals(3, alerts.size(), "every emea rep");
        final AlertDecoder alert = alerts.get(0);
        assertEquals(T0 + 5 * MINUTE, alert.claimDeadlineNs());
        assertEquals(Visibility.ALL, alert.visibility());
        assertEquals(50, alert.employees());
        assertTrue(alert.score() > 0);
        assertEquals("acme", alert.tenant());
        assertEquals("L1", alert.lead());
        assertEquals("e1", alert.rep());
        assertTrue(alert.reasons().contains("form:demo_request"), "the reasons");
        assertEquals("Name L1", alert.name());
        assertEquals("L1@example.com", alert.email());
        alert.phone();
        assertEquals("Co L1", alert.company());
        assertEquals("saas", alert.industry());
        assertEquals("emea", alert.region());
        alert.product();
        assertEquals("emea", alert.team());
        final long ms = T0 / 1_000_000;
        assertEquals("[{\"type\":\"form\",\"detail\":\"demo_request\",\"atMs\":" + (ms + 180_000) + "}," +
            "{\"type\":\"call\",\"detail\":\"started\",\"atMs\":" + (ms + 120_000) + "}]", alert.activity());
    }

    private static List<AlertDecoder> alerts(final RoutingHarness harness)
    {
        final List<AlertDecoder> alerts = new ArrayList<>();
        for (final byte[] raw : harness.outputs.raw())
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(raw);
            final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, 0);
            if (AlertDecoder.TEMPLATE_ID == header.templateId())
            {
                alerts.add(new AlertDecoder().wrapAndApplyHeader(buffer, 0, header));
            }
        }
        return alerts;
    }
}
