package io.firstcall.pipeline;

import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.Journal;
import io.firstcall.status.CountingErrorHandler;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineCounters;
import io.firstcall.status.EngineHealth;
import org.agrona.concurrent.SystemEpochClock;

/**
 * The output stage alone, for a benchmark: journals a batch and hands each output to a listener.
 * Lives in the pipeline package (in bench/) to reach the package-private stage.
 */
public final class OutputStageProbe
{
    private final OutputStage stage;

    public OutputStageProbe(
        final OutputBatch outputs, final Journal outputJournal, final OutputListener listener, final EngineCounters counters)
    {
        stage = new OutputStage(new PipelineContext()
            .outputs(outputs)
            .outputJournal(outputJournal)
            .outputListener(listener)
            .errorHandler(new CountingErrorHandler(counters.get(EngineCounter.ERRORS), new SystemEpochClock()))
            .counters(counters)
            .health(new EngineHealth()), new StartGate(Recovery.NONE), true);
    }

    /**
     * Journal and deliver the batch, empty it, and end the ring batch.
     *
     * @return how many outputs were delivered.
     */
    public int flush()
    {
        final int delivered = stage.flush();
        stage.endOfBatch();
        return delivered;
    }
}
