package io.firstcall.recovery;

import io.firstcall.engine.OutputSink;
import org.agrona.DirectBuffer;

/**
 * The live state machine's sink: the recorded outputs while recovering, the live output stage after,
 * so one machine built at launch serves both.
 */
public final class OutputRelay implements OutputSink
{
    private OutputSink target;

    public void target(final OutputSink target)
    {
        this.target = target;
    }

    public void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        target.onOutput(buffer, offset, length);
    }
}
