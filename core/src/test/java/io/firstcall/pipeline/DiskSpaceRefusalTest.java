package io.firstcall.pipeline;

import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.event.EventWriter;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.RecordHeader;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineCounters;
import io.firstcall.status.EngineHealth;
import io.firstcall.support.FaultyJournal;
import io.firstcall.support.ManualClock;
import io.firstcall.support.RecordingAcks;
import io.firstcall.timing.LatencyRecorders;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The journal stage while the disk is below its minimum free space: new events and ticks are refused
 * before any append, duplicates of journaled events are still answered, and it takes events again as
 * soon as the guard clears.
 */
class DiskSpaceRefusalTest
{
    @TempDir
    Path dir;

    private final RingSlot[] slots = new RingSlot[8];
    private final RecordingAcks acks = new RecordingAcks();
    private final List<Long> decided = new ArrayList<>();
    private final EngineHealth health = new EngineHealth();
    private final EngineCounters counters = EngineCounters.inMemory();
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096]));
    private FaultyJournal input;
    private FaultyJournal output;
    private Stages stages;
    private long ringSequence;

    @AfterEach
    void close()
    {
        input.close();
        output.close();
        counters.close();
    }

    @Test
    void shouldRefuseNewEventsAndTicksButAnswerDuplicatesUntilThereIsRoom()
    {
        start();
        offer(writer.visit("acme", "v1", "L1", "/pricing"), 1, true);
        assertEquals("1->0", acks.acks().get(0).toString());

        health.report(EngineHealth.Problem.DISK_SPACE, "1 MiB free");
        offer(writer.visit("acme", "v2", "L1", "/pricing"), 2, false);
        offer(writer.tick(), -1, false);
        offer(writer.visit("acme", "v1", "L1", "/pricing"), 3, true);

        assertEquals("2->-1 DISK_SPACE_LOW", acks.acks().get(1).toString());
        assertEquals("3->0 dup", acks.acks().get(2).toString(), "already journaled: answered");
        assertEquals(2, counters.value(EngineCounter.EVENTS_REFUSED_DISK_SPACE), "the event and the tick");
        assertEquals(1, input.attempts(), "nothing was tried on the journal");
        assertEquals(List.of(0L), decided);

        health.clear(EngineHealth.Problem.DISK_SPACE, "room again");
        offer(writer.visit("acme", "v2", "L1", "/pricing"), 4, true);
        assertEquals("4->1", acks.acks().get(3).toString(), "no sequence was used by the refused events");
        assertEquals(List.of(0L, 1L), decided);
    }

    private void start()
    {
        for (int i = 0; i < slots.length; i++)
        {
            slots[i] = new RingSlot(4096);
        }
        input = new FaultyJournal(ChronicleJournal.open(dir.resolve("input")));
        output = new FaultyJournal(ChronicleJournal.open(dir.resolve("output")));
        final StateMachine stateMachine = (message, sequence, timestampNs) -> decided.add(sequence);
        stages = new Stages(new PipelineContext()
            .inputJournal(input)
            .outputJournal(output)
            .dedupWindow(dedupWindow(input))
            .stateMachine(stateMachine)
            .outputs(new OutputBatch())
            .clock(new ManualClock(1_000, 1))
            .ackListener(acks)
            .errorHandler(Throwable::printStackTrace)
            .counters(counters)
            .health(health)
            .latency(new LatencyRecorders()), sequence -> slots[(int)(sequence % slots.length)]);
        stages.decisionStage.onStart();
        stages.journalStage.onStart();
    }

    private DedupWindow dedupWindow(final FaultyJournal input)
    {
        final DedupWindow window = new DedupWindow(
            Long.MAX_VALUE, 16, input.openReader(), counters.get(EngineCounter.DEDUP_EARLY_EVICTIONS));
        window.endRestore();
        return window;
    }

    /**
     * Offer one event the way the single-threaded topology takes a batch: journal, then decide.
     */
    private void offer(final int length, final long correlationId, final boolean endOfBatch)
    {
        final long sequence = ringSequence++;
        final RingSlot slot = slots[(int)(sequence % slots.length)];
        slot.buffer().putBytes(RecordHeader.LENGTH, writer.buffer(), 0, length);
        slot.reset(length, correlationId, 0);
        stages.journalStage.onEvent(slot, sequence, endOfBatch);
        stages.decisionStage.onEvent(slot, sequence, endOfBatch);
    }
}
