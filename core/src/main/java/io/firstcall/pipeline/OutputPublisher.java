package io.firstcall.pipeline;

import io.firstcall.engine.OutputSink;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineCounters;
import io.firstcall.status.EngineHealth;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Stage three: journals each output of the state machine (header: the input sequence that caused
 * it and that input's engine time) and then hands it to delivery. Journal before delivery, so an
 * audit can always find what a rep was sent.
 * <p>
 * This stage's thread is the only one that appends to the output journal. Before its first event it
 * runs the engine's {@link Recovery}, which appends here the outputs a crash left out of the journal's
 * tail ({@link #repair}).
 * <p>
 * A failed append never stops delivery: the output still goes to the reps, the failure is reported
 * once ({@link EngineHealth.Problem#OUTPUT_JOURNAL}, the error chain) and from then on outputs are
 * delivered without being journaled, counted in {@code outputs_not_journaled}. Appending stops at the
 * first failure so that the output journal stays an exact prefix of the outputs; the next start replays
 * the inputs and appends the rest.
 */
final class OutputPublisher implements OutputSink
{
    private final Journal outputJournal;
    private final OutputListener listener;
    private final EngineHealth health;
    private final ErrorHandler errorHandler;
    private final StartGate start;
    private final AtomicCounter outputCounter;
    private final AtomicCounter deliveredCounter;
    private final AtomicCounter notJournaledCounter;
    private final OutputSink repairSink = this::repair;
    private final ExpandableArrayBuffer record = new ExpandableArrayBuffer(4096);
    private long inputSequence;
    private long inputTimestampNs;
    private boolean journaling = true;

    OutputPublisher(
        final Journal outputJournal,
        final OutputListener listener,
        final EngineHealth health,
        final ErrorHandler errorHandler,
        final EngineCounters counters,
        final StartGate start)
    {
        this.outputJournal = outputJournal;
        this.listener = listener;
        this.health = health;
        this.errorHandler = errorHandler;
        this.start = start;
        outputCounter = counters.get(EngineCounter.OUTPUTS);
        deliveredCounter = counters.get(EngineCounter.OUTPUTS_DELIVERED);
        notJournaledCounter = counters.get(EngineCounter.OUTPUTS_NOT_JOURNALED);
    }

    /**
     * On this stage's thread, before its first event: recover, repairing the output journal's tail.
     */
    void onStart()
    {
        start.recover(repairSink);
    }

    void beginInput(final long sequence, final long timestampNs)
    {
        this.inputSequence = sequence;
        this.inputTimestampNs = timestampNs;
    }

    public void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        RecordHeader.write(record, 0, inputSequence, inputTimestampNs);
        record.putBytes(RecordHeader.LENGTH, buffer, offset, length);
        if (journaling && append(record, 0, RecordHeader.LENGTH + length, "an append failed"))
        {
            outputCounter.incrementRelease();
        }
        else
        {
            notJournaledCounter.incrementRelease();
        }

        listener.onOutput(record, RecordHeader.LENGTH, length, inputSequence);
        deliveredCounter.incrementRelease();
    }

    /**
     * The ring batch ended: tell the listener once.
     */
    void endOfBatch()
    {
        try
        {
            listener.endOfBatch();
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
