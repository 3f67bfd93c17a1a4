package io.firstcall.recovery;

import io.firstcall.Engine;
import io.firstcall.engine.StateMachine;
import io.firstcall.snapshot.SnapshotFile;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;
import io.firstcall.snapshot.Snapshottable;
import io.firstcall.status.EngineCounter;
import io.firstcall.support.ProbeRun;
import io.firstcall.support.ProbeStateMachine;
import io.firstcall.support.RecordingAcks;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.firstcall.support.ProbeRun.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snapshot replica takes snapshots while the live engine goes on: holding the replica inside a
 * snapshot must not hold up a single live event.
 */
class SnapshotReplicaTest
{
    @TempDir
    Path dir;

    private final CountDownLatch writing = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Test
    void shouldSnapshotInTheReplicaWhileTheLiveEngineKeepsTakingEvents() throws InterruptedException
    {
        final ProbeRun run = new ProbeRun(dir);
        try (Engine engine = Engine.launch(run.context()
            .stateMachineFactory(outputs -> new HeldSnapshots(new ProbeStateMachine(outputs)))
            .snapshotReplica(true)
            .snapshotIntervalEvents(500)
            .snapshotIntervalMs(TimeUnit.DAYS.toMillis(365))))
        {
            run.publish(engine, 0, 600);
            assertTrue(writing.await(30, TimeUnit.SECONDS), "the replica started its first snapshot");
            assertEquals(500, counter(engine, EngineCounter.SNAPSHOT_REPLICA_EVENTS), "at a sequence boundary");

            run.publish(engine, 600, 2_400);
            RecordingAcks.await(() -> counter(engine, EngineCounter.EVENTS_PROCESSED) == 3_000, "live engine decided all");
            assertEquals(3_000, counter(engine, EngineCounter.EVENTS_JOURNALED));
            assertEquals(500, counter(engine, EngineCounter.SNAPSHOT_REPLICA_EVENTS), "the replica is still held");
            assertEquals(0, counter(engine, EngineCounter.SNAPSHOTS_WRITTEN));

            release.countDown();
            RecordingAcks.await(() -> counter(engine, EngineCounter.SNAPSHOT_REPLICA_EVENTS) == 3_000, "replica caught up");
            RecordingAcks.await(() -> counter(engine, EngineCounter.SNAPSHOTS_WRITTEN) == 6, "a snapshot per 500 events");
            assertEquals(0, counter(engine, EngineCounter.SNAPSHOT_FAILURES));
        }

        final List<Long> kept = new ArrayList<>();
        for (final Path path : run.store().list())
        {
            kept.add(SnapshotFile.open(path).header().sequence());
        }
        assertEquals(List.of(2_999L, 2_499L, 1_999L), kept, "the newest three of 499, 999, ... 2999 (and the shutdown's)");
    }

    @Test
    void shouldWriteOnlyTheShutdownSnapshotWithTheReplicaOff()
    {
        final ProbeRun run = new ProbeRun(dir);
        try (Engine engine = Engine.launch(run.context().snapshotIntervalEvents(100)))
        {
            run.publish(engine, 0, 1_000);
            assertEquals(0, counter(engine, EngineCounter.SNAPSHOTS_WRITTEN));
            assertEquals(0, counter(engine, EngineCounter.SNAPSHOT_REPLICA_EVENTS));
        }
        assertEquals(1, run.store().list().size());
        assertEquals(999, SnapshotFile.open(run.store().list().get(0)).header().sequence());
    }

    /**
     * The probe, whose snapshot waits for the test's word once it has started.
     */
    private final class HeldSnapshots implements StateMachine, Snapshottable
    {
        private final ProbeStateMachine machine;

        HeldSnapshots(final ProbeStateMachine machine)
        {
            this.machine = machine;
        }

        public void onEvent(final DirectBuffer message, final long sequence, final long timestampNs)
        {
            machine.onEvent(message, sequence, timestampNs);
        }

        public int snapshotSchemaId()
        {
            return machine.snapshotSchemaId();
        }

        public int snapshotSchemaVersion()
        {
            return machine.snapshotSchemaVersion();
        }

        public void writeSnapshot(final SnapshotWriter writer)
        {
            writing.countDown();
            try
            {
                release.await();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            machine.writeSnapshot(writer);
        }

        public void readSnapshot(final SnapshotReader reader)
        {
            machine.readSnapshot(reader);
        }
    }
}
