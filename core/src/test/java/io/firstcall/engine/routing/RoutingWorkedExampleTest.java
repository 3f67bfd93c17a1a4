package io.firstcall.engine.routing;

import io.firstcall.engine.tenant.TenantRulesParser;
import io.firstcall.support.DocExamples;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static io.firstcall.engine.routing.RoutingHarness.HOUR;
import static io.firstcall.engine.routing.RoutingHarness.MINUTE;
import static io.firstcall.engine.routing.RoutingHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worked example of docs/routing.md, output for output, and the doc's JSON blocks checked
 * against what the engine rendered: if this test changes, change the doc.
 */
class RoutingWorkedExampleTest
{
    static final String RULES = """
        tenant: acme
        hot:
          forms: [demo_request]
        claim:
          managerQueue: acme-managers
        teams:
          - id: west
            visibility: owned
            claimWindow: 5m
            backupWindow: 3m
            managerQueue: west-managers
            territory: {regions: [us-west]}
        reps:
          - {id: ana, team: west, weight: 2, backup: ben, roles: {industries: [fintech]}}
          - {id: ben, team: west, weight: 1}
          - id: cruz
            team: west
            capacity: 10
            hours: {days: [mon, tue, wed, thu, fri], start: "10:00", end: "18:00", timezone: America/Los_Angeles}
        """;

    /**
     * Friday 2024-10-04, 16:00 UTC: 09:00 in Los Angeles.
     */
    static final long NINE_AM_PDT = T0 + 16 * HOUR;

    @Test
    void shouldRouteAsTheDocumentationShows()
    {
        final RoutingHarness harness = new RoutingHarness();
        harness.config(RULES, T0).online(T0, "ana", "ben", "cruz").clear();

        harness.lead("L7", "saas", "us-west", null, NINE_AM_PDT).form("L7", "demo_request", NINE_AM_PDT);
        harness.tick(NINE_AM_PDT + 5 * MINUTE);
        harness.offline(NINE_AM_PDT + 6 * MINUTE, "ben");
        harness.tick(NINE_AM_PDT + 8 * MINUTE);
        harness.call("L7", "cruz", NINE_AM_PDT + 9 * MINUTE);

        final List<String> kinds = harness.lines().stream()
            .map(l -> l.startsWith("Decision") ? l.substring(0, l.indexOf(" tenant=")) : l.substring(0, l.indexOf(' ')))
            .collect(Collectors.toList());
        assertEquals(List.of(
            "Decision seq=4 kind=LEAD_CREATED", "Decision seq=5 kind=HOT", "Decision seq=5 kind=ROUTED", "Assignment", "Alert",
            "Withdrawn", "Escalation", "Decision seq=6 kind=ESCALATED", "Assignment", "Alert",
            "Withdrawn", "Escalation", "Decision seq=8 kind=ESCALATED", "Alert",
            "Assignment", "Decision seq=9 kind=CLAIMED", "Withdrawn"), kinds);

        final long deadline1 = NINE_AM_PDT + 5 * MINUTE;
        final long deadline2 = NINE_AM_PDT + 8 * MINUTE;
        assertEquals("{\"level\":\"primary\",\"team\":\"west\",\"visibility\":\"owned\",\"lapsed\":[],\"pool\":[\"ana\",\"ben\"]," +
            "\"excluded\":[{\"rep\":\"cruz\",\"reason\":\"outside_hours\"}],\"assignment\":\"round_robin\"," +
            "\"ledger\":[{\"rep\":\"ana\",\"weight\":2,\"credit\":2},{\"rep\":\"ben\",\"weight\":1,\"credit\":1}]," +
            "\"poolWeight\":3,\"alerted\":[\"ana\"],\"deadlineNs\":" + deadline1 + ",\"managerQueue\":null,\"episode\":1}",
            harness.decision("ROUTED", "L7"));
        assertEquals(List.of("Assignment seq=5 reason=ROUND_ROBIN episode=1 tenant=acme lead=L7 rep=ana",
            "Assignment seq=6 reason=ESCALATION episode=1 tenant=acme lead=L7 rep=ben",
            "Assignment seq=9 reason=CLAIM episode=1 tenant=acme lead=L7 rep=cruz"), harness.lines("Assignment"));
        assertEquals(List.of("ana", "ben", "west-managers"), RoutingHarness.field(harness.lines("Alert"), "rep"));
        assertEquals(List.of(String.valueOf(deadline1), String.valueOf(deadline2), "0"),
            RoutingHarness.field(harness.lines("Alert"), "deadlineNs"));
        assertEquals(List.of("Escalation seq=6 level=BACKUP_REP episode=1 tenant=acme lead=L7 from=ana to=ben",
            "Escalation seq=8 level=MANAGER_QUEUE episode=1 tenant=acme lead=L7 from=ben to=west-managers"),
            harness.lines("Escalation"));

        final List<String> escalated = harness.lines().stream().filter(l -> l.contains("kind=ESCALATED"))
            .map(l -> l.substring(l.indexOf("detail=") + 7)).collect(Collectors.toList());
        assertEquals(List.of(
            "{\"level\":\"backup\",\"team\":\"west\",\"visibility\":\"owned\",\"lapsed\":[\"ana\"],\"pool\":[\"ben\"]," +
                "\"excluded\":[],\"assignment\":null,\"ledger\":[],\"poolWeight\":null,\"alerted\":[\"ben\"]," +
                "\"deadlineNs\":" + deadline2 + ",\"managerQueue\":null,\"episode\":1}",
            "{\"level\":\"queue\",\"team\":\"west\",\"visibility\":\"owned\",\"lapsed\":[\"ana\",\"ben\"],\"pool\":[]," +
                "\"excluded\":[],\"assignment\":null,\"ledger\":[],\"poolWeight\":null,\"alerted\":[],\"deadlineNs\":null," +
                "\"managerQueue\":\"west-managers\",\"episode\":1}"), escalated);
        assertEquals("{\"claimedBy\":\"cruz\",\"alerted\":false,\"level\":\"queue\",\"episode\":1}",
            harness.decision("CLAIMED", "L7"));

        final List<String> docs = DocExamples.jsonBlocks("routing.md");
        assertTrue(docs.contains(harness.decision("ROUTED", "L7")), "docs/routing.md shows the ROUTED detail");
        assertTrue(docs.containsAll(escalated), "docs/routing.md shows both ESCALATED details");
        assertTrue(docs.contains(harness.decision("CLAIMED", "L7")), "docs/routing.md shows the CLAIMED detail");

        final byte[] claimed = harness.outputs.raw().get(harness.lines().indexOf(
            harness.lines().stream().filter(l -> l.contains("kind=CLAIMED")).findFirst().orElseThrow()));
        final String line = harness.outputs.rendered(claimed).toString();
        assertTrue(line.startsWith("{\"type\":\"decision\",\"kind\":\"claimed\",\"seq\":9,\"at\":\"2024-10-04T16:09:00.000Z\"," +
            "\"configVersion\":" + TenantRulesParser.version(RULES) + ",\"tenant\":\"acme\",\"lead\":\"L7\",\"detail\":"), line);
        assertTrue(DocExamples.lines("protocol.md").contains(line), "docs/protocol.md's decision example: " + line);
        assertEquals(List.of("Withdrawn seq=6 episode=1 tenant=acme lead=L7 rep=ana claimedBy=",
            "Withdrawn seq=8 episode=1 tenant=acme lead=L7 rep=ben claimedBy=",
            "Withdrawn seq=9 episode=1 tenant=acme lead=L7 rep=west-managers claimedBy=cruz"), harness.lines("Withdrawn"));
    }
}
