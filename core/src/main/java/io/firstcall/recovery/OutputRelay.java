package io.firstcall.recovery;

import io.firstcall.engine.OutputSink;
import org.agrona.DirectBuffer;

/**
 * The live state machine's sink: the recorded outputs while recovering, the live output stage after,
 * so one machine built at launch serves both. Only the decision thread switches and uses it.
 */
public final class OutputRelay implements OutputSink
{
    private OutputSink target;
    private OutputSink live;

    /**
     * @param live the pipeline's output stage, used once recovery is done.
     */
    public void live(final OutputSink live)
    {
        this.live = live;
    }

    void target(final OutputSink target)
    {
        this.target = target;
    }

    void useLive()
    {
        this.target = live;
    }

    public void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        target.onOutput(buffer, offset, length);
    }
}
