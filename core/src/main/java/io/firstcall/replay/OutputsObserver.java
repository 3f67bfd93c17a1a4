package io.firstcall.replay;

import io.firstcall.engine.output.OutputBatch;

/**
 * Told the outputs one replayed input produced, before the batch is emptied for the next: a
 * {@link RecordedOutputs} comparison, a count, or nothing.
 */
@FunctionalInterface
public interface OutputsObserver
{
    OutputsObserver NONE = outputs -> {};

    void onOutputs(OutputBatch outputs);
}
