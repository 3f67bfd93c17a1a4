package io.firstcall.replay;

import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.EntryHandler;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;

import java.util.function.Function;

/**
 * Runs an input journal through a fresh state machine with delivery switched off and compares
 * every output with the recorded output journal, reporting the first divergence. This is the
 * audit: same journal in, same decisions out. The state machine sees each entry's message through
 * a view bounded to it, as the live engine does.
 */
public final class JournalReplayer
{
    private JournalReplayer()
    {
    }

    /**
     * @param stateMachineFactory builds a fresh state machine writing into the given batch.
     */
    public static ReplayReport replay(
        final Journal inputJournal, final Journal outputJournal, final Function<OutputBatch, StateMachine> stateMachineFactory)
    {
        final long startNs = System.nanoTime();
        try (JournalReader inputs = inputJournal.openReader(); JournalReader outputs = outputJournal.openReader())
        {
            final RecordedOutputs recorded = new RecordedOutputs(outputs, RecordSink.NONE);
            final OutputBatch batch = new OutputBatch();
            final InputReplayer replayer = new InputReplayer(stateMachineFactory.apply(batch), batch, recorded::compare);
            final EntryHandler replayOne = (buffer, offset, length, position) -> replayer.apply(buffer, offset, length);
            long events = 0;
            while (inputs.readNext(replayOne))
            {
                events++;
            }

            final long unproduced = recorded.countUnproduced();
            return new ReplayReport(
                events, recorded.compared(), recorded.beyondRecording(), unproduced, recorded.firstDivergence(),
                System.nanoTime() - startNs);
        }
    }
}
