package io.firstcall.engine.scoring;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.tenant.TenantRulesParser;
import io.firstcall.event.EventWriter;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import io.firstcall.replay.JournalReplayer;
import io.firstcall.replay.ReplayReport;
import io.firstcall.support.ManualClock;
import io.firstcall.support.RecordingAcks;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.firstcall.engine.scoring.ScoringHarness.HOUR;
import static io.firstcall.engine.scoring.ScoringHarness.MINUTE;
import static io.firstcall.engine.scoring.ScoringHarness.SECOND;
import static io.firstcall.engine.scoring.ScoringHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A configuration change is a journaled event: decisions before its position use the old rules
 * and record the old version, decisions after it the new ones, and replaying the journal through
 * a fresh engine reproduces every output byte for byte.
 */
class ConfigChangeScoringTest
{
    static final String V1 = """
        tenant: acme
        scoring:
          behaviour:
            halfLife: 1h
        hot:
          forms: [demo_request]
        """;
    static final String V2 = """
        tenant: acme
        scoring:
          behaviour:
            halfLife: 1h
            forms: {pricing_inquiry: 45, contact_sales: 30}
        hot:
          forms: [demo_request, pricing_inquiry]
          score: 40
        """;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(T0, 0);
    private final RecordingAcks acks = new RecordingAcks();
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[16 * 1024]));

    @Test
    void shouldApplyNewRulesOnlyFromTheChangesPosition()
    {
        final ScoringHarness harness = new ScoringHarness();
        harness.config(V1, T0 - HOUR);
        harness.form("L1", "pricing_inquiry", T0);
        assertEquals(List.of(), harness.hotCriteria(), "V1: pricing_inquiry is no hot form and 30 points are under 50");

        harness.config(V2, T0 + MINUTE);
        assertEquals(List.of(), harness.hotCriteria(), "a change alone alerts nobody");

        harness.form("L2", "pricing_inquiry", T0 + 2 * MINUTE);
        assertEquals(List.of("[\"form:pricing_inquiry\",\"score>=40\"]"), harness.hotCriteria());
        harness.visit("L1", "/blog", T0 + 3 * MINUTE);
        assertEquals(1, harness.hotCriteria().size(), "L1's old points are still under the new threshold");

        final long v1 = TenantRulesParser.version(V1);
        final long v2 = TenantRulesParser.version(V2);
        final List<ScoringHarness.Decision> decisions = harness.decisions(null);
        for (final ScoringHarness.Decision decision : decisions)
        {
            final boolean afterChange = decision.inputSeq() >= 2;
            assertEquals(afterChange ? v2 : v1, decision.configVersion(), decision.toString());
        }
        assertEquals(v2, harness.alerts().get(0).configVersion());
    }

    @Test
    void shouldReproduceDecisionsAcrossAConfigChangeOnReplay()
    {
        final EngineContext ctx = new EngineContext()
            .dataDir(dir)
            .clock(clock)
            .ticksEnabled(false)
            .ackListener(acks)
            .tenant("acme", V1);
        try (Engine engine = Engine.launch(ctx))
        {
            int sent = 0;
            sent = publish(engine, writer.form("acme", "a1", "L1", "pricing_inquiry"), T0, sent);
            sent = publish(engine, writer.form("acme", "a2", "L1", "contact_sales"), T0 + SECOND, sent);
            sent = publish(engine, writer.form("acme", "a3", "L2", "demo_request"), T0 + 2 * SECOND, sent);
            sent = publish(engine, writer.config("acme", "cfg-2", V2), T0 + MINUTE, sent);
            sent = publish(engine, writer.form("acme", "b1", "L3", "pricing_inquiry"), T0 + 2 * MINUTE, sent);
            sent = publish(engine, writer.form("acme", "b2", "L3", "contact_sales"), T0 + 2 * MINUTE, sent);
            for (int minute = 3; minute <= 90; minute++)
            {
                sent = publish(engine, writer.tick(), T0 + minute * MINUTE, sent);
            }
        }

        final List<byte[]> recorded = recordedOutputs();
        final List<ScoringHarness.Decision> hot = ScoringHarness.decisions(recorded, "HOT");
        assertEquals(List.of("L1", "L2", "L3"), hot.stream().map(ScoringHarness.Decision::lead).toList());
        assertEquals(TenantRulesParser.version(V1), hot.get(0).configVersion(), "L1 hot by score under V1");
        assertEquals("[\"score>=50\"]", ScoringHarness.criteriaOf(hot.get(0).detail()));
        assertEquals(TenantRulesParser.version(V1), hot.get(1).configVersion());
        assertEquals(TenantRulesParser.version(V2), hot.get(2).configVersion(), "L3 under V2");
        assertEquals("[\"form:pricing_inquiry\",\"score>=40\"]", ScoringHarness.criteriaOf(hot.get(2).detail()));
        final List<ScoringHarness.Decision> decayed = ScoringHarness.decisions(recorded, "SCORE_DECAYED");
        assertEquals(List.of("L1", "L3"), decayed.stream().map(ScoringHarness.Decision::lead).toList());
        assertTrue(decayed.get(0).detail().contains("\"threshold\":40"), "L1's watch is judged by the rules in force: " + decayed);

        try (Journal inputs = ChronicleJournal.open(dir.resolve("input"));
            Journal outputs = ChronicleJournal.open(dir.resolve("output")))
        {
            final ReplayReport report = JournalReplayer.replay(inputs, outputs, LeadStateMachine::new);
            assertTrue(report.identical(), report.toString());
            assertEquals(recorded.size(), report.outputsCompared());
        }
    }

    private List<byte[]> recordedOutputs()
    {
        final List<byte[]> recorded = new ArrayList<>();
        try (Journal outputs = ChronicleJournal.open(dir.resolve("output")); JournalReader reader = outputs.openReader())
        {
            boolean more = true;
            while (more)
            {
                more = reader.readNext((buffer, offset, length, position) ->
                {
                    final byte[] copy = new byte[length - RecordHeader.LENGTH];
                    buffer.getBytes(offset + RecordHeader.LENGTH, copy);
                    recorded.add(copy);
                });
            }
        }
        return recorded;
    }

    private int publish(final Engine engine, final int length, final long nowNs, final int sent)
    {
        clock.set(nowNs);
        while (!engine.publisher().offer(writer.buffer(), 0, length, sent, nowNs))
        {
            Thread.onSpinWait();
        }
        acks.awaitCount(sent + 1);
        return sent + 1;
    }
}
