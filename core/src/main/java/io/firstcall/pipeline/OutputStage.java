package io.firstcall.pipeline;

import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import io.firstcall.replay.RecordSink;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineHealth;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Stage three: takes the outputs the state machine wrote into the {@link OutputBatch}, appends each
 * record to the output journal (one append, no copy: the batch holds them as the journal stores
 * them), then hands each to the {@link OutputListener}. Journal before delivery, so an audit can
 * always find what a rep was sent; nothing of this happens inside a decision. At the end of a ring
 * batch the listeners are told once ({@code endOfBatch}), so the edge can wake its readers once.
 * <p>
 * This stage's thread is the only one that appends to the output journal. Before its first event it
 * runs the engine's {@link Recovery} ({@link #onStart}), which appends here the outputs a crash left
 * out of the journal's tail.
 * <p>
 * A failed append never stops delivery: the outputs still go to the reps, the failure is reported
 * once ({@link EngineHealth.Problem#OUTPUT_JOURNAL}, the error chain) and from then on outputs are
 * delivered without being journaled, counted in {@code outputs_not_journaled}. Appending stops at the
 * first failure so that the output journal stays an exact prefix of the outputs; the next start
 * replays the inputs and appends the rest.
 */
final class OutputStage
{
    private final OutputBatch outputs;
    private final Journal outputJournal;
    private final OutputListener outputListener;
    private final AckListener ackListener;
    private final boolean endsAckBatches;
    private final ErrorHandler errorHandler;
    private final EngineHealth health;
    private final StartGate start;
    private final AtomicCounter journaledCounter;
    private final AtomicCounter deliveredCounter;
    private final AtomicCounter notJournaledCounter;
    private final RecordSink repairSink = this::repair;
    private boolean journaling = true;

    /**
     * @param endsAckBatches whether this stage, running on the journaling thread, also ends the
     *                       batch of acknowledgements.
     */
    OutputStage(final PipelineContext ctx, final StartGate start, final boolean endsAckBatches)
    {
        this.start = start;
        this.health = ctx.health();
        this.outputs = ctx.outputs();
        this.outputJournal = ctx.outputJournal();
        this.outputListener = ctx.outputListener();
        this.ackListener = ctx.ackListener();
        this.endsAckBatches = endsAckBatches;
        this.errorHandler = ctx.errorHandler();
        this.journaledCounter = ctx.counters().get(EngineCounter.OUTPUTS);
        this.deliveredCounter = ctx.counters().get(EngineCounter.OUTPUTS_DELIVERED);
        this.notJournaledCounter = ctx.counters().get(EngineCounter.OUTPUTS_NOT_JOURNALED);
    }

    /**
     * On this stage's thread, before its first event: recover, repairing the output journal's tail.
     */
    void onStart()
    {
        start.recover(repairSink);
    }

    /**
     * Journal and deliver every output in the batch, then empty it.
     *
     * @return how many outputs were delivered.
     */
    int flush()
    {
        final int count = outputs.count();
        if (0 == count)
        {
            return 0;
        }

        final MutableDirectBuffer buffer = outputs.buffer();
        for (int i = 0; i < count; i++)
        {
            if (journaling && append(buffer, outputs.recordOffset(i), outputs.recordLength(i), "an append failed"))
            {
                journaledCounter.incrementRelease();
            }
            else
            {
                notJournaledCounter.incrementRelease();
            }
        }

        for (int i = 0; i < count; i++)
        {
            final int offset = outputs.recordOffset(i);
            try
            {
                outputListener.onOutput(buffer, offset + RecordHeader.LENGTH, outputs.recordLength(i) - RecordHeader.LENGTH,
                    RecordHeader.sequence(buffer, offset));
                deliveredCounter.incrementRelease();
            }
            catch (final Throwable ex)
            {
                errorHandler.onError(ex);
            }
        }
        outputs.reset();
        return count;
    }

    /**
     * The ring batch ended: tell the listeners once.
     */
    void endOfBatch()
    {
        try
        {
            outputListener.endOfBatch();
            if (endsAckBatches)
            {
                ackListener.endOfBatch();
            }
        }
        catch (final Throwable ex)
        {
            errorHandler.onError(ex);
        }
    }

    /**
     * Append an output that recovery found missing from the journal's tail; it was delivered before.
     *
     * @param buffer holds the record, {@link RecordHeader} first.
     */
    private void repair(final DirectBuffer buffer, final int offset, final int length)
    {
        if (journaling)
        {
            append(buffer, offset, length, "repairing its tail at start failed");
        }
    }

    private boolean append(final DirectBuffer buffer, final int offset, final int length, final String what)
    {
        try
        {
            outputJournal.append(buffer, offset, length);
            return true;
        }
        catch (final Throwable ex)
        {
            journaling = false;
            health.report(EngineHealth.Problem.OUTPUT_JOURNAL, what + " (" + ex + "): outputs are still " +
                "delivered but no longer journaled (counter outputs_not_journaled); restart to repair the journal " +
                "from the inputs");
            errorHandler.onError(ex);
            return false;
        }
    }
}
