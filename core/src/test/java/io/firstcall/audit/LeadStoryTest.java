package io.firstcall.audit;

import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.support.DocExamples;
import io.firstcall.support.ScriptedJournal;
import io.firstcall.support.SpeedToLeadScript;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.firstcall.support.ScriptedJournal.HOUR;
import static io.firstcall.support.ScriptedJournal.MINUTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadStoryTest
{
    /**
     * docs/routing.md's worked example: the rules of tenant acme.
     */
    private static final String WORKED_EXAMPLE_RULES = """
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

    @TempDir
    Path dataDir;

    @Test
    void shouldPrintTheFourDecisionsOfTheRoutingWorkedExample()
    {
        final long nineAm = TimeUnit.DAYS.toNanos(20_000) + 16 * HOUR;
        try (ScriptedJournal s = new ScriptedJournal(dataDir, "acme"))
        {
            s.at(TimeUnit.DAYS.toNanos(20_000)).config(WORKED_EXAMPLE_RULES)
                .presence("ana", PresenceStatus.AVAILABLE).presence("ben", PresenceStatus.AVAILABLE)
                .presence("cruz", PresenceStatus.AVAILABLE);
            s.at(nineAm).lead("L7", "saas", "us-west", "web").form("L7", "demo_request");
            s.at(nineAm + 5 * MINUTE).tick();
            s.at(nineAm + 6 * MINUTE).presence("ben", PresenceStatus.OFFLINE);
            s.at(nineAm + 8 * MINUTE).tick();
            s.at(nineAm + 9 * MINUTE).call("L7", "cruz", CallOutcome.STARTED);
        }

        final String text = explain("acme", "L7");
        final List<String> documented = DocExamples.jsonBlocks("routing.md");
        final List<String> decisions = documented.stream()
            .filter(block -> block.startsWith("{\"level\"") || block.startsWith("{\"claimedBy\""))
            .collect(Collectors.toList());
        assertEquals(4, decisions.size(), "routed, escalated twice, claimed: " + documented);
        for (final String decision : decisions)
        {
            assertTrue(text.contains(decision), "explain shows " + decision + "\n" + text);
        }
        assertTrue(text.contains("response time: 9m00s from becoming hot (2024-10-04T16:00:00Z) to the first call by cruz"),
            text);
    }

    @Test
    void shouldTellEveryStepOfAScriptedLead()
    {
        SpeedToLeadScript.write(dataDir);
        final String text = explain("acme", "L1");
        final List<String> expected = List.of(
            "input    {\"type\":\"lead\",\"id\":",
            "\"lead\":\"L1\"",
            "lead_created config version ",
            "input    {\"type\":\"form\",",
            "\"form\":\"demo_request\"",
            "score    40 (+40): firmographic 0, behavioural 40, external 0",
            "hot      criteria [\"form:demo_request\"], score 40 (firmographic 0, behavioural 40, external 0), episode 1, config version ",
            "routed   level primary, team west (owned), pool [\"ana\",\"ben\"], excluded [], lapsed [], assignment round_robin, " +
                "ledger [ana weight 1 credit 1, ben weight 1 credit 1], alerted [\"ana\"], manager queue null, config version ",
            "assigned to ana (round_robin)",
            "alert    to ana, level primary, claim deadline 2024-10-04T01:10:00.000Z, score 40, criteria [\"form:demo_request\"]",
            "\"type\":\"call\"",
            "\"outcome\":\"started\"",
            "claimed  by ana (alerted true, level primary)",
            "\"outcome\":\"connected\"",
            "\"type\":\"qualify\"",
            "\"type\":\"opportunity\"",
            "\"amount\":1200.50",
            "\"type\":\"converted\"",
            "response time: 2m00s from becoming hot (2024-10-04T01:00:00Z) to the first call by ana (2024-10-04T01:02:00Z)");
        int at = 0;
        for (final String part : expected)
        {
            final int found = text.indexOf(part, at);
            assertTrue(found >= 0, "in order: " + part + "\n" + text);
            at = found;
        }
    }

    @Test
    void shouldTellLapsesEscalationsAndTheConfigurationInForce()
    {
        SpeedToLeadScript.write(dataDir);
        final String text = explain("acme", "L4");
        assertTrue(text.contains("withdrawn from ben: the claim window lapsed"), text);
        assertTrue(text.contains("escalation from ben to west-managers (manager_queue)"), text);
        assertTrue(text.contains("escalated level queue, team west (owned), pool [], excluded [], lapsed [\"ben\"]"), text);
        assertTrue(text.contains("alert    to west-managers, level queue"), text);
        assertTrue(text.contains("response time: hot at 2024-10-04T04:00:00Z, no call attempt since"), text);
        assertTrue(text.contains("config_applied rules version "), text);
        assertEquals(-1, text.indexOf("\"lead\":\"L1\""), "only L4's story");
    }

    private String explain(final String tenant, final String lead)
    {
        final LeadStory story = new LeadStory(tenant, lead);
        try (DataDirectory data = DataDirectory.open(dataDir); JournalWalk walk = data.walk())
        {
            walk.drain(story);
        }
        final StringWriter text = new StringWriter();
        LeadStoryWriter.writeText(new PrintWriter(text), story);
        return text.toString();
    }
}
