package io.firstcall.recovery;

import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import io.firstcall.pipeline.DedupWindow;
import io.firstcall.pipeline.Recovery;
import io.firstcall.replay.OutputsObserver;
import io.firstcall.replay.RecordSink;
import io.firstcall.replay.RecordedOutputs;
import io.firstcall.snapshot.SnapshotFile;
import io.firstcall.snapshot.SnapshotHeader;
import io.firstcall.snapshot.SnapshotStore;
import io.firstcall.snapshot.Snapshottable;
import io.firstcall.status.EngineCounter;

import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * Rebuilds the engine's state before it takes a new event, in two steps.
 * <p>
 * {@link #prepare}, on the launching thread, builds the state machine and the de-duplication window
 * and, when the machine supports snapshots, loads the newest usable snapshot into them (and the
 * sequence counters); a snapshot that is corrupt, incompatible or does not match the journals is
 * skipped with one log line, and the next older one tried, down to none. It reads the journals and
 * appends nothing.
 * <p>
 * {@link #recover}, which the pipeline runs on its decision thread before the first event, replays
 * the input journal after the snapshot (all of it without one), checks every output the replayed
 * inputs produce against the output journal from the snapshot's output position on, and appends
 * the outputs missing from the journal's tail (a crash between the two appends, or an output journal
 * that failed) through the pipeline's repair sink, so only that thread ever appends outputs.
 */
public final class SnapshotRecovery implements Recovery
{
    private final RecoveryContext ctx;
    private final OutputBatch outputs;
    private final EngineState state;
    private final SnapshotFile loaded;
    private final int skipped;
    private final long prepareNs;
    private long elapsedNs;
    private long divergences;

    private SnapshotRecovery(
        final RecoveryContext ctx, final OutputBatch outputs, final EngineState state, final SnapshotFile loaded,
        final int skipped, final long prepareNs)
    {
        this.ctx = ctx;
        this.outputs = outputs;
        this.state = state;
        this.loaded = loaded;
        this.skipped = skipped;
        this.prepareNs = prepareNs;
    }

    /**
     * @param outputs the batch the state machine is built with, recovering and live alike.
     */
    public static SnapshotRecovery prepare(final RecoveryContext ctx, final OutputBatch outputs)
    {
        final long startNs = System.nanoTime();
        EngineState state = newState(ctx, outputs);
        SnapshotFile loaded = null;
        int skipped = 0;
        if (ctx.snapshots(state.machine()))
        {
            final SnapshotStore store = ctx.snapshotStore();
            store.deleteTemporaryFiles();
            final Snapshottable schema = (Snapshottable)state.machine();
            for (final Path path : store.list())
            {
                final SnapshotFile file = store.check(path, schema.snapshotSchemaId(), schema.snapshotSchemaVersion());
                String problem = null == file ? "" : journalMismatch(ctx, file.header());
                if (null == problem)
                {
                    try
                    {
                        state.load(file);
                        loaded = file;
                        break;
                    }
                    catch (final RuntimeException ex)
                    {
                        problem = "could not be loaded: " + ex.getMessage();
                        state.dedup().close();
                        state = newState(ctx, outputs);
                    }
                }
                if (!problem.isEmpty())
                {
                    store.reportSkipped(path, problem);
                }
                skipped++;
            }
        }
        if (null == loaded && ctx.journalArchived())
        {
            state.dedup().close();
            throw new IllegalStateException("older cycle files of the input journal were archived (data/archive/input) " +
                "and no snapshot that reaches them can be used: move them (and data/archive/output) back into the " +
                "journals, with the engine stopped, to replay from the start");
        }
        ctx.counters().get(EngineCounter.SNAPSHOTS_SKIPPED).setRelease(skipped);
        ctx.counters().get(EngineCounter.SNAPSHOT_LOADED_EVENTS).setRelease(null == loaded ? 0 : loaded.header().sequence() + 1);
        return new SnapshotRecovery(ctx, outputs, state, loaded, skipped, System.nanoTime() - startNs);
    }

    public void recover(final RecordSink outputRepair)
    {
        final long startNs = System.nanoTime();
        final RecordedOutputs recorded;
        try (JournalReader inputs = ctx.inputJournal().openReader();
            JournalReader outputReader = ctx.outputJournal().openReader())
        {
            if (null != loaded)
            {
                inputs.seekAfter(loaded.header().inputPosition());
                outputReader.seekAfter(loaded.header().outputPosition());
            }
            recorded = new RecordedOutputs(outputReader, outputRepair);
            state.observer(recorded::compare);
            while (inputs.readNext(state))
            {
                // Each entry is applied by EngineState.onEntry.
            }
            state.dedup().endRestore();
        }
        finally
        {
            state.observer(OutputsObserver.NONE);
            // The live decisions start from an empty batch.
            outputs.reset();
        }
        elapsedNs = System.nanoTime() - startNs;

        ctx.counters().get(EngineCounter.EVENTS_RECOVERED).setRelease(state.applied());
        if (null != recorded.firstDivergence())
        {
            divergences = 1;
            ctx.counters().get(EngineCounter.REPLAY_DIVERGENCES).setRelease(1);
            ctx.errorHandler().onError(new IllegalStateException("recovery diverged from the output journal: " +
                recorded.firstDivergence()));
        }
        if (recorded.beyondRecording() > 0)
        {
            ctx.logger().log(Level.INFO, "recovery appended " + recorded.beyondRecording() +
                " output(s) missing from the tail of the output journal");
        }
        if (ctx.snapshots(state.machine()))
        {
            ctx.logger().log(Level.INFO, (null == loaded ? "no usable snapshot: replayed the whole input journal, " :
                "restarted from snapshot " + loaded.path().getFileName() + " (seq " + loaded.header().sequence() +
                ", checked and loaded in " + prepareNs / 1_000_000 + " ms), then replayed ") +
                state.applied() + " events in " + elapsedNs / 1_000_000 + " ms");
        }
    }

    public long nextSequence()
    {
        return state.nextSequence();
    }

    public long lastTimestampNs()
    {
        return state.lastTimestampNs();
    }

    /**
     * @return the live state machine, writing into the batch it was built with.
     */
    public StateMachine machine()
    {
        return state.machine();
    }

    /**
     * @return the de-duplication window; ready for live lookups once {@link #recover} has run.
     */
    public DedupWindow dedupWindow()
    {
        return state.dedup();
    }

    /**
     * @return the snapshot the state was loaded from, or null when the whole journal is replayed.
     */
    public SnapshotFile loadedSnapshot()
    {
        return loaded;
    }

    public int skippedSnapshots()
    {
        return skipped;
    }

    /**
     * @return events replayed by {@link #recover}: the journal after the snapshot, or all of it.
     */
    public long replayedEvents()
    {
        return state.applied();
    }

    /**
     * @return nanoseconds spent loading the snapshot and replaying the journal after it.
     */
    public long elapsedNs()
    {
        return prepareNs + elapsedNs;
    }

    public long divergences()
    {
        return divergences;
    }

    private static EngineState newState(final RecoveryContext ctx, final OutputBatch outputs)
    {
        final StateMachine machine = ctx.stateMachineFactory().apply(outputs);
        final DedupWindow dedup = ctx.newDedupWindow(ctx.inputJournal().openReader());
        return new EngineState(machine, outputs, dedup, ctx.errorHandler());
    }

    /**
     * @return why a snapshot does not belong to these journals, or null when its positions hold what it says.
     */
    private static String journalMismatch(final RecoveryContext ctx, final SnapshotHeader header)
    {
        final long[] found = { -1 };
        try (JournalReader inputs = ctx.inputJournal().openReader(); JournalReader outputs = ctx.outputJournal().openReader())
        {
            if (!inputs.readAt(header.inputPosition(), (buffer, offset, length, position) ->
                found[0] = RecordHeader.sequence(buffer, offset)) || found[0] != header.sequence())
            {
                return "does not match the input journal: no entry with sequence " + header.sequence() + " at position " +
                    header.inputPosition();
            }
            if (header.outputPosition() >= 0 && (!outputs.readAt(header.outputPosition(), (buffer, offset, length, position) ->
                found[0] = RecordHeader.sequence(buffer, offset)) || found[0] > header.sequence()))
            {
                return "does not match the output journal: no output of an input up to sequence " + header.sequence() +
                    " at position " + header.outputPosition();
            }
        }
        return null;
    }
}
