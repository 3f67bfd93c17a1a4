package io.firstcall.pipeline;

import com.lmax.disruptor.EventHandler;
import io.firstcall.event.InputEnvelope;
import io.firstcall.event.InputTypes;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import io.firstcall.journal.SyncMode;
import io.firstcall.timing.StageTimer;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Stage one: gives each new event its journal sequence and engine timestamp and appends it to the
 * input journal; answers retried event ids from the {@link DedupWindow} without journaling them
 * again. At the end of each batch it syncs (when the {@link SyncMode} asks) and only then
 * acknowledges the batch, so no acknowledgement ever precedes durability.
 * <p>
 * The engine timestamp never goes backwards, even if the clock does: replayed timers depend on it.
 */
final class JournalHandler implements EventHandler<RingSlot>
{
    private final SlotSource slots;
    private final Journal journal;
    private final DedupWindow dedupWindow;
    private final EpochNanoClock clock;
    private final SyncMode syncMode;
    private final AckListener ackListener;
    private final ErrorHandler errorHandler;
    private final AtomicCounter journaledCounter;
    private final AtomicCounter duplicateCounter;
    private final AtomicCounter failureCounter;
    private final StageTimer receiveToJournaled;
    private final InputEnvelope envelope = new InputEnvelope();
    private long nextSequence;
    private long lastTimestampNs;
    private long batchStart = -1;
    private boolean appendedInBatch;

    JournalHandler(
        final SlotSource slots,
        final Journal journal,
        final DedupWindow dedupWindow,
        final EpochNanoClock clock,
        final SyncMode syncMode,
        final AckListener ackListener,
        final ErrorHandler errorHandler,
        final AtomicCounter journaledCounter,
        final AtomicCounter duplicateCounter,
        final AtomicCounter failureCounter,
        final StageTimer receiveToJournaled,
        final long nextSequence,
        final long lastTimestampNs)
    {
        this.slots = slots;
        this.journal = journal;
        this.dedupWindow = dedupWindow;
        this.clock = clock;
        this.syncMode = syncMode;
        this.ackListener = ackListener;
        this.errorHandler = errorHandler;
        this.journaledCounter = journaledCounter;
        this.duplicateCounter = duplicateCounter;
        this.failureCounter = failureCounter;
        this.receiveToJournaled = receiveToJournaled;
        this.nextSequence = nextSequence;
        this.lastTimestampNs = lastTimestampNs;
    }

    long nextSequence()
    {
        return nextSequence;
    }

    public void onEvent(final RingSlot slot, final long ringSequence, final boolean endOfBatch)
    {
        if (batchStart < 0)
        {
            batchStart = ringSequence;
        }

        journal(slot);

        if (endOfBatch)
        {
            endBatch(ringSequence);
        }
    }

    private void journal(final RingSlot slot)
    {
        try
        {
            if (!envelope.wrap(slot.buffer(), RecordHeader.LENGTH, slot.messageLength()))
            {
                throw new IllegalArgumentException("not a firstcall input message, length=" + slot.messageLength());
            }

            final boolean keyed = envelope.templateId() != InputTypes.TICK && envelope.eventIdLength() > 0;
            final long keyHash = keyed ? envelope.keyHash() : 0;
            // The engine time this event is journaled at, or would have been: the dedup horizon is measured to it.
            final long timestampNs = Math.max(clock.nanoTime(), lastTimestampNs);
            if (keyed)
            {
                final long originalSequence = dedupWindow.findOriginal(envelope, keyHash, timestampNs);
                if (originalSequence >= 0)
                {
                    slot.duplicateOf(originalSequence);
                    duplicateCounter.incrementRelease();
                    return;
                }
            }

            RecordHeader.write(slot.buffer(), 0, nextSequence, timestampNs);
            final long position = journal.append(slot.buffer(), 0, slot.recordLength());
            if (keyed)
            {
                dedupWindow.record(envelope, keyHash, position, timestampNs);
            }

            lastTimestampNs = timestampNs;
            slot.journaled(nextSequence++, timestampNs, clock.nanoTime());
            appendedInBatch = true;
            journaledCounter.incrementRelease();
            receiveToJournaled.record(slot.journaledNs() - slot.receivedNs());
        }
        catch (final Throwable ex)
        {
            slot.failed();
            failureCounter.incrementRelease();
            errorHandler.onError(ex);
        }
    }

    private void endBatch(final long lastRingSequence)
    {
        boolean synced = true;
        if (appendedInBatch && SyncMode.BATCH == syncMode)
        {
            try
            {
                journal.sync();
            }
            catch (final Throwable ex)
            {
                synced = false;
                errorHandler.onError(ex);
            }
        }

        for (long s = batchStart; s <= lastRingSequence; s++)
        {
            acknowledge(slots.get(s), synced);
        }

        batchStart = -1;
        appendedInBatch = false;
    }

    private void acknowledge(final RingSlot slot, final boolean synced)
    {
        try
        {
            switch (slot.state())
            {
                case RingSlot.JOURNALED:
                    if (synced)
                    {
                        ackListener.onJournaled(slot.correlationId(), slot.sequence(), false);
                    }
                    else
                    {
                        ackListener.onRejected(slot.correlationId(), AckListener.RejectReason.JOURNAL_SYNC_FAILED);
                    }
                    break;

                case RingSlot.DUPLICATE:
                    ackListener.onJournaled(slot.correlationId(), slot.sequence(), true);
                    break;

                default:
                    ackListener.onRejected(slot.correlationId(), AckListener.RejectReason.JOURNAL_APPEND_FAILED);
                    break;
            }
        }
        catch (final Throwable ex)
        {
            errorHandler.onError(ex);
        }
    }
}
