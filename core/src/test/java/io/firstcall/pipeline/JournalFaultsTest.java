package io.firstcall.pipeline;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.engine.CapturedOutputs;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.event.EventWriter;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.replay.JournalReplayer;
import io.firstcall.replay.ReplayReport;
import io.firstcall.snapshot.SnapshotStore;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineHealth;
import io.firstcall.support.CapturedLog;
import io.firstcall.support.FaultyJournal;
import io.firstcall.support.ManualClock;
import io.firstcall.support.RecordingAcks;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine with journals that fail (fault injection behind {@link Journal}): nothing is acknowledged
 * without a journaled record, delivery never stops silently, each episode is reported once, and the
 * engine resumes by itself; a restart loses nothing acknowledged and repairs the output journal.
 */
class JournalFaultsTest
{
    private static final Supplier<Throwable> DISK_FULL =
        () -> new UncheckedIOException("could not make room for an entry in input: No space left on device",
            new IOException("No space left on device"));

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(EngineTest.T0, 1_000);
    private final RecordingAcks acks = new RecordingAcks();
    private final CapturedOutputs delivered = new CapturedOutputs();
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[16 * 1024]));
    private FaultyJournal input;
    private FaultyJournal output;

    private EngineContext context()
    {
        return new EngineContext()
            .dataDir(dir)
            .clock(clock)
            .ringSize(1024)
            .ticksEnabled(false)
            .ackListener(acks)
            .outputListener((buffer, offset, length, inputSequence) -> delivered.onOutput(buffer, offset, length))
            .tenant("acme", EngineTest.ACME)
            .journalFactory(path ->
            {
                final FaultyJournal journal = new FaultyJournal(ChronicleJournal.open(path));
                if (path.endsWith("input"))
                {
                    input = journal;
                }
                else
                {
                    output = journal;
                }
                return journal;
            });
    }

    @ParameterizedTest
    @ValueSource(strings = { "single", "pipelined" })
    void shouldAppendTheRepairedOutputTailAndLiveOutputsOnTheEngineThreadAcrossARestart(final String topology)
    {
        try (Engine engine = Engine.launch(context().topology(topology)))
        {
            output.dropAppends(true);
            hotLead(engine, "L1", "r1", 1);
            acks.awaitCount(2);
            RecordingAcks.await(() -> delivered.linesStartingWith("Alert").size() == 1, "the alert");
        }
        // Outputs lost between the two appends are a crash's doing: a crash leaves no shutdown snapshot.
        IoUtil.delete(dir.resolve(SnapshotStore.DIRECTORY_NAME).toFile(), true);

        try (Engine engine = Engine.launch(context().topology(topology)))
        {
            assertTrue(output.appended() > 0, "recovery appended the outputs the first run never journaled");
            final long repaired = output.appended();
            hotLead(engine, "L2", "r2", 3);
            acks.awaitCount(4);
            RecordingAcks.await(() -> delivered.linesStartingWith("Alert").size() == 2, "the alert after the restart");
            RecordingAcks.await(() -> output.appended() > repaired, "live outputs journaled");

            assertEquals(0, engine.counters().value(EngineCounter.ERRORS), engine.errorHandler().report());
            assertTrue(engine.health().isUp(), engine.health().problems().toString());
            assertEquals(1, output.appendingThreads().size(), output.appendingThreads().toString());
            assertTrue(output.appendingThreads().iterator().next().startsWith("firstcall-engine-"),
                "the engine thread, never the launching one: " + output.appendingThreads());
        }
        assertEquals(List.of("Alert lead=L1 rep=r1", "Alert lead=L2 rep=r2"), alerts());
        assertReplaysIdentically();
    }

    @Test
    void shouldRefuseEventsWhileInputAppendsFailAndTakeThemAgainWhenAppendsWork()
    {
        try (CapturedLog log = CapturedLog.capture(); Engine engine = Engine.launch(context()))
        {
            publish(engine, profile(), 1);
            acks.awaitCount(1);
            final int linesBefore = log.lines().size();

            input.failAppends(DISK_FULL);
            publish(engine, writer.form("acme", "f1", "L1", "demo_request"), 2);
            for (int i = 0; i < 50; i++)
            {
                publish(engine, writer.visit("acme", "v" + i, "L1", "/pricing"), 100 + i);
            }
            acks.awaitCount(52);
            for (final RecordingAcks.Ack ack : acks.acks().subList(1, 52))
            {
                assertEquals(AckListener.RejectReason.JOURNAL_APPEND_FAILED, ack.rejected, ack.toString());
            }
            assertEquals(51, engine.counters().value(EngineCounter.JOURNAL_FAILURES));
            assertEquals(1, engine.counters().value(EngineCounter.ERRORS), "the error is recorded once per episode");
            assertTrue(engine.health().has(EngineHealth.Problem.INPUT_JOURNAL));
            assertTrue(engine.health().problems().get(0).contains("No space left on device"),
                engine.health().problems().toString());
            assertEquals(2, log.lines().size() - linesBefore,
                "one line for the episode, one for the error: " + log.lines());
            assertEquals(List.of(), alerts(), "no decision for an event the journal did not take");

            input.failAppends(null);
            publish(engine, writer.form("acme", "f1", "L1", "demo_request"), 3);
            acks.awaitCount(53);
            assertEquals("3->2", acks.acks().get(52).toString(),
                "a new event, and the sequence continues where it was");
            RecordingAcks.await(() -> !alerts().isEmpty(), "the hot lead's alert");
            assertTrue(engine.health().isUp(), engine.health().problems().toString());
            assertEquals(3, log.lines().size() - linesBefore, "and one line when it ends: " + log.lines());
            assertTrue(log.lines().get(log.lines().size() - 1).contains("appends work again"), log.lines().toString());
        }
        assertEquals(List.of("Alert lead=L1 rep=r1"), alerts());

        acks.clear();
        try (Engine engine = Engine.launch(context()))
        {
            assertEquals(3, engine.counters().value(EngineCounter.SNAPSHOT_LOADED_EVENTS) + engine.recoveredEvents(),
                "the configuration and the two events acknowledged, from the shutdown snapshot or replayed");
            publish(engine, profile(), 1);
            publish(engine, writer.form("acme", "f1", "L1", "demo_request"), 3);
            acks.awaitCount(2);
            assertEquals(List.of("1->1 dup", "3->2 dup"), acks.acks().stream().map(Object::toString).toList(),
                "nothing acknowledged was lost");
        }
        assertReplaysIdentically();
    }

    @Test
    void shouldAcknowledgeNothingOfABatchWhoseSyncFailsAndAnswerRetriesOnceSyncsWork()
    {
        try (Engine engine = Engine.launch(context().syncMode("batch")))
        {
            RecordingAcks.await(
                () -> engine.counters().value(EngineCounter.EVENTS_PROCESSED) == 1, "the configuration");
            input.failSyncs(() -> new UncheckedIOException(new IOException("Input/output error")));
            publish(engine, profile(), 1);
            acks.awaitCount(1);
            assertEquals(AckListener.RejectReason.JOURNAL_SYNC_FAILED, acks.acks().get(0).rejected);
            assertTrue(engine.health().has(EngineHealth.Problem.INPUT_JOURNAL));

            publish(engine, profile(), 2);
            acks.awaitCount(2);
            assertEquals(AckListener.RejectReason.JOURNAL_SYNC_FAILED, acks.acks().get(1).rejected,
                "a retry is not answered from a journal that cannot sync");

            input.failSyncs(null);
            publish(engine, profile(), 3);
            publish(engine, writer.visit("acme", "v1", "L1", "/pricing"), 4);
            acks.awaitCount(4);
            assertEquals("3->1 dup", acks.acks().get(2).toString(), "the event was in the journal all along");
            assertEquals("4->2", acks.acks().get(3).toString());
            assertTrue(engine.health().isUp(), engine.health().problems().toString());
        }
    }

    @Test
    void shouldDeliverOutputsWhenTheirAppendFailsAndRepairTheJournalOnRestart()
    {
        try (CapturedLog log = CapturedLog.capture(); Engine engine = Engine.launch(context()))
        {
            RecordingAcks.await(() -> output.appended() == 1, "the configuration's decision journaled");
            final int linesBefore = log.lines().size();
            output.failAppends(() -> new UncheckedIOException(new IOException("Input/output error")));
            hotLead(engine, "L1", "r1", 1);
            acks.awaitCount(2);
            RecordingAcks.await(() -> alerts().size() == 1, "the alert, though it could not be journaled");

            output.failAppends(null);
            hotLead(engine, "L2", "r2", 3);
            acks.awaitCount(4);
            RecordingAcks.await(() -> alerts().size() == 2, "the next alert");
            RecordingAcks.await(() -> engine.counters().value(EngineCounter.EVENTS_PROCESSED) == 5, "all decided");
            // A listener sees an output just before the stage counts it delivered.
            RecordingAcks.await(() -> engine.counters().value(EngineCounter.OUTPUTS_DELIVERED) == delivered.lines().size(),
                "every output delivered and counted");

            assertEquals(1, output.appended(),
                "no output appended after the first failure: the journal stays a prefix");
            assertEquals(engine.counters().value(EngineCounter.OUTPUTS_DELIVERED) - 1,
                engine.counters().value(EngineCounter.OUTPUTS_NOT_JOURNALED));
            assertTrue(engine.health().has(EngineHealth.Problem.OUTPUT_JOURNAL), engine.health().problems().toString());
            assertEquals(1, engine.counters().value(EngineCounter.ERRORS));
            assertEquals(2, log.lines().size() - linesBefore,
                "one line for the episode, one for the error: " + log.lines());
        }

        try (Engine engine = Engine.launch(context()))
        {
            assertTrue(engine.health().isUp(), engine.health().problems().toString());
            assertTrue(output.appended() > 1, "the restart appended what was missing");
        }
        assertEquals(List.of("Alert lead=L1 rep=r1", "Alert lead=L2 rep=r2"), alerts(), "nothing delivered twice");
        assertReplaysIdentically();
    }

    private int profile()
    {
        return writer.lead("acme", "p1", "L1", "ann@acme.example", "Ann", "Acme", null, "us-west", 10, null, "r1");
    }

    private void hotLead(final Engine engine, final String lead, final String owner, final long correlationId)
    {
        publish(engine, writer.lead("acme", lead + "-p", lead, null, "Ann", "Acme", null, "us-west", 10, null, owner),
            correlationId);
        publish(engine, writer.form("acme", lead + "-f", lead, "demo_request"), correlationId + 1);
    }

    private void publish(final Engine engine, final int length, final long correlationId)
    {
        while (!engine.publisher().offer(writer.buffer(), 0, length, correlationId, clock.nanoTime()))
        {
            Thread.onSpinWait();
        }
    }

    private List<String> alerts()
    {
        return delivered.linesStartingWith("Alert").stream()
            .map(line -> "Alert " + field(line, "lead") + " " + field(line, "rep"))
            .toList();
    }

    private static String field(final String line, final String name)
    {
        final int start = line.indexOf(" " + name + "=") + 1;
        final int end = line.indexOf(' ', start);
        return line.substring(start, end < 0 ? line.length() : end);
    }

    private void assertReplaysIdentically()
    {
        try (Journal inputs = ChronicleJournal.open(dir.resolve("input"));
            Journal outputs = ChronicleJournal.open(dir.resolve("output")))
        {
            final ReplayReport report = JournalReplayer.replay(inputs, outputs, LeadStateMachine::new);
            assertTrue(report.identical(), report.toString());
        }
    }
}
