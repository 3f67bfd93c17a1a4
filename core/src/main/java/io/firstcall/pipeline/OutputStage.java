package io.firstcall.pipeline;

import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import io.firstcall.status.EngineCounter;
import org.agrona.ErrorHandler;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Stage three: takes the outputs the state machine wrote into the {@link OutputBatch}, appends each
 * record to the output journal (one append, no copy: the batch holds them as the journal stores
 * them), then hands each to the {@link OutputListener}. Journal before delivery, so an audit can
 * always find what a rep was sent; nothing of this happens inside a decision. At the end of a ring
 * batch the listeners are told once ({@code endOfBatch}), so the edge can wake its readers once.
 */
final class OutputStage
{
    private final OutputBatch outputs;
    private final Journal outputJournal;
    private final OutputListener outputListener;
    private final AckListener ackListener;
    private final boolean endsAckBatches;
    private final ErrorHandler errorHandler;
    private final AtomicCounter journaledCounter;
    private final AtomicCounter deliveredCounter;

    /**
     * @param endsAckBatches whether this stage, running on the journaling thread, also ends the
     *                       batch of acknowledgements.
     */
    OutputStage(final PipelineContext ctx, final boolean endsAckBatches)
    {
        this.outputs = ctx.outputs();
        this.outputJournal = ctx.outputJournal();
        this.outputListener = ctx.outputListener();
        this.ackListener = ctx.ackListener();
        this.endsAckBatches = endsAckBatches;
        this.errorHandler = ctx.errorHandler();
        this.journaledCounter = ctx.counters().get(EngineCounter.OUTPUTS);
        this.deliveredCounter = ctx.counters().get(EngineCounter.OUTPUTS_DELIVERED);
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
        int journaled = 0;
        try
        {
            for (; journaled < count; journaled++)
            {
                outputJournal.append(buffer, outputs.recordOffset(journaled), outputs.recordLength(journaled));
                journaledCounter.incrementRelease();
            }
        }
        catch (final Throwable ex)
        {
            errorHandler.onError(ex);
        }

        for (int i = 0; i < journaled; i++)
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
        return journaled;
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
}
