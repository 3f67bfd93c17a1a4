package io.firstcall.engine.routing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.firstcall.engine.routing.RoutingHarness.HOUR;
import static io.firstcall.engine.routing.RoutingHarness.MINUTE;
import static io.firstcall.engine.routing.RoutingHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each visibility mode, claims and escalation, driven by deterministic event scripts.
 */
class RoutingScenariosTest
{
    static final String ROSTER = String.join("\n",
        "tenant: acme",
        "hot:",
        "  forms: [demo_request]",
        "  cooldown: 1m",
        "claim:",
        "  window: 5m",
        "  managerQueue: acme-managers",
        "teams:",
        "  - id: west",
        "    visibility: owned",
        "    claimWindow: 5m",
        "    backupWindow: 3m",
        "    managerQueue: west-managers",
        "    territory: {regions: [us-west]}",
        "  - id: emea",
        "    visibility: all",
        "    claimWindow: 2m",
        "    managerQueue: emea-managers",
        "    backup: w3",
        "    territory: {regions: [emea]}",
        "  - id: apac",
        "    visibility: role",
        "    territory: {regions: [apac]}",
        "reps:",
        "  - {id: w1, team: west, backup: w2}",
        "  - {id: w2, team: west, roles: {industries: [fintech]}}",
        "  - {id: w3, team: west, weight: 2}",
        "  - {id: e1, team: emea}",
        "  - {id: e2, team: emea}",
        "  - {id: e3, team: emea}",
        "  - {id: a1, team: apac, roles: {industries: [saas]}}",
        "  - {id: a2, team: apac, roles: {industries: [fintech]}}",
        "  - {id: a3, team: apac, roles: {products: [crm]}}",
        "");
    static final String[] EVERYONE = {"w1", "w2", "w3", "e1", "e2", "e3", "a1", "a2", "a3"};

    private final RoutingHarness harness = new RoutingHarness();

    private RoutingHarness configured(final String yaml)
    {
        return harness.config(yaml, T0 - HOUR).online(T0 - HOUR, EVERYONE).clear();
    }

    @Test
    void ownedModeHonoursTheExistingOwner()
    {
        configured(ROSTER).lead("L1", "saas", "us-west", "w2", T0).form("L1", "demo_request", T0);

        assertEquals(List.of("w2"), harness.alertedReps("L1"));
        assertEquals(List.of("Assignment seq=" + (harness.lines("Assignment").isEmpty() ? -1 :
            RoutingHarness.field(harness.lines("Assignment"), "seq").get(0)) +
            " reason=EXISTING_OWNER episode=1 tenant=acme lead=L1 rep=w2"), harness.lines("Assignment"));
        final String routed = harness.decision("ROUTED", "L1");
        assertTrue(routed.startsWith("{\"level\":\"primary\",\"team\":\"west\",\"visibility\":\"owned\",\"lapsed\":[]," +
            "\"pool\":[\"w2\"],\"excluded\":[],\"assignment\":\"existing_owner\",\"ledger\":[],\"poolWeight\":null," +
            "\"alerted\":[\"w2\"]"), routed);
    }

    @Test
    void ownedModeFallsBackToTerritoryWhenTheOwnerIsOffline()
    {
        configured(ROSTER).offline(T0, "w1").lead("L1", "fintech", "us-west", "w1", T0).form("L1", "demo_request", T0);

        assertEquals(List.of("w2"), harness.alertedReps("L1"));
        assertTrue(harness.lines("Assignment").get(0).contains("reason=TERRITORY"), harness.lines("Assignment").toString());
        final String routed = harness.decision("ROUTED", "L1");
        assertTrue(routed.contains("\"excluded\":[{\"rep\":\"w1\",\"reason\":\"offline\"}]"), "the owner, once: " + routed);
        assertTrue(routed.contains("\"pool\":[\"w2\",\"w3\"]"), routed);
        assertTrue(routed.contains("\"assignment\":\"territory\",\"ledger\":[{\"rep\":\"w2\",\"weight\":1,\"credit\":1}]"), routed);
    }

    @Test
    void ownedModeFallsBackToWeightedRoundRobin()
    {
        configured(ROSTER);
        for (int i = 1; i <= 4; i++)
        {
            harness.hotLead("L" + i, "us-west", T0 + i);
        }

        assertEquals(List.of("w3", "w1", "w2", "w3"), RoutingHarness.field(harness.lines("Alert"), "rep"));
        assertTrue(harness.lines("Assignment").stream().allMatch(l -> l.contains("reason=ROUND_ROBIN")));
        final String routed = harness.decision("ROUTED", "L2");
        assertTrue(routed.contains("\"assignment\":\"round_robin\",\"ledger\":[{\"rep\":\"w1\",\"weight\":1,\"credit\":2}," +
            "{\"rep\":\"w2\",\"weight\":1,\"credit\":2},{\"rep\":\"w3\",\"weight\":2,\"credit\":0}],\"poolWeight\":4"), routed);
    }

    @Test
    void allRecordsRaceHasExactlyOneWinner()
    {
        configured(ROSTER).hotLead("L1", "emea", T0);
        assertEquals(List.of("e1", "e2", "e3"), harness.alertedReps("L1"));
        assertTrue(harness.lines("Alert").stream().allMatch(l -> l.contains("deadlineNs=" + (T0 + 2 * MINUTE))));
        assertEquals(List.of(), harness.lines("Assignment"), "no owner before someone calls");
        harness.clear();

        harness.call("L1", "e2", T0 + MINUTE).call("L1", "e1", T0 + MINUTE);

        final List<String> lines = harness.lines();
        assertEquals(List.of("Assignment seq=" + seqOf(lines.get(0)) + " reason=CLAIM episode=1 tenant=acme lead=L1 rep=e2"),
            harness.lines("Assignment"));
        assertEquals(1, harness.lines().stream().filter(l -> l.contains("kind=CLAIMED")).count());
        assertEquals(List.of("e1", "e3"), RoutingHarness.field(harness.lines("Withdrawn"), "rep"));
        assertTrue(harness.lines("Withdrawn").stream().allMatch(l -> l.endsWith("claimedBy=e2")));
        assertEquals(1, harness.lines("ClaimRejected").size());
        assertTrue(harness.lines("ClaimRejected").get(0).contains("rep=e1 owner=e2 reason=already_claimed"));
        assertEquals(1, harness.machine.pendingTimers(), "the claim timer is cancelled; the claimer's capacity hold remains");
    }

    @Test
    void roleModeAlertsOnlyMatchingReps()
    {
        configured(ROSTER).hotLead("L1", "apac", T0);

        assertEquals(List.of("a1"), harness.alertedReps("L1"));
        final String routed = harness.decision("ROUTED", "L1");
        assertTrue(routed.contains("\"visibility\":\"role\",\"lapsed\":[],\"pool\":[\"a1\"]," +
            "\"excluded\":[{\"rep\":\"a2\",\"reason\":\"role_mismatch\"}," +
            "{\"rep\":\"a3\",\"reason\":\"role_mismatch\"}]"), routed);
    }

    @Test
    void escalationGoesToTheBackupRepThenTheManagerQueue()
    {
        configured(ROSTER).lead("L1", "saas", "us-west", "w1", T0).form("L1", "demo_request", T0).clear();

        harness.tick(T0 + 5 * MINUTE - 1);
        assertEquals(List.of(), harness.lines(), "nothing before the window ends");

        harness.tick(T0 + 5 * MINUTE);
        List<String> lines = harness.lines();
        assertTrue(lines.get(0).startsWith("Withdrawn") && lines.get(0).contains("rep=w1 claimedBy="), lines.toString());
        assertTrue(lines.get(1).contains("Escalation") && lines.get(1).contains("level=BACKUP_REP") &&
            lines.get(1).endsWith("from=w1 to=w2"), lines.toString());
        final String escalated = harness.decision("ESCALATED", "L1");
        assertTrue(escalated.startsWith("{\"level\":\"backup\",\"team\":\"west\",\"visibility\":\"owned\",\"lapsed\":[\"w1\"]," +
            "\"pool\":[\"w2\"],\"excluded\":[],\"assignment\":null,\"ledger\":[],\"poolWeight\":null,\"alerted\":[\"w2\"]," +
            "\"deadlineNs\":" + (T0 + 8 * MINUTE) + ",\"managerQueue\":null,\"episode\":1}"), escalated);
        assertTrue(harness.lines("Assignment").get(0).endsWith("reason=ESCALATION episode=1 tenant=acme lead=L1 rep=w2"));
        assertEquals(List.of("w2"), harness.alertedReps("L1"));
        harness.clear();

        harness.tick(T0 + 8 * MINUTE);
        lines = harness.lines();
        assertTrue(lines.get(0).startsWith("Withdrawn") && lines.get(0).contains("rep=w2"), lines.toString());
        assertTrue(lines.get(1).contains("level=MANAGER_QUEUE") && lines.get(1).endsWith("from=w2 to=west-managers"), lines.toString());
        assertEquals(List.of("west-managers"), harness.alertedReps("L1"));
        assertTrue(harness.lines("Alert").get(0).contains("deadlineNs=0"), "the queue has no deadline");
        assertEquals(0, harness.machine.pendingTimers(), "the end of the chain; holds released with the lapsed offers");

        harness.clear().call("L1", "w9", T0 + 9 * MINUTE);
        assertEquals(1, harness.lines("Assignment").size(), "anyone may claim from the manager queue");
        assertEquals(List.of("west-managers"), RoutingHarness.field(harness.lines("Withdrawn"), "rep"));
    }

    @Test
    void escalationSkipsRepsWhoLetTheLeadLapse()
    {
        configured(ROSTER.replace("backup: w3", "backup: e1")).hotLead("L1", "emea", T0).clear();

        harness.tick(T0 + 2 * MINUTE);

        final String escalated = harness.decision("ESCALATED", "L1");
        assertTrue(escalated.startsWith("{\"level\":\"queue\",\"team\":\"emea\",\"visibility\":\"all\"," +
            "\"lapsed\":[\"e1\",\"e2\",\"e3\"],\"pool\":[],\"excluded\":[{\"rep\":\"e1\",\"reason\":\"lapsed\"}]," +
            "\"assignment\":null,\"ledger\":[],\"poolWeight\":null,\"alerted\":[],\"deadlineNs\":null," +
            "\"managerQueue\":\"emea-managers\""), escalated);
        assertEquals(List.of("e1", "e2", "e3"), RoutingHarness.field(harness.lines("Withdrawn"), "rep"));
        assertEquals(List.of("emea-managers"), harness.alertedReps("L1"));
        assertEquals(List.of(), harness.lines("Assignment"));
    }

    @Test
    void allModeEscalatesToTheTeamBackup()
    {
        configured(ROSTER).hotLead("L1", "emea", T0).clear();

        harness.tick(T0 + 2 * MINUTE);

        assertEquals(List.of("w3"), harness.alertedReps("L1"));
        assertTrue(harness.lines("Escalation").get(0).contains("level=BACKUP_REP"));
        assertTrue(harness.lines("Alert").get(0).contains("deadlineNs=" + (T0 + 4 * MINUTE)), "backup window = claim window");
    }

    @Test
    void skipsRepsOutsideTheirHoursAndAtCapacity()
    {
        final String rules = ROSTER
            .replace("{id: w1, team: west, backup: w2}",
                "{id: w1, team: west, backup: w2, hours: {days: [mon, tue, wed, thu, fri], start: \"09:00\", end: \"17:00\", " +
                "timezone: UTC}}")
            .replace("{id: w3, team: west, weight: 2}", "{id: w3, team: west, weight: 2, capacity: 1}");
        configured(rules);

        harness.hotLead("L1", "us-west", T0);
        assertEquals(List.of("w3"), harness.alertedReps("L1"));
        assertTrue(harness.decision("ROUTED", "L1").contains("{\"rep\":\"w1\",\"reason\":\"outside_hours\"}"));

        harness.hotLead("L2", "us-west", T0 + 1);
        assertEquals(List.of("w2"), harness.alertedReps("L2"));
        final String second = harness.decision("ROUTED", "L2");
        assertTrue(second.contains("\"excluded\":[{\"rep\":\"w1\",\"reason\":\"outside_hours\"}," +
            "{\"rep\":\"w3\",\"reason\":\"at_capacity\"}]"), second);

        harness.qualify("L1", "w3", T0 + 2).hotLead("L3", "us-west", T0 + 3);
        assertTrue(harness.decision("ROUTED", "L3").contains("\"pool\":[\"w2\",\"w3\"]"), "a qualification frees the capacity");
        assertEquals(List.of("w2"), harness.alertedReps("L3"), "w2 earned credit while w3 was full");

        harness.hotLead("L4", "us-west", T0 + 10 * HOUR);
        assertTrue(harness.decision("ROUTED", "L4").contains("\"pool\":[\"w1\",\"w2\",\"w3\"],\"excluded\":[]"),
            "Friday 10:00 UTC is inside w1's hours");
    }

    @Test
    void capacityHoldEndsAfterTheHoldTime()
    {
        configured(ROSTER.replace("{id: w3, team: west, weight: 2}", "{id: w3, team: west, weight: 2, capacity: 1}")
            .replace("  managerQueue: acme-managers\n", "  managerQueue: acme-managers\nrouting:\n  holdFor: 1h\n"));
        harness.hotLead("L1", "us-west", T0).call("L1", "w3", T0 + MINUTE);
        harness.hotLead("L2", "us-west", T0 + 2 * MINUTE);
        assertTrue(harness.decision("ROUTED", "L2").contains("{\"rep\":\"w3\",\"reason\":\"at_capacity\"}"));

        harness.tick(T0 + MINUTE + HOUR).hotLead("L3", "us-west", T0 + 2 * HOUR);
        assertTrue(harness.decision("ROUTED", "L3").contains("\"pool\":[\"w1\",\"w2\",\"w3\"]"), harness.decision("ROUTED", "L3"));
    }

    @Test
    void leadWithNoEligibleRepGoesStraightToTheManagerQueue()
    {
        configured(ROSTER).offline(T0, "w1", "w2", "w3").hotLead("L1", "us-west", T0);

        assertEquals(List.of("west-managers"), harness.alertedReps("L1"));
        final String routed = harness.decision("ROUTED", "L1");
        assertTrue(routed.contains("\"pool\":[],\"excluded\":[{\"rep\":\"w1\",\"reason\":\"offline\"}," +
            "{\"rep\":\"w2\",\"reason\":\"offline\"},{\"rep\":\"w3\",\"reason\":\"offline\"}],\"assignment\":null," +
            "\"ledger\":[],\"poolWeight\":null,\"alerted\":[],\"deadlineNs\":null,\"managerQueue\":\"west-managers\""), routed);
        assertTrue(routed.startsWith("{\"level\":\"primary\""), "the first step, though it ends in the queue: " + routed);
        assertEquals(0, harness.machine.pendingTimers());
    }

    @Test
    void busyRepsAreNotOffered()
    {
        configured(ROSTER).presence("e2", io.firstcall.codec.PresenceStatus.BUSY, T0).hotLead("L1", "emea", T0);

        assertEquals(List.of("e1", "e3"), harness.alertedReps("L1"));
        assertTrue(harness.decision("ROUTED", "L1").contains("{\"rep\":\"e2\",\"reason\":\"busy\"}"));
    }

    @Test
    void leadNoTeamCoversGoesToTheTenantQueue()
    {
        configured(ROSTER).hotLead("L1", "latam", T0);

        assertEquals(List.of("acme-managers"), harness.alertedReps("L1"));
        assertTrue(harness.decision("ROUTED", "L1").startsWith("{\"level\":\"primary\",\"team\":null"));
    }

    @Test
    void unalertedClaimIsAcceptedByDefaultAndRecorded()
    {
        configured(ROSTER).hotLead("L1", "emea", T0).clear();

        harness.call("L1", "w1", T0 + MINUTE);

        assertTrue(harness.lines("Assignment").get(0).endsWith("reason=CLAIM episode=1 tenant=acme lead=L1 rep=w1"));
        assertTrue(harness.decision("CLAIMED", "L1").contains("\"claimedBy\":\"w1\",\"alerted\":false"));
        assertEquals(List.of("e1", "e2", "e3"), RoutingHarness.field(harness.lines("Withdrawn"), "rep"));
    }

    @Test
    void unalertedClaimIsRejectedWhenConfigured()
    {
        configured(ROSTER.replace("  managerQueue: acme-managers\n", "  managerQueue: acme-managers\nrouting:\n  unalertedClaims: reject\n"))
            .hotLead("L1", "emea", T0).clear();

        harness.call("L1", "w1", T0 + MINUTE);

        assertTrue(harness.lines("ClaimRejected").get(0).contains("rep=w1 owner= reason=not_alerted"));
        assertEquals(List.of(), harness.lines("Assignment"));
        harness.call("L1", "e3", T0 + MINUTE);
        assertTrue(harness.lines("Assignment").get(0).endsWith("rep=e3"), "the lead stayed open for the alerted reps");
    }

    @Test
    void aLapsedRepsLateCallIsAnUnalertedClaim()
    {
        configured(ROSTER.replace("  managerQueue: acme-managers\n", "  managerQueue: acme-managers\nrouting:\n  unalertedClaims: reject\n"))
            .lead("L1", "saas", "us-west", "w1", T0).form("L1", "demo_request", T0).tick(T0 + 5 * MINUTE).clear();

        harness.call("L1", "w1", T0 + 6 * MINUTE);

        assertTrue(harness.lines("ClaimRejected").get(0).contains("rep=w1 owner= reason=not_alerted"), harness.lines().toString());
    }

    @Test
    void aNewEpisodeWithdrawsTheStandingOffersOfTheLastOne()
    {
        configured(ROSTER).hotLead("L1", "emea", T0).clear();
        harness.form("L1", "demo_request", T0 + MINUTE / 2);
        assertEquals(List.of(), harness.lines("Alert"), "inside the cooldown nothing is offered again");

        harness.tick(T0 + 2 * MINUTE);
        assertEquals(List.of("w3"), harness.alertedReps("L1"), "the team backup");
        assertEquals(List.of(), harness.lines("Assignment"), "in all-records mode the backup is offered, not assigned");
        harness.clear();

        harness.form("L1", "demo_request", T0 + 3 * MINUTE);
        final List<String> withdrawn = harness.lines("Withdrawn");
        assertEquals(List.of("Withdrawn seq=" + seqOf(withdrawn.get(0)) + " episode=1 tenant=acme lead=L1 rep=w3 claimedBy="),
            withdrawn, "episode 1's backup offer is withdrawn when episode 2 opens");
        assertEquals(List.of("e1", "e2", "e3"), harness.alertedReps("L1"));
        assertTrue(harness.lines("Alert").stream().allMatch(l -> l.contains("episode=2")));
    }

    private static String seqOf(final String line)
    {
        return RoutingHarness.field(List.of(line), "seq").get(0);
    }
}
