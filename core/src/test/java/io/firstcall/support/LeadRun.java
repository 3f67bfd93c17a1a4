package io.firstcall.support;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.event.EventWriter;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.recovery.SnapshotVerification;
import io.firstcall.recovery.SnapshotVerifier;
import io.firstcall.snapshot.SnapshotStore;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * Drives the real engine with the real {@link LeadStateMachine} through the {@link RoutingWorkload}:
 * the clock is set to each group's time while the engine is idle, so every run journals the same
 * times whatever its threads do; no tenant documents at launch (the workload journals its own
 * configuration changes), and events numbered so a later run can continue or retry them.
 */
public final class LeadRun
{
    private final Path dir;
    private final ManualClock clock = new ManualClock(RoutingWorkload.T0, 0);
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[16 * 1024]));
    private final LogLines log = new LogLines();
    private RecordingAcks acks = new RecordingAcks();

    public LeadRun(final Path dir)
    {
        this.dir = dir;
    }

    public EngineContext context()
    {
        acks = new RecordingAcks();
        return new EngineContext()
            .dataDir(dir)
            .clock(clock)
            .ticksEnabled(false)
            .ringSize(1024)
            .ackListener(acks)
            .logger(log)
            .snapshotReplica(false);
    }

    public RecordingAcks acks()
    {
        return acks;
    }

    public LogLines log()
    {
        return log;
    }

    /**
     * Publish workload events {@code first} to {@code first + count - 1} and wait for their acknowledgements.
     */
    public void publish(final Engine engine, final int first, final int count)
    {
        final int before = acks.count();
        for (int i = first; i < first + count; i++)
        {
            if (i == first || i % RoutingWorkload.GROUP == 0)
            {
                acks.awaitCount(before + i - first);
                clock.set(RoutingWorkload.timeNs(i));
            }
            final int length = RoutingWorkload.event(writer, i);
            while (!engine.publisher().offer(writer.buffer(), 0, length, i, clock.nanoTime()))
            {
                Thread.onSpinWait();
            }
        }
        acks.awaitCount(before + count);
    }

    public SnapshotStore store()
    {
        return new SnapshotStore(dir.resolve(SnapshotStore.DIRECTORY_NAME), 100, log);
    }

    /**
     * @return {@code firstcall replay --verify-snapshot}'s check of this directory, with the real machine.
     */
    public SnapshotVerification verify()
    {
        try (Journal input = ChronicleJournal.open(dir.resolve("input")); Journal output = ChronicleJournal.open(dir.resolve("output")))
        {
            return SnapshotVerifier.verify(input, output, LeadStateMachine::new, store(), Throwable::printStackTrace);
        }
    }
}
