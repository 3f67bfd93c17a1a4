package io.firstcall.recovery;

import io.firstcall.Engine;
import io.firstcall.snapshot.SnapshotFile;
import io.firstcall.status.EngineCounter;
import io.firstcall.support.LeadRun;
import io.firstcall.support.ProbeRun;
import io.firstcall.support.RecordingAcks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * Restarting the real engine with the real {@code LeadStateMachine} from its snapshots, on the
 * routing workload: the journals and the state come out as if it had never stopped, the replica's
 * snapshots plus the tail reach the full replay's state, and a corrupt newest snapshot falls back.
 */
class LeadSnapshotRestartTest
{
    @TempDir
    Path dir;

    @TempDir
    Path controlDir;

    @Test
    void shouldProduceTheSameJournalsAndStateWhenRestartedFromTheShutdownSnapshotMidway()
    {
        final LeadRun control = new LeadRun(controlDir);
        try (Engine engine = Engine.launch(control.context()))
        {
            control.publish(engine, 0, 2_400);
        }

        final LeadRun run = new LeadRun(dir);
        try (Engine engine = Engine.launch(run.context()))
        {
            run.publish(engine, 0, 1_210);
        }
        try (Engine engine = Engine.launch(run.context()))
        {
            assertEquals(1_210, counter(engine, EngineCounter.SNAPSHOT_LOADED_EVENTS));
            assertEquals(0, engine.recoveredEvents(), "a shutdown snapshot leaves no tail");
            run.publish(engine, 1_210, 1_190);
        }

        assertRecordsEqual(ProbeRun.records(controlDir.resolve("input")), ProbeRun.records(dir.resolve("input")));
        assertRecordsEqual(ProbeRun.records(controlDir.resolve("output")), ProbeRun.records(dir.resolve("output")));
        assertArrayEquals(newest(control).header().digest(), newest(run).header().digest());
    }

    @Test
    void shouldReplayTheTailAfterTheReplicasSnapshotToTheFullReplaysStateAndOutputs() throws IOException
    {
        final LeadRun run = new LeadRun(dir);
        try (Engine engine = Engine.launch(run.context().snapshotReplica(true).snapshotIntervalEvents(700)
            .snapshotIntervalMs(TimeUnit.DAYS.toMillis(365))))
        {
            run.publish(engine, 0, 3_000);
            RecordingAcks.await(() -> counter(engine, EngineCounter.SNAPSHOT_REPLICA_EVENTS) == 3_000, "replica caught up");
            assertEquals(0, counter(engine, EngineCounter.SNAPSHOT_FAILURES));
        }
        final SnapshotFile atShutdown = newest(run);
        assertEquals(2_999, atShutdown.header().sequence());
        Files.delete(atShutdown.path());
        assertEquals(2_799, newest(run).header().sequence(), "the replica's, every 700 events");

        try (Engine engine = Engine.launch(run.context()))
        {
            assertEquals(2_800, counter(engine, EngineCounter.SNAPSHOT_LOADED_EVENTS));
            assertEquals(200, engine.recoveredEvents());
            assertEquals(0, counter(engine, EngineCounter.REPLAY_DIVERGENCES));
        }
        assertArrayEquals(atShutdown.header().digest(), newest(run).header().digest(),
            "the replica's snapshot plus the tail reaches the live engine's state");

        final SnapshotVerification verification = run.verify();
        assertTrue(verification.outputsIdentical(), verification.toString());
        assertTrue(verification.statesIdentical(), verification.toString());
        assertArrayEquals(atShutdown.header().digest(), verification.finalDigest());
    }

    @Test
    void shouldFallBackToThePreviousSnapshotWhenTheNewestIsCorrupt() throws IOException
    {
        final LeadRun run = new LeadRun(dir);
        try (Engine engine = Engine.launch(run.context()))
        {
            run.publish(engine, 0, 900);
        }
        try (Engine engine = Engine.launch(run.context()))
        {
            run.publish(engine, 900, 700);
        }
        final SnapshotFile newest = newest(run);
        assertEquals(1_599, newest.header().sequence());
        try (RandomAccessFile file = new RandomAccessFile(newest.path().toFile(), "rw"))
        {
            file.seek(file.length() - 100);
            final int b = file.read();
            file.seek(file.length() - 100);
            file.write(b ^ 0x10);
        }

        try (Engine engine = Engine.launch(run.context()))
        {
            assertEquals(900, counter(engine, EngineCounter.SNAPSHOT_LOADED_EVENTS));
            assertEquals(1, counter(engine, EngineCounter.SNAPSHOTS_SKIPPED));
            assertEquals(700, engine.recoveredEvents());
            assertEquals(0, counter(engine, EngineCounter.REPLAY_DIVERGENCES));
        }
        final List<String> skipped = run.log().lines().stream().filter(l -> l.contains("skipped")).toList();
        assertEquals(1, skipped.size(), run.log().lines().toString());
        assertTrue(skipped.get(0).contains("body CRC32C mismatch"), skipped.get(0));
    }

    private static SnapshotFile newest(final LeadRun run)
    {
        return SnapshotFile.open(run.store().list().get(0));
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
