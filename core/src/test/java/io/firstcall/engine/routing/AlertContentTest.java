package io.firstcall.engine.routing;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.HotCriterion;
import io.firstcall.codec.Level;
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
    void shouldCarryContextAndRecentActivityNewestFirst()
    {
        final RoutingHarness harness = new RoutingHarness();
        harness.config(RoutingScenariosTest.ROSTER.replace("hot:\n", "routing:\n  recentActivity: 2\nhot:\n"), T0 - HOUR)
            .online(T0 - HOUR, RoutingScenariosTest.EVERYONE)
            .lead("L1", "saas", "emea", null, T0)
            .form("L1", "ebook_download", T0 + MINUTE)
            .call("L1", "e1", T0 + 2 * MINUTE)
            .form("L1", "demo_request", T0 + 3 * MINUTE);

        final List<byte[]> alerts = alerts(harness);
        assertEquals(3, alerts.size(), "every emea rep");
        final AlertDecoder alert = new AlertDecoder().wrapAndApplyHeader(
            new UnsafeBuffer(alerts.get(0)), 0, new MessageHeaderDecoder().wrap(new UnsafeBuffer(alerts.get(0)), 0));
        assertEquals(T0 + 5 * MINUTE, alert.claimDeadlineNs());
        assertEquals(Visibility.ALL, alert.visibility());
        assertEquals(Level.PRIMARY, alert.level());
        assertEquals(50, alert.employees());
        assertTrue(alert.score() > 0);
        final AlertDecoder.CriteriaDecoder criteria = alert.criteria();
        assertEquals(1, criteria.count());
        assertEquals(HotCriterion.FORM, criteria.next().criterion());
        assertEquals("demo_request", criteria.name(), "the reasons, typed");

        final JsonNode rendered = harness.outputs.rendered(alerts.get(0));
        assertEquals("acme", rendered.get("tenant").asText());
        assertEquals("L1", rendered.get("lead").asText());
        assertEquals("e1", rendered.get("rep").asText());
        assertEquals("form:demo_request", rendered.get("reasons").get("criteria").get(0).asText(), "the reasons");
        assertEquals("Name L1", rendered.get("name").asText());
        assertEquals("L1@example.com", rendered.get("email").asText());
        assertEquals("Co L1", rendered.get("company").asText());
        assertEquals("saas", rendered.get("industry").asText());
        assertEquals("emea", rendered.get("region").asText());
        assertEquals("emea", rendered.get("team").asText());
        // T0 is 2024-10-04T00:00:00Z; the form came 3 minutes later, the call 2.
        assertEquals("[{\"type\":\"form\",\"detail\":\"demo_request\",\"at\":\"2024-10-04T00:03:00.000Z\"}," +
            "{\"type\":\"call\",\"detail\":\"started\",\"at\":\"2024-10-04T00:02:00.000Z\"}]",
            rendered.get("activity").toString(), "the routing's recentActivity: 2, newest first");
    }

    private static List<byte[]> alerts(final RoutingHarness harness)
    {
        final List<byte[]> alerts = new ArrayList<>();
        for (final byte[] raw : harness.outputs.raw())
        {
            if (AlertDecoder.TEMPLATE_ID == new MessageHeaderDecoder().wrap(new UnsafeBuffer(raw), 0).templateId())
            {
                alerts.add(raw);
            }
        }
        return alerts;
    }
}
