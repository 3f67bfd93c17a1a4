package io.firstcall.pipeline;

import io.firstcall.EngineContext;
import io.firstcall.bench.EventMix;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.event.EventWriter;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import io.firstcall.status.CountingErrorHandler;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineCounters;
import io.firstcall.status.EngineHealth;
import io.firstcall.timing.LatencyRecorders;
import org.agrona.DirectBuffer;
import org.agrona.IoUtil;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The baseline the BRIEF asks for: the same journal, dedup, state machine and output stages, but
 * slots handed from the producer to the engine thread through an {@link ArrayBlockingQueue}
 * instead of the Disruptor. Lives in the pipeline package to reach the package-private stages.
 */
public final class ArrayBlockingQueueBaseline
{
    private static final int SLOTS = 8192;
    private static final int QUEUE_CAPACITY = SLOTS / 2;

    private ArrayBlockingQueueBaseline()
    {
    }

    /**
     * @return events/s from the first offer until the engine thread has decided the last event.
     */
    public static double eventsPerSecond(final EventMix mix, final int events) throws Exception
    {
        final Path dir = Files.createTempDirectory("firstcall-abq");
        final RingSlot[] slots = new RingSlot[SLOTS];
        for (int i = 0; i < SLOTS; i++)
        {
            slots[i] = new RingSlot(16 * 1024);
        }
        final ArrayBlockingQueue<RingSlot> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        try (Journal inputJournal = ChronicleJournal.open(dir.resolve("input"));
            Journal outputJournal = ChronicleJournal.open(dir.resolve("output"));
            EngineCounters counters = EngineCounters.inMemory())
        {
            final OutputBatch outputs = new OutputBatch();
            final DedupWindow dedupWindow = new DedupWindow(
                TimeUnit.MILLISECONDS.toNanos(EngineContext.DEDUP_HORIZON_MS_DEFAULT), EngineContext.DEDUP_MAX_IDS_DEFAULT,
                inputJournal.openReader(), counters.get(EngineCounter.DEDUP_EARLY_EVICTIONS));
            dedupWindow.endRestore();
            final Stages stages = new Stages(new PipelineContext()
                .inputJournal(inputJournal)
                .outputJournal(outputJournal)
                .dedupWindow(dedupWindow)
                .stateMachine(new LeadStateMachine(outputs))
                .outputs(outputs)
                .clock(new OffsetEpochNanoClock())
                .errorHandler(new CountingErrorHandler(counters.get(EngineCounter.ERRORS), new SystemEpochClock()))
                .counters(counters)
                .health(new EngineHealth())
                .latency(new LatencyRecorders()), sequence -> slots[(int)(sequence & (SLOTS - 1))]);

            final int total = events + 1;
            final Thread consumer = new Thread(() ->
            {
                try
                {
                    stages.decisionStage.onStart();
                    stages.journalStage.onStart();
                    for (long sequence = 0; sequence < total; sequence++)
                    {
                        final RingSlot slot = queue.take();
                        stages.journalStage.onEvent(slot, sequence, true);
                        stages.decisionStage.onEvent(slot, sequence, true);
                    }
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }, "abq-engine");

            final EventWriter config = new EventWriter(new UnsafeBuffer(new byte[4096]));
            offer(slots[0], queue, config.buffer(), config.config(EventMix.TENANT, "", EventMix.RULES));
            consumer.start();
            final long startNs = System.nanoTime();
            for (int i = 0; i < events; i++)
            {
                final int index = i % mix.size();
                mix.stamp(index, i);
                offer(slots[(i + 1) & (SLOTS - 1)], queue, mix.buffer(index), mix.length(index));
            }
            consumer.join();
            return events * 1e9 / (System.nanoTime() - startNs);
        }
        finally
        {
            IoUtil.delete(dir.toFile(), true);
        }
    }

    private static void offer(
        final RingSlot slot, final ArrayBlockingQueue<RingSlot> queue, final DirectBuffer buffer, final int length)
        throws InterruptedException
    {
        slot.buffer().putBytes(RecordHeader.LENGTH, buffer, 0, length);
        slot.reset(length, 0, 0);
        queue.put(slot);
    }
}
