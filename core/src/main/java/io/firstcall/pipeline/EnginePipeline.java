package io.firstcall.pipeline;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.firstcall.engine.OutputSink;
import io.firstcall.engine.StateMachine;
import io.firstcall.journal.Journal;
import io.firstcall.journal.SyncMode;
import io.firstcall.status.DisruptorExceptionHandler;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineCounters;
import io.firstcall.status.EngineHealth;
import io.firstcall.timing.LatencyRecorders;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * Wires the ring and its stages for a {@link Topology}. Nothing else in firstcall knows the
 * Disruptor is there.
 */
public final class EnginePipeline implements AutoCloseable
{
    private final Disruptor<RingSlot> disruptor;
    private final IngestPublisher publisher;
    private final OutputPublisher outputPublisher;
    private final StartGate start;
    private boolean closed;

    /**
     * @param dedupWindow filled during recovery.
     * @param recovery    run on the decision thread when the pipeline starts, before its first event.
     */
    public EnginePipeline(
        final Topology topology,
        final int ringSize,
        final int maxMessageLength,
        final WaitStrategy waitStrategy,
        final ThreadFactory threadFactory,
        final Journal inputJournal,
        final Journal outputJournal,
        final DedupWindow dedupWindow,
        final Recovery recovery,
        final StateMachine stateMachine,
        final OutputListener outputListener,
        final SyncMode syncMode,
        final EpochNanoClock clock,
        final AckListener ackListener,
        final ErrorHandler errorHandler,
        final EngineCounters counters,
        final EngineHealth health,
        final LatencyRecorders latency)
    {
        disruptor = new Disruptor<>(
            () -> new RingSlot(maxMessageLength), ringSize, threadFactory, ProducerType.MULTI, waitStrategy);
        disruptor.setDefaultExceptionHandler(new DisruptorExceptionHandler<>(errorHandler));
        final RingBuffer<RingSlot> ringBuffer = disruptor.getRingBuffer();
        final Stages stages = new Stages(
            ringBuffer::get, inputJournal, outputJournal, dedupWindow, recovery, stateMachine,
            outputListener, syncMode, clock, ackListener, errorHandler, counters, health, latency);
        outputPublisher = stages.outputPublisher;
        start = stages.start;
        final JournalHandler journalHandler = stages.journalHandler;
        final DecisionHandler decisionHandler = stages.decisionHandler;

        if (Topology.SINGLE == topology)
        {
            disruptor.handleEventsWith(new SingleThreadHandler(ringBuffer::get, journalHandler, decisionHandler));
        }
        else
        {
            disruptor.handleEventsWith(journalHandler).then(decisionHandler);
        }

        publisher = new IngestPublisher(
            ringBuffer, maxMessageLength,
            counters.get(EngineCounter.EVENTS_RECEIVED),
            counters.get(EngineCounter.RING_FULL));
    }

    /**
     * @return the sink that journals and delivers outputs; the state machine writes to it once live.
     */
    public OutputSink outputSink()
    {
        return outputPublisher;
    }

    /**
     * Start the stage threads; recovery runs first, on the decision thread: see {@link #awaitRecovered()}.
     */
    public void start()
    {
        disruptor.start();
    }

    /**
     * Wait until recovery has run on the decision thread.
     *
     * @throws IllegalStateException carrying what recovery failed with.
     */
    public void awaitRecovered()
    {
        final Throwable failure = start.awaitRecovered();
        if (null != failure)
        {
            throw new IllegalStateException("recovery failed: " + failure, failure);
        }
    }

    public IngestPublisher publisher()
    {
        return publisher;
    }

    /**
     * Process everything already published, then stop the stage threads.
     */
    public void close()
    {
        if (!closed)
        {
            closed = true;
            // Not Disruptor.shutdown(): it sees no backlog for a stage whose thread has not started
            // running yet, so an event published right after start() could be dropped. Wait for every
            // stage to pass what is published, then halt.
            final RingBuffer<RingSlot> ringBuffer = disruptor.getRingBuffer();
            final long published = ringBuffer.getCursor();
            while (ringBuffer.getMinimumGatingSequence() < published)
            {
                LockSupport.parkNanos(100_000);
            }
            disruptor.halt();
        }
    }
}
