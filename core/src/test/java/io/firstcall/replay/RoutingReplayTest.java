package io.firstcall.replay;

import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.QualificationResult;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.event.EventWriter;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.support.RecordedRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records a routing workload (three teams in the three visibility modes, presence changes, claims,
 * races, escalations and a mid-stream roster change) through the real engine, then replays it: every
 * routing decision comes out byte for byte the same.
 */
class RoutingReplayTest
{
    static final int EVENTS = 30_000;
    static final String ROSTER = String.join("\n",
        "tenant: acme",
        "hot:",
        "  forms: [demo_request, free_trial]",
        "  cooldown: 20s",
        "claim:",
        "  window: 4s",
        "teams:",
        "  - {id: west, visibility: owned, backupWindow: 2s, backup: r11, territory: {regions: [us-west]}}",
        "  - {id: emea, visibility: all, backup: r4, territory: {regions: [emea]}}",
        "  - {id: apac, visibility: role, territory: {regions: [apac]}}",
        "reps:",
        "  - {id: r0, team: west, weight: 1, backup: r1}",
        "  - {id: r1, team: west, weight: 2, backup: r2, capacity: 3}",
        "  - {id: r2, team: west, weight: 3, roles: {industries: [fintech]}}",
        "  - {id: r3, team: west, weight: 1, hours: {start: '09:00', end: '17:00', timezone: Europe/London}}",
        "  - {id: r4, team: emea}",
        "  - {id: r5, team: emea, capacity: 2}",
        "  - {id: r6, team: emea}",
        "  - {id: r7, team: apac, roles: {industries: [saas]}}",
        "  - {id: r8, team: apac, roles: {industries: [fintech]}}",
        "  - {id: r9, team: apac, roles: {industries: [saas, fintech]}}",
        "  - {id: r11, team: apac, roles: {regions: [apac]}}",
        "");
    static final String ROSTER_V2 = ROSTER.replace("weight: 3", "weight: 1").replace("  - {id: r11", "  - {id: r10, team: west}\n  - {id: r11");
    static final String[] REGIONS = {"us-west", "us-west", "emea", "apac", "latam"};
    static final String[] INDUSTRIES = {"saas", "fintech", "retail"};
    static final PresenceStatus[] PRESENCE = {PresenceStatus.AVAILABLE, PresenceStatus.AVAILABLE, PresenceStatus.BUSY,
        PresenceStatus.OFFLINE};

    @TempDir
    static Path dir;

    @BeforeAll
    static void recordJournal()
    {
        final Random random = new Random(7);
        RecordedRun.record(dir, Map.of("acme", ROSTER), EVENTS,
            (writer, i) -> i == EVENTS / 2 ? writer.config("acme", "cfg-2", ROSTER_V2) : event(writer, random, i));
    }

    @Test
    void replayReproducesEveryRoutingDecision()
    {
        try (Journal inputs = ChronicleJournal.open(dir.resolve("input"));
            Journal outputs = ChronicleJournal.open(dir.resolve("output")))
        {
            final ReplayReport report = JournalReplayer.replay(inputs, outputs, LeadStateMachine::new);

            assertTrue(report.identical(), report.toString());
            assertEquals(EVENTS, report.eventsReplayed() - 1, "every event and the launch's configuration");
        }
    }

    @Test
    void workloadExercisedEveryRoutingStep()
    {
        final List<String> lines = recordedOutputs();
        for (final String expected : new String[]{
            "kind=ROUTED", "kind=ESCALATED", "kind=CLAIMED", "kind=CLAIM_REJECTED", "\"level\":\"backup\"",
            "\"level\":\"queue\"", "\"assignment\":\"existing_owner\"", "\"assignment\":\"territory\"",
            "\"assignment\":\"round_robin\"", "\"ledger\":[", "\"visibility\":\"all\"", "\"visibility\":\"role\"",
            "\"reason\":\"offline\"", "\"reason\":\"busy\"", "\"reason\":\"outside_hours\"", "\"reason\":\"at_capacity\"",
            "\"reason\":\"lapsed\"", "\"reason\":\"role_mismatch\"", "\"claimedBy\":\"r10\"", "reason=already_claimed"})
        {
            assertTrue(lines.stream().anyMatch(l -> l.contains(expected)), expected + " never produced");
        }
    }

    private static int event(final EventWriter writer, final Random random, final int i)
    {
        final String id = "e" + i;
        final String lead = "L" + random.nextInt(2_000);
        final String rep = "r" + random.nextInt(12);
        final int dice = random.nextInt(100);
        if (i % 40 == 0)
        {
            return writer.tick();
        }
        if (dice < 10)
        {
            return writer.presence("acme", id, rep, PRESENCE[random.nextInt(PRESENCE.length)]);
        }
        if (dice < 25)
        {
            return writer.lead("acme", id, lead, lead + "@example.com", "Name " + lead, "Co", INDUSTRIES[random.nextInt(3)],
                REGIONS[random.nextInt(REGIONS.length)], random.nextInt(5_000), "web", random.nextInt(4) == 0 ? rep : null);
        }
        if (dice < 45)
        {
            return writer.form("acme", id, lead, random.nextBoolean() ? "demo_request" : "webinar");
        }
        if (dice < 60)
        {
            return writer.visit("acme", id, lead, "/pricing");
        }
        if (dice < 90)
        {
            return writer.call("acme", id, lead, rep, CallOutcome.STARTED);
        }
        return writer.qualify("acme", id, lead, rep, QualificationResult.QUALIFIED, "fit");
    }

    private static List<String> recordedOutputs()
    {
        return RecordedRun.outputLines(dir);
    }
}
