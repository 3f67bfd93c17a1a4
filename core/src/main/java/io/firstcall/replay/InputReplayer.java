package io.firstcall.replay;

import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.RecordHeader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Applies journaled inputs to a state machine exactly as the live decision stage does (a view
 * bounded to the message, the batch's cause set to the input) and hands each input's outputs to an
 * {@link OutputsObserver}, e.g. {@link RecordedOutputs#compare}.
 */
public final class InputReplayer
{
    private final StateMachine stateMachine;
    private final OutputBatch outputs;
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[0]);
    private OutputsObserver observer;

    /**
     * @param outputs the batch the state machine was built with.
     */
    public InputReplayer(final StateMachine stateMachine, final OutputBatch outputs, final OutputsObserver observer)
    {
        this.stateMachine = stateMachine;
        this.outputs = outputs;
        this.observer = observer;
    }

    public StateMachine stateMachine()
    {
        return stateMachine;
    }

    public void observer(final OutputsObserver observer)
    {
        this.observer = observer;
    }

    /**
     * Apply one input journal entry ({@link RecordHeader} and message) and hand on its outputs,
     * including those written before the state machine threw, if it did; the batch is empty after.
     */
    public void apply(final DirectBuffer buffer, final int offset, final int length)
    {
        final long sequence = RecordHeader.sequence(buffer, offset);
        final long timestampNs = RecordHeader.timestampNs(buffer, offset);
        outputs.reset();
        outputs.cause(sequence, timestampNs);
        message.wrap(buffer, offset + RecordHeader.LENGTH, length - RecordHeader.LENGTH);
        try
        {
            stateMachine.onEvent(message, sequence, timestampNs);
        }
        finally
        {
            observer.onOutputs(outputs);
            outputs.reset();
        }
    }
}
