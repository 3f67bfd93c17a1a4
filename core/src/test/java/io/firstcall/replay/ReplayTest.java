package io.firstcall.replay;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.QualificationResult;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.event.EventWriter;
import io.firstcall.event.InputEnvelope;
import io.firstcall.event.InputTypes;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import io.firstcall.status.EngineCounter;
import io.firstcall.support.ManualClock;
import io.firstcall.support.RecordedRun;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Records a journal of 100,000+ mixed events through the real engine, then replays it.
 */
class ReplayTest
{
    static final int JOURNALED_MIN = 100_000;
    static final int EVENTS = 104_000;
    static final String ACME = "tenant: acme\nhot:\n  forms: [demo_request, free_trial]\n  cooldown: 2m\n" +
        "claim:\n  window: 30s\n";
    static final String ACME_V2 = "tenant: acme\nhot:\n  forms: [demo_request, pricing_inquiry]\n  cooldown: 1m\n" +
        "claim:\n  window: 45s\n  managerQueue: acme-leads\n";

    @TempDir
    static Path dir;

    @BeforeAll
    static void recordJournal()
    {
        final Random random = new Random(42);
        final Map<String, String> tenants = new LinkedHashMap<>();
        tenants.put("acme", ACME);
        tenants.put("globex", "tenant: globex\n");
        RecordedRun.record(dir, tenants, EVENTS,
            (writer, i) -> i == EVENTS / 2 ? writer.config("acme", "cfg-2", ACME_V2) : mixedEvent(writer, random, i));
    }

    @Test
    void shouldReproduceEveryOutputByteForByte()
    {
        try (Journal inputs = ChronicleJournal.open(dir.resolve("input"));
            Journal outputs = ChronicleJournal.open(dir.resolve("output")))
        {
            final ReplayReport report = JournalReplayer.replay(inputs, outputs, LeadStateMachine::new);

            assertTrue(report.identical(), report.toString());
            assertTrue(report.eventsReplayed() >= JOURNALED_MIN, report.toString());
            assertTrue(report.outputsCompared() > 10_000, report.toString());
        }
    }

    @Test
    void shouldHaveExercisedEveryKindOfDecision()
    {
        final List<String> lines = recordedOutputs();
        for (final String kind : new String[]{"Alert", "Assignment", "Withdrawn", "ClaimRejected", "Escalation"})
        {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(kind)), kind + " never produced");
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("kind=NOT_HOT")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("to=acme-leads")), "the mid-stream config change took effect");
        assertTrue(lines.stream().anyMatch(l -> l.contains("to=acme-managers")), "the first config was in force before it");
    }

    @Test
    void shouldFireTimersOnlyAtTickPositions()
    {
        final Long2LongHashMap templateBySequence = new Long2LongHashMap(-1);
        final InputEnvelope envelope = new InputEnvelope();
        try (Journal inputs = ChronicleJournal.open(dir.resolve("input")); JournalReader reader = inputs.openReader())
        {
            int read = 0;
            while (reader.readNext((buffer, offset, length, position) ->
            {
                envelope.wrap(buffer, offset + RecordHeader.LENGTH, length - RecordHeader.LENGTH);
                templateBySequence.put(RecordHeader.sequence(buffer, offset), envelope.templateId());
            }))
            {
                read++;
            }
            assertTrue(read >= JOURNALED_MIN);
        }

        final List<String> escalations = new ArrayList<>();
        for (final String line : recordedOutputs())
        {
            if (line.startsWith("Escalation"))
            {
                escalations.add(line);
                final long cause = Long.parseLong(line.substring("Escalation seq=".length(), line.indexOf(' ', 15)));
                assertEquals(InputTypes.TICK, templateBySequence.get(cause), line);
            }
        }
        assertFalse(escalations.isEmpty());
    }

    @Test
    void shouldReportFirstDivergence()
    {
        final int corruptAt = 1_000;
        try (Journal inputs = ChronicleJournal.open(dir.resolve("input"));
            Journal outputs = ChronicleJournal.open(dir.resolve("output")))
        {
            final ReplayReport report = JournalReplayer.replay(inputs, outputs, batch ->
            {
                final LeadStateMachine machine = new LeadStateMachine(batch);
                final int[] produced = new int[1];
                return (message, sequence, timestampNs) ->
                {
                    machine.onEvent(message, sequence, timestampNs);
                    for (int i = 0; i < batch.count(); i++)
                    {
                        if (produced[0]++ == corruptAt)
                        {
                            final int last = batch.recordOffset(i) + batch.recordLength(i) - 1;
                            batch.buffer().putByte(last, (byte)(batch.buffer().getByte(last) ^ 1));
                        }
                    }
                };
            });

            assertFalse(report.identical());
            assertNotNull(report.firstDivergence());
            assertEquals(corruptAt, report.firstDivergence().outputIndex(), report.toString());
        }
    }

    @Test
    void shouldAppendOutputsMissingFromTheOutputJournalWhenRestarted(@TempDir final Path restartDir) throws IOException
    {
        copyDirectory(dir.resolve("input"), restartDir.resolve("input"));
        final EngineContext ctx = new EngineContext()
            .dataDir(restartDir)
            .clock(new ManualClock(TimeUnit.DAYS.toNanos(20_001), 1))
            .ticksEnabled(false)
            .tenant("acme", ACME_V2)
            .tenant("globex", "tenant: globex\n");
        try (Engine engine = Engine.launch(ctx))
        {
            assertTrue(engine.recoveredEvents() >= JOURNALED_MIN);
            assertEquals(0, engine.counters().value(EngineCounter.REPLAY_DIVERGENCES));
        }

        final List<byte[]> original = entries(dir.resolve("output"));
        final List<byte[]> repaired = entries(restartDir.resolve("output"));
        assertTrue(original.size() > 10_000);
        assertEquals(original.size(), repaired.size());
        for (int i = 0; i < original.size(); i++)
        {
            assertArrayEquals(original.get(i), repaired.get(i), "output #" + i);
        }
    }

    private static List<byte[]> entries(final Path journalDir)
    {
        final List<byte[]> entries = new ArrayList<>();
        try (Journal journal = ChronicleJournal.open(journalDir); JournalReader reader = journal.openReader())
        {
            int read = 0;
            while (reader.readNext((buffer, offset, length, position) ->
            {
                final byte[] entry = new byte[length];
                buffer.getBytes(offset, entry);
                entries.add(entry);
            }))
            {
                read++;
            }
            assertEquals(read, entries.size());
        }
        return entries;
    }

    private static void copyDirectory(final Path from, final Path to) throws IOException
    {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static List<String> recordedOutputs()
    {
        return RecordedRun.outputLines(dir);
    }

    private static int mixedEvent(final EventWriter writer, final Random random, final int i)
    {
        final String tenant = random.nextInt(10) == 0 ? "globex" : "acme";
        final String id = "e" + i;
        final String lead = "L" + random.nextInt(3_000);
        final String rep = "r" + random.nextInt(8);
        final int dice = random.nextInt(100);
        if (i % 25 == 0)
        {
            return writer.tick();
        }
        if (dice < 12)
        {
            return writer.lead(tenant, id, lead, lead + "@example.com", "Name " + lead, "Co", "saas", "emea",
                random.nextInt(5_000), "web", random.nextBoolean() ? rep : null);
        }
        if (dice < 24)
        {
            final String[] forms = {"demo_request", "free_trial", "pricing_inquiry", "ebook_download", "webinar"};
            return writer.form(tenant, id, lead, forms[random.nextInt(forms.length)]);
        }
        if (dice < 44)
        {
            return writer.visit(tenant, id, lead, random.nextBoolean() ? "/pricing" : "/blog");
        }
        if (dice < 60)
        {
            return writer.call(tenant, id, lead, rep, CallOutcome.STARTED);
        }
        if (dice < 66)
        {
            return writer.call(tenant, id, lead, rep, CallOutcome.get((short)(1 + random.nextInt(3))));
        }
        if (dice < 70)
        {
            return writer.email(tenant, id, lead, rep);
        }
        if (dice < 73)
        {
            return writer.sms(tenant, id, lead, rep);
        }
        if (dice < 76)
        {
            return writer.trial(tenant, id, lead, "invited_team");
        }
        if (dice < 79)
        {
            return writer.score(tenant, id, lead, random.nextInt(100));
        }
        if (dice < 82)
        {
            return writer.presence(tenant, id, rep, PresenceStatus.get((short)random.nextInt(3)));
        }
        if (dice < 85)
        {
            return writer.qualify(tenant, id, lead, rep, QualificationResult.QUALIFIED, "budget");
        }
        if (dice < 87)
        {
            return writer.opportunity(tenant, id, lead, rep, 1_000_00);
        }
        if (dice < 89)
        {
            return writer.converted(tenant, id, lead);
        }
        if (dice < 92)
        {
            return writer.visit(tenant, "e" + random.nextInt(Math.max(1, i)), lead, "/pricing");
        }
        return writer.visit(tenant, id, lead, "/compare");
    }
}
