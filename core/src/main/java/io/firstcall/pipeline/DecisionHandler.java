package io.firstcall.pipeline;

import com.lmax.disruptor.EventHandler;
import io.firstcall.engine.StateMachine;
import io.firstcall.journal.RecordHeader;
import io.firstcall.timing.StageTimer;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Stage two: hands each journaled event to the {@link StateMachine} on this one thread, in journal
 * order; its outputs go out through the {@link OutputPublisher} during the call, and the publisher
 * hears the end of each ring batch. Duplicates and
 * events that failed to journal never reach the state machine, and it sees only a view bounded to the
 * slot's message: a reused slot's bytes beyond it, left by an earlier event, cannot be read. An
 * exception from the state machine is counted and logged and the engine goes on with the next event.
 */
final class DecisionHandler implements EventHandler<RingSlot>
{
    private final StateMachine stateMachine;
    private final OutputPublisher outputPublisher;
    private final EpochNanoClock clock;
    private final ErrorHandler errorHandler;
    private final AtomicCounter processedCounter;
    private final StageTimer journaledToDecided;
    private final StageTimer decidedToPublished;
    private final StageTimer receiveToPublished;
    private final UnsafeBuffer message = new UnsafeBuffer(0, 0);

    DecisionHandler(
        final StateMachine stateMachine,
        final OutputPublisher outputPublisher,
        final EpochNanoClock clock,
        final ErrorHandler errorHandler,
        final AtomicCounter processedCounter,
        final StageTimer journaledToDecided,
        final StageTimer decidedToPublished,
        final StageTimer receiveToPublished)
    {
        this.stateMachine = stateMachine;
        this.outputPublisher = outputPublisher;
        this.clock = clock;
        this.errorHandler = errorHandler;
        this.processedCounter = processedCounter;
        this.journaledToDecided = journaledToDecided;
        this.decidedToPublished = decidedToPublished;
        this.receiveToPublished = receiveToPublished;
    }

    /**
     * Before the first event, on this thread: recovery, through the output stage (see {@link OutputPublisher}).
     */
    public void onStart()
    {
        outputPublisher.onStart();
    }

    public void onEvent(final RingSlot slot, final long ringSequence, final boolean endOfBatch)
    {
        if (RingSlot.JOURNALED == slot.state())
        {
            decide(slot);
        }
        if (endOfBatch)
        {
            outputPublisher.endOfBatch();
        }
    }

    private void decide(final RingSlot slot)
    {
        try
        {
            outputPublisher.beginInput(slot.sequence(), slot.timestampNs());
            final long startNs = clock.nanoTime();
            message.wrap(slot.buffer(), RecordHeader.LENGTH, slot.messageLength());
            stateMachine.onEvent(message, 0, slot.messageLength(), slot.sequence(), slot.timestampNs());
            final long publishedNs = clock.nanoTime();
            processedCounter.incrementRelease();

            journaledToDecided.record(startNs - slot.journaledNs());
            decidedToPublished.record(publishedNs - startNs);
            receiveToPublished.record(publishedNs - slot.receivedNs());
        }
        catch (final Throwable ex)
        {
            errorHandler.onError(ex);
        }
    }
}
