package io.firstcall.pipeline;

import com.lmax.disruptor.EventHandler;
import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.RecordHeader;
import io.firstcall.status.EngineCounter;
import io.firstcall.timing.LatencyStage;
import io.firstcall.timing.StageTimer;
import org.agrona.ErrorHandler;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteOrder;

/**
 * Stage two: hands each journaled event to the {@link StateMachine} on this one thread, in journal
 * order, through a view bounded to the event's own message, with the batch's cause set to the
 * event. The outputs it writes wait in the {@link OutputBatch} until the end of the ring batch (or
 * until the batch holds more than {@link PipelineContext#outputFlushBytes()}), when the
 * {@link OutputStage} journals and delivers them. Duplicates and events that failed to journal
 * never reach the state machine. An exception from the state machine is counted and logged and the
 * engine goes on with the next event.
 */
final class DecisionStage implements EventHandler<RingSlot>
{
    private final SlotSource slots;
    private final StateMachine stateMachine;
    private final OutputBatch outputs;
    private final OutputStage outputStage;
    private final int flushBytes;
    private final EpochNanoClock clock;
    private final ErrorHandler errorHandler;
    private final AtomicCounter processedCounter;
    private final StageTimer journaledToDecided;
    private final StageTimer decidedToPublished;
    private final StageTimer receiveToPublished;
    private final StageTimer receiveToAlert;
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[0]);
    private long unpublished = -1;

    DecisionStage(final PipelineContext ctx, final SlotSource slots, final OutputStage outputStage)
    {
        this.slots = slots;
        this.stateMachine = ctx.stateMachine();
        this.outputs = ctx.outputs();
        this.outputStage = outputStage;
        this.flushBytes = ctx.outputFlushBytes();
        this.clock = ctx.clock();
        this.errorHandler = ctx.errorHandler();
        this.processedCounter = ctx.counters().get(EngineCounter.EVENTS_PROCESSED);
        this.journaledToDecided = ctx.latency().timer(LatencyStage.JOURNALED_TO_DECIDED);
        this.decidedToPublished = ctx.latency().timer(LatencyStage.DECIDED_TO_PUBLISHED);
        this.receiveToPublished = ctx.latency().timer(LatencyStage.RECEIVE_TO_PUBLISHED);
        this.receiveToAlert = ctx.latency().timer(LatencyStage.RECEIVE_TO_ALERT);
    }

    /**
     * Before the first event, on this thread: recovery, through the output stage that owns the
     * output journal's appender.
     */
    public void onStart()
    {
        outputStage.onStart();
    }

    public void onEvent(final RingSlot slot, final long ringSequence, final boolean endOfBatch)
    {
        if (unpublished < 0)
        {
            unpublished = ringSequence;
        }
        if (RingSlot.JOURNALED == slot.state())
        {
            decide(slot);
        }
        if (endOfBatch || outputs.length() >= flushBytes)
        {
            publish(ringSequence);
        }
        if (endOfBatch)
        {
            outputStage.endOfBatch();
        }
    }

    private void decide(final RingSlot slot)
    {
        try
        {
            final long startNs = clock.nanoTime();
            slot.decided(startNs);
            message.wrap(slot.buffer(), RecordHeader.LENGTH, slot.messageLength());
            outputs.cause(slot.sequence(), slot.timestampNs());
            final int firstOutput = outputs.count();
            stateMachine.onEvent(message, slot.sequence(), slot.timestampNs());
            slot.alerted(alerts(firstOutput));
            processedCounter.incrementRelease();
            journaledToDecided.record(startNs - slot.journaledNs());
        }
        catch (final Throwable ex)
        {
            errorHandler.onError(ex);
        }
    }

    /**
     * @return true when an output from {@code firstOutput} on is an alert to a rep.
     */
    private boolean alerts(final int firstOutput)
    {
        final MutableDirectBuffer buffer = outputs.buffer();
        for (int i = firstOutput, count = outputs.count(); i < count; i++)
        {
            final int templateId = buffer.getShort(outputs.recordOffset(i) + RecordHeader.LENGTH +
                MessageHeaderDecoder.templateIdEncodingOffset(), ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            if (AlertDecoder.TEMPLATE_ID == templateId)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Journal and deliver the outputs of the slots decided since the last publication, up to and
     * including {@code lastRingSequence}, and time them.
     */
    private void publish(final long lastRingSequence)
    {
        outputStage.flush();
        final long publishedNs = clock.nanoTime();
        for (long s = unpublished; s <= lastRingSequence; s++)
        {
            final RingSlot slot = slots.get(s);
            if (RingSlot.JOURNALED == slot.state())
            {
                decidedToPublished.record(publishedNs - slot.decidedNs());
                receiveToPublished.record(publishedNs - slot.receivedNs());
                if (slot.alerted())
                {
                    receiveToAlert.record(publishedNs - slot.receivedNs());
                }
            }
        }
        unpublished = -1;
    }
}
