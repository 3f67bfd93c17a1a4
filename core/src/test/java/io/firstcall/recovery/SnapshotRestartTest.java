package io.firstcall.recovery;

import io.firstcall.Engine;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.snapshot.SnapshotFile;
import io.firstcall.snapshot.SnapshotStore;
import io.firstcall.status.EngineCounter;
import io.firstcall.support.ProbeRun;
import io.firstcall.support.ProbeStateMachine;
import io.firstcall.support.RecordingAcks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.firstcall.support.ProbeRun.counter;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restarting the real engine from snapshots, with the probe state machine.
 */
class SnapshotRestartTest
{
    @TempDir
    Path dir;

    @TempDir
    Path controlDir;

    @Test
    void shouldProduceTheSameJournalsAndStateWhenRestartedFromASnapshotMidway() throws IOException
    {
        final ProbeRun control = new ProbeRun(controlDir);
        try (Engine engine = Engine.launch(control.context()))
        {
            control.publish(engine, 0, 2_000);
        }

        final ProbeRun run = new ProbeRun(dir);
        try (Engine engine = Engine.launch(run.context()))
        {
            run.publish(engine, 0, 1_000);
        }
        try (Engine engine = Engine.launch(run.context()))
        {
            assertEquals(1_000, counter(engine, EngineCounter.SNAPSHOT_LOADED_EVENTS));
            assertEquals(0, engine.recoveredEvents(), "a shutdown snapshot leaves no tail");
            run.publish(engine, 1_000, 1_000);
        }

        assertRecordsEqual(ProbeRun.records(controlDir.resolve("input")), ProbeRun.records(dir.resolve("input")));
        final List<byte[]> outputs = ProbeRun.records(dir.resolve("output"));
        assertRecordsEqual(ProbeRun.records(controlDir.resolve("output")), outputs);
        assertTrue(outputs.size() > 700, "forms and fired follow-ups: " + outputs.size());
        assertArrayEquals(newest(control).header().digest(), newest(run).header().digest());
    }

    @Test
    void shouldReplayOnlyTheTailAfterTheReplicasSnapshotAndReachTheFullReplaysState() throws IOException
    {
        final ProbeRun run = new ProbeRun(dir);
        try (Engine engine = Engine.launch(run.context().snapshotReplica(true).snapshotIntervalEvents(700).snapshotIntervalMs(TimeUnit.DAYS.toMillis(365))))
        {
            run.publish(engine, 0, 3_000);
            RecordingAcks.await(() -> counter(engine, EngineCounter.SNAPSHOT_REPLICA_EVENTS) == 3_000, "replica caught up");
        }
        final SnapshotFile atShutdown = newest(run);
        assertEquals(2_999, atShutdown.header().sequence());
        Files.delete(atShutdown.path());
        final SnapshotFile fromReplica = newest(run);
        assertEquals(2_799, fromReplica.header().sequence(), "every 700 events: 699, 1399, 2099, 2799");

        try (Engine engine = Engine.launch(run.context()))
        {
            assertEquals(2_800, counter(engine, EngineCounter.SNAPSHOT_LOADED_EVENTS));
            assertEquals(200, engine.recoveredEvents());
            assertEquals(200, counter(engine, EngineCounter.EVENTS_RECOVERED));
            assertEquals(0, counter(engine, EngineCounter.REPLAY_DIVERGENCES));
        }
        assertArrayEquals(atShutdown.header().digest(), newest(run).header().digest(),
            "the snapshot written after restarting from the replica's holds the live engine's state");

        final SnapshotVerification verification = verify(run);
        assertTrue(verification.outputsIdentical(), verification.toString());
        assertTrue(verification.statesIdentical(), verification.toString());
        assertArrayEquals(atShutdown.header().digest(), verification.finalDigest());
        assertEquals(3_000, verification.fullEvents());
        assertEquals(0, verification.tailEvents());
    }

    @ParameterizedTest
    @ValueSource(strings = { "flip", "truncate" })
    void shouldFallBackToThePreviousSnapshotWhenTheNewestIsCorrupt(final String damage) throws IOException
    {
        final ProbeRun run = new ProbeRun(dir);
        try (Engine engine = Engine.launch(run.context()))
        {
            run.publish(engine, 0, 500);
        }
        try (Engine engine = Engine.launch(run.context()))
        {
            run.publish(engine, 500, 300);
        }
        final SnapshotFile newest = newest(run);
        assertEquals(799, newest.header().sequence());
        corrupt(newest.path(), damage);

        try (Engine engine = Engine.launch(run.context()))
        {
            assertEquals(500, counter(engine, EngineCounter.SNAPSHOT_LOADED_EVENTS));
            assertEquals(1, counter(engine, EngineCounter.SNAPSHOTS_SKIPPED));
            assertEquals(300, engine.recoveredEvents());
            assertEquals(0, counter(engine, EngineCounter.REPLAY_DIVERGENCES));
        }
        final List<String> skipped = run.log().lines().stream().filter(l -> l.contains("skipped")).toList();
        assertEquals(1, skipped.size(), run.log().lines().toString());
        assertTrue(skipped.get(0).startsWith("WARNING snapshot snapshot-00000000000000000799.fcs skipped: " +
            ("flip".equals(damage) ? "body CRC32C mismatch" : "truncated")), skipped.get(0));
    }

    @Test
    void shouldSkipAnIncompatibleSnapshotAndReplayTheWholeJournal()
    {
        final ProbeRun run = new ProbeRun(dir);
        try (Engine engine = Engine.launch(run.context()))
        {
            run.publish(engine, 0, 400);
        }

        try (Engine engine = Engine.launch(run.context().stateMachineFactory(outputs -> new ProbeStateMachine(outputs, 2))))
        {
            assertEquals(0, counter(engine, EngineCounter.SNAPSHOT_LOADED_EVENTS));
            assertEquals(1, counter(engine, EngineCounter.SNAPSHOTS_SKIPPED));
            assertEquals(400, engine.recoveredEvents());
            assertEquals(0, counter(engine, EngineCounter.REPLAY_DIVERGENCES));
        }
        assertTrue(run.log().lines().stream().anyMatch(l -> l.contains("skipped: incompatible: schema " +
            ProbeStateMachine.SCHEMA_ID + " v1, the state machine reads schema " + ProbeStateMachine.SCHEMA_ID + " v2")),
            run.log().lines().toString());
        assertTrue(run.log().lines().stream().anyMatch(l -> l.contains("no usable snapshot: replayed the whole input journal")));
    }

    @Test
    void shouldSkipASnapshotOfAnotherJournal() throws IOException
    {
        final ProbeRun other = new ProbeRun(controlDir);
        try (Engine engine = Engine.launch(other.context()))
        {
            other.publish(engine, 0, 900);
        }
        final ProbeRun run = new ProbeRun(dir);
        try (Engine engine = Engine.launch(run.context().snapshots(false)))
        {
            run.publish(engine, 0, 100);
        }
        Files.createDirectories(dir.resolve(SnapshotStore.DIRECTORY_NAME));
        Files.copy(newest(other).path(), dir.resolve(SnapshotStore.DIRECTORY_NAME).resolve(newest(other).path().getFileName()));

        try (Engine engine = Engine.launch(run.context()))
        {
            assertEquals(0, counter(engine, EngineCounter.SNAPSHOT_LOADED_EVENTS));
            assertEquals(100, engine.recoveredEvents());
        }
        assertTrue(run.log().lines().stream().anyMatch(l -> l.contains("skipped: does not match the input journal")),
            run.log().lines().toString());
    }

    @Test
    void shouldKeepDedupAndTimersAcrossARestartFromASnapshot()
    {
        final ProbeRun run = new ProbeRun(dir);
        try (Engine engine = Engine.launch(run.context()))
        {
            run.publish(engine, 0, 600);
        }
        final List<RecordingAcks.Ack> original = run.acks().acks();

        try (Engine engine = Engine.launch(run.context()))
        {
            assertEquals(0, engine.recoveredEvents());
            for (int i = 0; i < 600; i++)
            {
                run.offer(engine, run.event(i), 10_000 + i);
            }
            run.acks().awaitCount(600);
            assertEquals(576, counter(engine, EngineCounter.DUPLICATES), "every keyed event (all but the 24 ticks) again");
            assertEquals(0, counter(engine, EngineCounter.EVENTS_JOURNALED) - 24, "only the 24 ticks are new");
        }
        for (final RecordingAcks.Ack ack : run.acks().acks())
        {
            final int i = (int)(ack.correlationId - 10_000);
            if (i % 25 != 24)
            {
                assertTrue(ack.duplicate, ack.toString());
                assertEquals(original.get(i).sequence, ack.sequence, "e" + i);
            }
        }
    }

    private SnapshotVerification verify(final ProbeRun run)
    {
        try (Journal input = ChronicleJournal.open(dir.resolve("input")); Journal output = ChronicleJournal.open(dir.resolve("output")))
        {
            return SnapshotVerifier.verify(input, output, ProbeStateMachine::new, run.store(), Throwable::printStackTrace);
        }
    }

    private static SnapshotFile newest(final ProbeRun run)
    {
        return SnapshotFile.open(run.store().list().get(0));
    }

    private static void corrupt(final Path path, final String damage) throws IOException
    {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw"))
        {
            if ("flip".equals(damage))
            {
                file.seek(file.length() - 3);
                final int b = file.read();
                file.seek(file.length() - 3);
                file.write(b ^ 1);
            }
            else
            {
                file.setLength(file.length() / 2);
            }
        }
    }

    private static void assertRecordsEqual(final List<byte[]> expected, final List<byte[]> actual)
    {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++)
        {
            assertArrayEquals(expected.get(i), actual.get(i), "record " + i);
        }
    }
}
