package io.firstcall.recovery;

import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.StateMachine;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import io.firstcall.pipeline.DedupWindow;
import io.firstcall.replay.RecordSink;
import io.firstcall.replay.RecordedOutputs;
import io.firstcall.snapshot.SnapshotFile;
import io.firstcall.snapshot.SnapshotSection;
import io.firstcall.snapshot.SnapshotStore;
import io.firstcall.snapshot.Snapshottable;
import org.agrona.ErrorHandler;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * The audit of snapshots ({@code firstcall replay --verify-snapshot}): replays the whole input
 * journal through a fresh state machine, and separately loads the newest usable snapshot and
 * replays only the journal after it, comparing both runs' outputs with the output journal and both
 * final states by digest. It also checks that the full replay, on reaching the snapshot's sequence,
 * has exactly the state the snapshot recorded. Both runs use the de-duplication horizon and cap the
 * snapshot was written with.
 */
public final class SnapshotVerifier
{
    private SnapshotVerifier()
    {
    }

    /**
     * @param errorHandler receives exceptions the state machine throws while replaying.
     */
    public static SnapshotVerification verify(
        final Journal inputJournal,
        final Journal outputJournal,
        final Function<OutputBatch, StateMachine> stateMachineFactory,
        final SnapshotStore store,
        final ErrorHandler errorHandler)
    {
        final StateMachine probe = stateMachineFactory.apply(new OutputBatch());
        if (!(probe instanceof Snapshottable))
        {
            return SnapshotVerification.problem("the state machine does not write snapshots: nothing to verify");
        }
        final Snapshottable schema = (Snapshottable)probe;
        SnapshotFile snapshot = null;
        for (final Path path : store.list())
        {
            snapshot = store.check(path, schema.snapshotSchemaId(), schema.snapshotSchemaVersion());
            if (null != snapshot)
            {
                break;
            }
        }
        if (null == snapshot)
        {
            return SnapshotVerification.problem("no usable snapshot in " + store.directory());
        }

        final SnapshotVerification verification = new SnapshotVerification(snapshot);
        final SnapshotFile file = snapshot;
        try (JournalReader inputs = inputJournal.openReader(); JournalReader outputs = outputJournal.openReader())
        {
            final RecordedOutputs recorded = new RecordedOutputs(outputs, RecordSink.NONE);
            final EngineState state = newState(stateMachineFactory, file, errorHandler);
            state.observer(recorded::compare);
            final long snapshotSequence = file.header().sequence();
            while (inputs.readNext(state))
            {
                if (state.nextSequence() - 1 == snapshotSequence)
                {
                    verification.atSnapshot(state.digest());
                }
            }
            verification.fullReplay(state.applied(), recorded, state.digest());
            state.dedup().close();
        }

        try (JournalReader inputs = inputJournal.openReader(); JournalReader outputs = outputJournal.openReader())
        {
            final RecordedOutputs recorded = new RecordedOutputs(outputs, RecordSink.NONE);
            final EngineState state = newState(stateMachineFactory, file, errorHandler);
            state.load(file);
            if (!inputs.seekAfter(file.header().inputPosition()) || !outputs.seekAfter(file.header().outputPosition()))
            {
                state.dedup().close();
                return SnapshotVerification.problem(file.path().getFileName() + " does not match the journals");
            }
            state.observer(recorded::compare);
            while (inputs.readNext(state))
            {
                // Each entry is applied by EngineState.onEntry.
            }
            verification.snapshotAndTail(state.applied(), recorded, state.digest());
            state.dedup().close();
        }
        return verification;
    }

    private static EngineState newState(
        final Function<OutputBatch, StateMachine> stateMachineFactory, final SnapshotFile file, final ErrorHandler errorHandler)
    {
        final OutputBatch outputs = new OutputBatch();
        return new EngineState(stateMachineFactory.apply(outputs), outputs, dedupLike(file), errorHandler);
    }

    private static DedupWindow dedupLike(final SnapshotFile file)
    {
        return file.readSection(SnapshotSection.DEDUP, section -> DedupWindow.withSettingsOf(section, null, null));
    }
}
