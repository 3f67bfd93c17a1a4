package io.firstcall.pipeline;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.firstcall.status.DisruptorExceptionHandler;
import io.firstcall.status.EngineCounter;

import java.util.concurrent.locks.LockSupport;

/**
 * Wires the ring and its stages for the context's {@link Topology}. Nothing else in firstcall knows
 * the Disruptor is there.
 */
public final class EnginePipeline implements AutoCloseable
{
    private final Disruptor<RingSlot> disruptor;
    private final IngestPublisher publisher;
    private final StartGate start;
    private boolean closed;

    /**
     * Recovery (the context's {@link Recovery}) runs on the decision thread when the pipeline
     * starts, before its first event.
     */
    public EnginePipeline(final PipelineContext ctx)
    {
        final int maxMessageLength = ctx.maxMessageLength();
        disruptor = new Disruptor<>(
            () -> new RingSlot(maxMessageLength), ctx.ringSize(), ctx.threadFactory(), ProducerType.MULTI, ctx.waitStrategy());
        disruptor.setDefaultExceptionHandler(new DisruptorExceptionHandler<>(ctx.errorHandler()));
        final RingBuffer<RingSlot> ringBuffer = disruptor.getRingBuffer();
        final Stages stages = new Stages(ctx, ringBuffer::get);
        start = stages.start;
        if (Topology.SINGLE == ctx.topology())
        {
            disruptor.handleEventsWith(new SingleThreadHandler(ringBuffer::get, stages.journalStage, stages.decisionStage));
        }
        else
        {
            disruptor.handleEventsWith(stages.journalStage).then(stages.decisionStage);
        }

        publisher = new IngestPublisher(
            ringBuffer, maxMessageLength,
            ctx.counters().get(EngineCounter.EVENTS_RECEIVED),
            ctx.counters().get(EngineCounter.RING_FULL));
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
