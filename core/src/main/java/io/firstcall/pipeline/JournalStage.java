package io.firstcall.pipeline;

import com.lmax.disruptor.EventHandler;
import io.firstcall.event.InputEnvelope;
import io.firstcall.event.InputTypes;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import io.firstcall.journal.SyncMode;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineCounters;
import io.firstcall.status.EngineHealth;
import io.firstcall.timing.LatencyStage;
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
 * An event the journal cannot take (an append that fails, or the disk below its minimum free space) is
 * refused, not acknowledged: it gets no sequence, the de-duplication window does not remember it and it
 * is never decided, so the source sends it again. Failing appends are one episode of
 * {@link EngineHealth.Problem#INPUT_JOURNAL}, reported (and its error recorded) when it starts and
 * cleared by the first batch that journals and syncs again: counters, not log lines, count the events.
 * A batch whose sync fails is not acknowledged either, but its events are in the journal, so they keep
 * their sequences and are decided like any journaled event (a replay will decide them too); a retry is
 * answered as a duplicate once a sync succeeds.
 * <p>
 * The engine timestamp never goes backwards, even if the clock does: replayed timers depend on it.
 */
final class JournalStage implements EventHandler<RingSlot>
{
    private final SlotSource slots;
    private final Journal journal;
    private final DedupWindow dedupWindow;
    private final EpochNanoClock clock;
    private final SyncMode syncMode;
    private final AckListener ackListener;
    private final boolean endsAckBatches;
    private final ErrorHandler errorHandler;
    private final EngineHealth health;
    private final StartGate start;
    private final AtomicCounter journaledCounter;
    private final AtomicCounter duplicateCounter;
    private final AtomicCounter failureCounter;
    private final AtomicCounter refusedCounter;
    private final StageTimer receiveToJournaled;
    private final InputEnvelope envelope = new InputEnvelope();
    private long nextSequence;
    private long lastTimestampNs;
    private long batchStart = -1;
    private boolean syncInBatch;
    private boolean appendedInBatch;
    private boolean failedInBatch;
    private boolean failing;

    /**
     * @param endsAckBatches whether this stage ends each batch of acknowledgements itself (a
     *                       journal thread of its own), rather than the {@link OutputStage} after it.
     */
    JournalStage(final PipelineContext ctx, final SlotSource slots, final StartGate start, final boolean endsAckBatches)
    {
        this.slots = slots;
        this.journal = ctx.inputJournal();
        this.dedupWindow = ctx.dedupWindow();
        this.clock = ctx.clock();
        this.syncMode = ctx.syncMode();
        this.ackListener = ctx.ackListener();
        this.endsAckBatches = endsAckBatches;
        this.errorHandler = ctx.errorHandler();
        this.health = ctx.health();
        this.receiveToJournaled = ctx.latency().timer(LatencyStage.RECEIVE_TO_JOURNALED);
        this.start = start;
        final EngineCounters counters = ctx.counters();
        journaledCounter = counters.get(EngineCounter.EVENTS_JOURNALED);
        duplicateCounter = counters.get(EngineCounter.DUPLICATES);
        failureCounter = counters.get(EngineCounter.JOURNAL_FAILURES);
        refusedCounter = counters.get(EngineCounter.EVENTS_REFUSED_DISK_SPACE);
    }

    /**
     * Wait for recovery (which runs on the output stage's thread) and continue the journal after it.
     */
    public void onStart()
    {
        if (null == start.awaitRecovered())
        {
            nextSequence = start.nextSequence();
            lastTimestampNs = start.lastTimestampNs();
        }
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
                    // The original may be in a batch whose sync failed: answer only once a sync succeeds.
                    syncInBatch = true;
                    return;
                }
            }

            if (health.has(EngineHealth.Problem.DISK_SPACE))
            {
                slot.failed(AckListener.RejectReason.DISK_SPACE_LOW);
                refusedCounter.incrementRelease();
                return;
            }

            append(slot, keyed, keyHash, timestampNs);
        }
        catch (final Throwable ex)
        {
            slot.failed(AckListener.RejectReason.JOURNAL_APPEND_FAILED);
            failureCounter.incrementRelease();
            errorHandler.onError(ex);
        }
    }

    private void append(final RingSlot slot, final boolean keyed, final long keyHash, final long timestampNs)
    {
        RecordHeader.write(slot.buffer(), 0, nextSequence, timestampNs);
        final long position;
        try
        {
            position = journal.append(slot.buffer(), 0, slot.recordLength());
        }
        catch (final Throwable ex)
        {
            slot.failed(AckListener.RejectReason.JOURNAL_APPEND_FAILED);
            failureCounter.incrementRelease();
            onFailure("appends fail", ex);
            return;
        }

        if (keyed)
        {
            dedupWindow.record(envelope, keyHash, position, timestampNs);
        }
        lastTimestampNs = timestampNs;
        slot.journaled(nextSequence++, timestampNs, clock.nanoTime());
        syncInBatch = true;
        appendedInBatch = true;
        journaledCounter.incrementRelease();
        receiveToJournaled.record(slot.journaledNs() - slot.receivedNs());
    }

    private void endBatch(final long lastRingSequence)
    {
        boolean synced = true;
        if (syncInBatch && SyncMode.BATCH == syncMode)
        {
            try
            {
                journal.sync();
            }
            catch (final Throwable ex)
            {
                synced = false;
                onFailure("syncs fail", ex);
            }
        }

        for (long s = batchStart; s <= lastRingSequence; s++)
        {
            acknowledge(slots.get(s), synced);
        }

        if (failing && synced && appendedInBatch && !failedInBatch)
        {
            failing = false;
            health.clear(
                EngineHealth.Problem.INPUT_JOURNAL, "appends work again: events are journaled and acknowledged");
        }
        batchStart = -1;
        syncInBatch = false;
        appendedInBatch = false;
        failedInBatch = false;
        if (endsAckBatches)
        {
            try
            {
                ackListener.endOfBatch();
            }
            catch (final Throwable ex)
            {
                errorHandler.onError(ex);
            }
        }
    }

    /**
     * Count, and report the episode once: the error itself goes to the error chain only when it starts.
     */
    private void onFailure(final String what, final Throwable ex)
    {
        failedInBatch = true;
        if (!failing)
        {
            failing = true;
            health.report(EngineHealth.Problem.INPUT_JOURNAL, what + " (" + ex + "): events are refused with " +
                "journal_unavailable and retried as they come; counter journal_failures");
            errorHandler.onError(ex);
        }
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
                        failureCounter.incrementRelease();
                        ackListener.onRejected(slot.correlationId(), AckListener.RejectReason.JOURNAL_SYNC_FAILED);
                    }
                    break;

                case RingSlot.DUPLICATE:
                    if (synced)
                    {
                        ackListener.onJournaled(slot.correlationId(), slot.sequence(), true);
                    }
                    else
                    {
                        ackListener.onRejected(slot.correlationId(), AckListener.RejectReason.JOURNAL_SYNC_FAILED);
                    }
                    break;

                default:
                    ackListener.onRejected(slot.correlationId(), slot.rejectReason());
                    break;
            }
        }
        catch (final Throwable ex)
        {
            errorHandler.onError(ex);
        }
    }
}
