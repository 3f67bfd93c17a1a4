package io.firstcall.pipeline;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.codec.CallOutcome;
import io.firstcall.engine.CapturedOutputs;
import io.firstcall.event.EventWriter;
import io.firstcall.event.InputEnvelope;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import io.firstcall.status.EngineCounter;
import io.firstcall.support.ManualClock;
import io.firstcall.support.RecordingAcks;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTest
{
    static final String ACME = "tenant: acme\nclaim:\n  window: 5m\n";
    static final long T0 = TimeUnit.DAYS.toNanos(20_000);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(T0, 1_000);
    private final RecordingAcks acks = new RecordingAcks();
    private final CapturedOutputs delivered = new CapturedOutputs();
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[16 * 1024]));

    private EngineContext context()
    {
        return new EngineContext()
            .dataDir(dir)
            .clock(clock)
            .ringSize(1024)
            .ticksEnabled(false)
            .ackListener(acks)
            .outputListener((buffer, offset, length, inputSequence) -> delivered.onOutput(buffer, offset, length))
            .tenant("acme", ACME);
    }

    @ParameterizedTest
    @CsvSource({"single,blocking", "pipelined,blocking", "single,phased", "pipelined,yielding"})
    void shouldProcessEventsInJournalOrderOnOneThread(final String topology, final String waitStrategy) throws Exception
    {
        final List<Long> sequences = new CopyOnWriteArrayList<>();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final List<String> eventIds = new CopyOnWriteArrayList<>();
        final InputEnvelope envelope = new InputEnvelope();
        final int perProducer = 5_000;

        try (Engine engine = Engine.launch(context().topology(topology).waitStrategy(waitStrategy)
            .stateMachineFactory(outputs -> (message, sequence, timestampNs) ->
            {
                sequences.add(sequence);
                threads.add(Thread.currentThread().getName());
                envelope.wrap(message, 0, message.capacity());
                final byte[] id = new byte[envelope.eventIdLength()];
                message.getBytes(envelope.eventIdOffset(), id);
                eventIds.add(new String(id, StandardCharsets.UTF_8));
            })))
        {
            final Thread[] producers = new Thread[2];
            for (int p = 0; p < producers.length; p++)
            {
                final String prefix = "p" + p + "-";
                producers[p] = new Thread(() ->
                {
                    final EventWriter producerWriter = new EventWriter(new UnsafeBuffer(new byte[1024]));
                    for (int i = 0; i < perProducer; i++)
                    {
                        final int length = producerWriter.visit("acme", prefix + i, "L" + i, "/pricing");
                        while (!engine.publisher().offer(producerWriter.buffer(), 0, length, i, clock.nanoTime()))
                        {
                            Thread.onSpinWait();
                        }
                    }
                });
                producers[p].start();
            }
            for (final Thread producer : producers)
            {
                producer.join();
            }
        }

        final int total = 2 * perProducer + 1;
        assertEquals(total, sequences.size());
        for (int i = 0; i < total; i++)
        {
            assertEquals(i, sequences.get(i), "journal order");
        }
        assertEquals(1, threads.size(), threads.toString());
        for (final String prefix : new String[]{"p0-", "p1-"})
        {
            int expected = 0;
            for (final String id : eventIds)
            {
                if (id.startsWith(prefix))
                {
                    assertEquals(prefix + expected++, id, "a producer's events keep their order");
                }
            }
            assertEquals(perProducer, expected);
        }
    }

    @ParameterizedTest
    @CsvSource({"single,none", "single,batch", "pipelined,none", "pipelined,batch"})
    void shouldNeverDecideOrAcknowledgeBeforeJournaled(final String topology, final String syncMode)
    {
        final Set<Long> appended = ConcurrentHashMap.newKeySet();
        final AtomicLong syncedUpTo = new AtomicLong(-1);
        final AtomicLong lastAppended = new AtomicLong(-1);
        final List<String> violations = new CopyOnWriteArrayList<>();
        final boolean batch = "batch".equals(syncMode);

        acks.check((correlationId, sequence, duplicate) ->
        {
            if (!appended.contains(sequence) || (batch && sequence > syncedUpTo.get()))
            {
                violations.add("acked " + sequence + " before it was journaled");
            }
        });
        final EngineContext ctx = context().topology(topology).syncMode(syncMode)
            .journalFactory(path -> new ObservedJournal(ChronicleJournal.open(path), path.endsWith("input") ? appended : null,
                lastAppended, syncedUpTo))
            .stateMachineFactory(outputs -> (message, sequence, timestampNs) ->
            {
                if (!appended.contains(sequence) || (batch && sequence > syncedUpTo.get()))
                {
                    violations.add("decided " + sequence + " before it was journaled");
                }
            });

        try (Engine engine = Engine.launch(ctx))
        {
            for (int i = 0; i < 2_000; i++)
            {
                publish(engine, writer.visit("acme", "v" + i, "L" + i, "/pricing"), i);
            }
            acks.awaitCount(2_000);
        }

        assertEquals(List.of(), violations);
        assertEquals(2_001, appended.size());
    }

    @Test
    void shouldJournalAndProcessRepeatedEventIdOnceAndAnswerWithOriginalSequence()
    {
        final List<Long> processed = new CopyOnWriteArrayList<>();
        final EngineContext ctx = context().stateMachineFactory(
            outputs -> (message, sequence, timestampNs) -> processed.add(sequence));
        try (Engine engine = Engine.launch(ctx))
        {
            publish(engine, writer.visit("acme", "e1", "L1", "/pricing"), 1);
            publish(engine, writer.visit("acme", "e2", "L1", "/pricing"), 2);
            publish(engine, writer.visit("acme", "e1", "L1", "/pricing"), 3);
            publish(engine, writer.visit("globex", "e1", "L1", "/pricing"), 4);
            acks.awaitCount(4);
            assertEquals(1, engine.counters().value(EngineCounter.DUPLICATES));
        }

        final List<RecordingAcks.Ack> answers = acks.acks();
        assertEquals("1->1", answers.get(0).toString());
        assertEquals("2->2", answers.get(1).toString());
        assertEquals("3->1 dup", answers.get(2).toString());
        assertEquals("4->3", answers.get(3).toString(), "another tenant's id is another key");
        assertEquals(List.of(0L, 1L, 2L, 3L), processed);
    }

    /**
     * With snapshots the restart loads the one written at shutdown and replays nothing; without, it
     * replays the whole journal. Either way the state, the dedup window and the sequence carry on.
     */
    @ParameterizedTest
    @CsvSource({"true,0", "false,3"})
    void shouldRestoreStateAndContinueSequenceAfterRestart(final boolean snapshots, final long replayed)
    {
        try (Engine engine = Engine.launch(context().snapshots(snapshots)))
        {
            publish(engine, writer.lead("acme", "e1", "L1", "a@b.c", "Ann", "B", null, null, 10, null, "r1"), 1);
            publish(engine, writer.form("acme", "e2", "L1", "demo_request"), 2);
            acks.awaitCount(2);
        }
        final int deliveredBefore = delivered.lines().size();
        assertEquals(1, delivered.linesStartingWith("Alert").size());

        try (Engine engine = Engine.launch(context().snapshots(snapshots)))
        {
            assertEquals(replayed, engine.recoveredEvents());
            assertEquals(deliveredBefore, delivered.lines().size(), "recovery delivers nothing again");

            publish(engine, writer.form("acme", "e2", "L1", "demo_request"), 3);
            publish(engine, writer.call("acme", "e3", "L1", "r2", CallOutcome.STARTED), 4);
            acks.awaitCount(4);
        }

        final List<RecordingAcks.Ack> answers = acks.acks();
        assertEquals("3->2 dup", answers.get(2).toString(), "the de-duplication window survives the restart");
        assertEquals("4->3", answers.get(3).toString(), "the sequence continues");
        final List<String> assignments = delivered.linesStartingWith("Assignment");
        assertEquals(List.of("Assignment seq=3 reason=CLAIM episode=1 tenant=acme lead=L1 rep=r2"), assignments);
        assertEquals(1, delivered.linesStartingWith("Withdrawn seq=3").size(), "the alert to r1 from before the restart is withdrawn");
    }

    /**
     * Counts the journal's entries by what a full replay reads at each start, so without snapshots.
     */
    @Test
    void shouldNotJournalConfigAgainWhenUnchangedButJournalAChange()
    {
        try (Engine engine = Engine.launch(context().snapshots(false)))
        {
            assertEquals(0, engine.recoveredEvents());
        }
        try (Engine engine = Engine.launch(context().snapshots(false)))
        {
            assertEquals(1, engine.recoveredEvents());
        }
        try (Engine engine = Engine.launch(context().snapshots(false).tenant("acme", ACME + "hot:\n  forms: [webinar]\n")))
        {
            assertEquals(1, engine.recoveredEvents());
            publish(engine, writer.form("acme", "w1", "L1", "webinar"), 1);
            acks.awaitCount(1);
        }
        assertEquals(1, delivered.linesStartingWith("Alert").size());
        assertEquals(2, delivered.linesStartingWith("Decision seq").stream().filter(l -> l.contains("CONFIG_APPLIED")).count());
    }

    @Test
    void shouldCountHandlerExceptionAndGoOn()
    {
        final List<Long> processed = new CopyOnWriteArrayList<>();
        final EngineContext ctx = context().stateMachineFactory(outputs -> (message, sequence, timestampNs) ->
        {
            if (sequence == 2)
            {
                throw new IllegalStateException("boom at 2");
            }
            processed.add(sequence);
        });
        try (Engine engine = Engine.launch(ctx))
        {
            for (int i = 0; i < 4; i++)
            {
                publish(engine, writer.visit("acme", "e" + i, "L1", "/"), i);
            }
            acks.awaitCount(4);
            RecordingAcks.await(() -> engine.counters().value(EngineCounter.EVENTS_PROCESSED) == 4, "processing");
            assertEquals(1, engine.counters().value(EngineCounter.ERRORS));
            assertTrue(engine.errorHandler().report().contains("boom at 2"));
        }
        assertEquals(List.of(0L, 1L, 3L, 4L), processed);
    }

    @Test
    void shouldRefuseOfferWhenRingIsFullAndLoseNothingAcknowledged()
    {
        final CountDownLatch release = new CountDownLatch(1);
        final List<Long> processed = new CopyOnWriteArrayList<>();
        final EngineContext ctx = context().ringSize(4)
            .stateMachineFactory(outputs -> (message, sequence, timestampNs) ->
            {
                try
                {
                    release.await();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
                processed.add(sequence);
            });
        try (Engine engine = Engine.launch(ctx))
        {
            int refused = 0;
            int offered = 0;
            for (int i = 0; i < 20; i++)
            {
                final int length = writer.visit("acme", "e" + i, "L1", "/");
                if (engine.publisher().offer(writer.buffer(), 0, length, i, clock.nanoTime()))
                {
                    offered++;
                }
                else
                {
                    refused++;
                }
            }
            assertTrue(refused > 0, "a full ring refuses offers");
            assertTrue(engine.counters().value(EngineCounter.RING_FULL) > 0);
            release.countDown();
            acks.awaitCount(offered);
            final int accepted = offered;
            RecordingAcks.await(() -> processed.size() == accepted + 1, "all accepted processed");
        }
        assertFalse(processed.isEmpty());
    }

    private void publish(final Engine engine, final int length, final long correlationId)
    {
        while (!engine.publisher().offer(writer.buffer(), 0, length, correlationId, clock.nanoTime()))
        {
            Thread.onSpinWait();
        }
    }

    /**
     * Records what reached the journal, so tests can check nothing runs ahead of it.
     */
    static final class ObservedJournal implements Journal
    {
        private final Journal delegate;
        private final Set<Long> appended;
        private final AtomicLong lastAppended;
        private final AtomicLong syncedUpTo;

        ObservedJournal(final Journal delegate, final Set<Long> appended, final AtomicLong lastAppended, final AtomicLong syncedUpTo)
        {
            this.delegate = delegate;
            this.appended = appended;
            this.lastAppended = lastAppended;
            this.syncedUpTo = syncedUpTo;
        }

        public long append(final DirectBuffer buffer, final int offset, final int length)
        {
            final long position = delegate.append(buffer, offset, length);
            if (null != appended)
            {
                final long sequence = RecordHeader.sequence(buffer, offset);
                appended.add(sequence);
                lastAppended.set(sequence);
            }
            return position;
        }

        public void sync()
        {
            delegate.sync();
            if (null != appended)
            {
                syncedUpTo.set(lastAppended.get());
            }
        }

        public JournalReader openReader()
        {
            return delegate.openReader();
        }

        public boolean isEmpty()
        {
            return delegate.isEmpty();
        }

        public long lastPosition()
        {
            return delegate.lastPosition();
        }

        public void close()
        {
            delegate.close();
        }
    }
}
