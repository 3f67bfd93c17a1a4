package io.firstcall.support;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.event.EventWriter;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import io.firstcall.snapshot.SnapshotStore;
import io.firstcall.status.EngineCounter;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives the real engine with {@link ProbeStateMachine}: engine time moving a minute per 25 events,
 * the last of them a tick (so follow-up timers fire within a few hundred events), no tenant documents
 * (the probe needs none, and none are journaled at launch), and events numbered so a later run can
 * continue or retry them.
 */
public final class ProbeRun
{
    public static final long T0 = TimeUnit.DAYS.toNanos(20_000);
    public static final int GROUP = 25;
    public static final long MINUTE_NS = TimeUnit.MINUTES.toNanos(1);

    private final Path dir;
    private final ManualClock clock = new ManualClock(T0, 0);
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[1024]));
    private final LogLines log = new LogLines();
    private RecordingAcks acks = new RecordingAcks();

    public ProbeRun(final Path dir)
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
            .snapshotReplica(false)
            .stateMachineFactory(ProbeStateMachine::new);
    }

    public RecordingAcks acks()
    {
        return acks;
    }

    public LogLines log()
    {
        return log;
    }

    public ManualClock clock()
    {
        return clock;
    }

    /**
     * Publish events {@code first} to {@code first + count - 1} and wait for their acknowledgements.
     * Event i is journaled at engine time {@code T0 + (i / 25)} minutes: the clock is set per group
     * of 25 while the engine is idle, so every run journals the same times whatever the threads do.
     */
    public void publish(final Engine engine, final int first, final int count)
    {
        final int before = acks.count();
        for (int i = first; i < first + count; i++)
        {
            if (i == first || i % GROUP == 0)
            {
                acks.awaitCount(before + i - first);
                clock.set(T0 + (i / GROUP) * MINUTE_NS);
            }
            offer(engine, event(i), i);
        }
        acks.awaitCount(before + count);
    }

    public void offer(final Engine engine, final int length, final long correlationId)
    {
        while (!engine.publisher().offer(writer.buffer(), 0, length, correlationId, clock.nanoTime()))
        {
            Thread.onSpinWait();
        }
    }

    /**
     * @return the length of event {@code i}: a tick every 25th, else a form every 3rd, else a page visit, of 50 leads.
     */
    public int event(final int i)
    {
        if (i % GROUP == GROUP - 1)
        {
            return writer.tick();
        }
        final String lead = "L" + (i % 50);
        return i % 3 == 0 ? writer.form("acme", "e" + i, lead, "demo_request") : writer.visit("acme", "e" + i, lead, "/pricing");
    }

    public static long counter(final Engine engine, final EngineCounter counter)
    {
        return engine.counters().value(counter);
    }

    public SnapshotStore store()
    {
        return new SnapshotStore(dir.resolve(SnapshotStore.DIRECTORY_NAME), 100, log);
    }

    /**
     * @return every record of a journal, header included, as bytes.
     */
    public static List<byte[]> records(final Path journalDir)
    {
        final List<byte[]> records = new ArrayList<>();
        try (Journal journal = ChronicleJournal.open(journalDir); JournalReader reader = journal.openReader())
        {
            boolean more = true;
            while (more)
            {
                more = reader.readNext((buffer, offset, length, position) ->
                {
                    final byte[] record = new byte[length];
                    buffer.getBytes(offset, record);
                    records.add(record);
                });
            }
        }
        return records;
    }
}
