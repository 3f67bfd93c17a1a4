package io.firstcall.pipeline;

import io.firstcall.engine.StateMachine;
import io.firstcall.event.EventWriter;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import io.firstcall.journal.SyncMode;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineCounters;
import io.firstcall.status.EngineHealth;
import io.firstcall.support.ManualClock;
import io.firstcall.timing.LatencyRecorders;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The listeners hear the end of each ring batch once, after its last callback: the edge wakes its
 * readers once per batch instead of once per event. On one engine thread the batch's acknowledgements
 * and outputs end together, after the outputs; on two threads each stage ends its own.
 */
class BatchEndTest
{
    @TempDir
    Path dir;

    private final RingSlot[] slots = new RingSlot[8];
    private final List<String> calls = new ArrayList<>();
    private final EngineCounters counters = EngineCounters.inMemory();
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096]));
    private final UnsafeBuffer output = new UnsafeBuffer(new byte[16]);
    private Journal input;
    private Journal outputs;
    private Stages stages;
    private long ringSequence;

    @AfterEach
    void close()
    {
        input.close();
        outputs.close();
        counters.close();
    }

    @Test
    void shouldEndAckAndOutputBatchesOnceAfterTheOutputsOnOneThread()
    {
        start();
        final SingleThreadHandler handler = new SingleThreadHandler(
            sequence -> slots[(int)(sequence % slots.length)], stages.journalHandler, stages.decisionHandler);

        handler.onEvent(slot(1), ringSequence++, false);
        handler.onEvent(slot(2), ringSequence++, true);
        handler.onEvent(slot(3), ringSequence++, true);

        assertEquals(List.of(
            "ack 1", "ack 2", "output 0", "output 1", "end outputs", "end acks",
            "ack 3", "output 2", "end outputs", "end acks"), calls);
    }

    @Test
    void shouldEndEachStagesBatchOnItsOwnOnTwoThreads()
    {
        start();

        for (int i = 1; i <= 2; i++)
        {
            stages.journalHandler.onEvent(slot(i), ringSequence++, 2 == i);
        }
        stages.decisionHandler.onEvent(slots[0], 0, false);
        stages.decisionHandler.onEvent(slots[1], 1, true);

        assertEquals(List.of("ack 1", "ack 2", "end acks", "output 0", "output 1", "end outputs"), calls);
    }

    private void start()
    {
        for (int i = 0; i < slots.length; i++)
        {
            slots[i] = new RingSlot(4096);
        }
        input = ChronicleJournal.open(dir.resolve("input"));
        outputs = ChronicleJournal.open(dir.resolve("output"));
        final Stages[] self = new Stages[1];
        final StateMachine stateMachine =
            (buffer, offset, length, sequence, timestampNs) -> self[0].outputPublisher.onOutput(output, 0, 16);
        stages = new Stages(
            sequence -> slots[(int)(sequence % slots.length)], input, outputs, dedupWindow(),
            Recovery.NONE, stateMachine, new RecordingOutputs(), SyncMode.NONE, new ManualClock(1_000, 1),
            new RecordingAcks(), Throwable::printStackTrace, counters, new EngineHealth(), new LatencyRecorders());
        self[0] = stages;
        stages.decisionHandler.onStart();
        stages.journalHandler.onStart();
    }

    private DedupWindow dedupWindow()
    {
        final DedupWindow window = new DedupWindow(
            Long.MAX_VALUE, 16, input.openReader(), counters.get(EngineCounter.DEDUP_EARLY_EVICTIONS));
        window.endRestore();
        return window;
    }

    private RingSlot slot(final long correlationId)
    {
        final RingSlot slot = slots[(int)(ringSequence % slots.length)];
        final int length = writer.visit("acme", "v" + correlationId, "L1", "/pricing");
        slot.buffer().putBytes(RecordHeader.LENGTH, writer.buffer(), 0, length);
        slot.reset(length, correlationId, 0);
        return slot;
    }

    private final class RecordingAcks implements AckListener
    {
        public void onJournaled(final long correlationId, final long sequence, final boolean duplicate)
        {
            calls.add("ack " + correlationId);
        }

        public void onRejected(final long correlationId, final RejectReason reason)
        {
            calls.add("rejected " + correlationId);
        }

        public void endOfBatch()
        {
            calls.add("end acks");
        }
    }

    private final class RecordingOutputs implements OutputListener
    {
        public void onOutput(final DirectBuffer buffer, final int offset, final int length, final long inputSequence)
        {
            calls.add("output " + inputSequence);
        }

        public void endOfBatch()
        {
            calls.add("end outputs");
        }
    }
}
