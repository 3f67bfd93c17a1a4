package io.firstcall.bench;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import io.firstcall.pipeline.AckListener;
import io.firstcall.pipeline.ArrayBlockingQueueBaseline;
import io.firstcall.pipeline.IngestPublisher;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In-process throughput of the journaled, full-logic pipeline (default topology), against raw
 * Chronicle appends of the same message size and an ArrayBlockingQueue pipeline running the same
 * stages, all measured in the same run.
 * <pre>
 *   java $(flags) -cp bench/target/benchmarks.jar io.firstcall.bench.PipelineThroughput [events] [rounds]
 * </pre>
 */
public final class PipelineThroughput
{
    private PipelineThroughput()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int events = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        final int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        final EventMix mix = new EventMix(65_536, 20_000, 7);
        System.out.printf("events=%d rounds=%d avgMessageBytes=%d topology=%s wait=%s%n",
            events, rounds, mix.averageLength(),
            System.getProperty(EngineContext.TOPOLOGY_PROP_NAME, EngineContext.TOPOLOGY_DEFAULT),
            System.getProperty(EngineContext.WAIT_STRATEGY_PROP_NAME, EngineContext.WAIT_STRATEGY_DEFAULT));
        for (int round = 1; round <= rounds; round++)
        {
            final double pipeline = pipelineEventsPerSecond(mix, events);
            final double raw = rawChronicleAppendsPerSecond(mix.averageLength() + RecordHeader.LENGTH, events);
            final double abq = ArrayBlockingQueueBaseline.eventsPerSecond(mix, events);
            System.out.printf(
                "round %d: pipeline=%.0f events/s rawChronicle=%.0f appends/s abqPipeline=%.0f events/s " +
                "pipeline/raw=%.2f pipeline/abq=%.2f%n",
                round, pipeline, raw, abq, pipeline / raw, pipeline / abq);
        }
    }

    /**
     * Offers every event from this thread and stops the clock at the last acknowledgement.
     */
    public static double pipelineEventsPerSecond(final EventMix mix, final int events) throws Exception
    {
        final Path dir = Files.createTempDirectory("firstcall-bench");
        final AtomicLong acked = new AtomicLong();
        final EngineContext ctx = new EngineContext()
            .dataDir(dir)
            .ticksEnabled(false)
            .tenant(EventMix.TENANT, EventMix.RULES)
            .ackListener(new AckListener()
            {
                public void onJournaled(final long correlationId, final long sequence, final boolean duplicate)
                {
                    acked.lazySet(acked.get() + 1);
                }

                public void onRejected(final long correlationId, final RejectReason reason)
                {
                    acked.lazySet(acked.get() + 1);
                }
            });
        try (Engine engine = Engine.launch(ctx))
        {
            final IngestPublisher publisher = engine.publisher();
            final long expected = events + 1;
            while (acked.get() < 1)
            {
                Thread.onSpinWait();
            }
            final long startNs = System.nanoTime();
            for (int i = 0; i < events; i++)
            {
                final int index = i % mix.size();
                mix.stamp(index, i);
                final UnsafeBuffer buffer = mix.buffer(index);
                while (!publisher.offer(buffer, 0, mix.length(index), i, startNs))
                {
                    Thread.onSpinWait();
                }
            }
            while (acked.get() < expected)
            {
                Thread.onSpinWait();
            }
            final long elapsedNs = System.nanoTime() - startNs;
            return events * 1e9 / elapsedNs;
        }
        finally
        {
            IoUtil.delete(dir.toFile(), true);
        }
    }

    /**
     * The floor: appending records of the same size to a Chronicle journal from one thread.
     */
    public static double rawChronicleAppendsPerSecond(final int recordLength, final int events) throws Exception
    {
        final File dir = Files.createTempDirectory("firstcall-raw").toFile();
        final UnsafeBuffer record = new UnsafeBuffer(new byte[recordLength]);
        try (Journal journal = ChronicleJournal.open(dir.toPath()))
        {
            final long startNs = System.nanoTime();
            for (int i = 0; i < events; i++)
            {
                record.putLong(0, i);
                journal.append(record, 0, recordLength);
            }
            return events * 1e9 / (System.nanoTime() - startNs);
        }
        finally
        {
            IoUtil.delete(dir, true);
        }
    }
}
