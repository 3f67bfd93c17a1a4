package io.firstcall.replay;

import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.RecordHeader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Applies journaled inputs to a state machine exactly as the live decision stage does (a view
 * bounded to the message, the batch's cause set to the input) and checks each input's outputs
 * against the recording.
 */
public final class InputReplayer
{
    private final StateMachine stateMachine;
    private final OutputBatch outputs;
    private final RecordedOutputs recorded;
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[0]);

    public InputReplayer(final StateMachine stateMachine, final OutputBatch outputs, final RecordedOutputs recorded)
    {
        this.stateMachine = stateMachine;
        this.outputs = outputs;
        this.recorded = recorded;
    }

    /**
     * Apply one input journal entry ({@link RecordHeader} and message) and compare its outputs,
     * including those written before the state machine threw, if it did.
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
            recorded.compare(outputs);
        }
    }
}
