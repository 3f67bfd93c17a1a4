package io.firstcall.replay;

import io.firstcall.engine.OutputSink;
import io.firstcall.engine.StateMachine;
import io.firstcall.journal.EntryHandler;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import org.agrona.concurrent.UnsafeBuffer;

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
     * @param stateMachineFactory builds a fresh state machine writing to the given sink.
     */
    public static ReplayReport replay(
        final Journal inputJournal, final Journal outputJournal, final Function<OutputSink, StateMachine> stateMachineFactory)
    {
        final long startNs = System.nanoTime();
        try (JournalReader inputs = inputJournal.openReader(); JournalReader outputs = outputJournal.openReader())
        {
            final RecordedOutputs recorded = new RecordedOutputs(outputs, (buffer, offset, length) -> {});
            final StateMachine stateMachine = stateMachineFactory.apply(recorded);
            final UnsafeBuffer message = new UnsafeBuffer(0, 0);
            final EntryHandler replayOne = (buffer, offset, length, position) ->
            {
                final long sequence = RecordHeader.sequence(buffer, offset);
                final long timestampNs = RecordHeader.timestampNs(buffer, offset);
                recorded.beginInput(sequence, timestampNs);
                message.wrap(buffer, offset + RecordHeader.LENGTH, length - RecordHeader.LENGTH);
                stateMachine.onEvent(message, 0, message.capacity(), sequence, timestampNs);
            };
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
