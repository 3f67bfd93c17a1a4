package io.firstcall.recovery;

import io.firstcall.engine.StateMachine;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import io.firstcall.pipeline.DedupWindow;
import io.firstcall.replay.RecordedOutputs;
import io.firstcall.snapshot.SnapshotFile;
import io.firstcall.snapshot.SnapshotHeader;
import io.firstcall.snapshot.SnapshotStore;
import io.firstcall.snapshot.Snapshottable;
import io.firstcall.status.EngineCounter;

import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * Rebuilds the engine's state before it takes a new event. When the state machine supports
 * snapshots, the newest usable snapshot is loaded (state machine, de-duplication window, sequence
 * counters) and only the input journal after it is replayed; a snapshot that is corrupt,
 * incompatible or does not match the journal is skipped with one log line, and the next older one
 * tried, down to a full replay from the first entry.
 * <p>
 * Every output the replayed inputs produce is checked against the output journal from the
 * snapshot's output position on, and outputs missing from the journal's tail (a crash between the
 * two appends) are appended.
 */
public final class Recovery
{
    private Recovery()
    {
    }

    /**
     * @param relay the sink the state machine is built with: recorded outputs now, the live stage later.
     */
    public static Result run(final RecoveryContext ctx, final OutputRelay relay)
    {
        final long startNs = System.nanoTime();
        EngineState state = newState(ctx, relay);
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
                        state = newState(ctx, relay);
                    }
                }
                if (!problem.isEmpty())
                {
                    store.reportSkipped(path, problem);
                }
                skipped++;
            }
        }

        final long tailStartNs = System.nanoTime();
        final long divergences = replayTail(ctx, relay, state, loaded);
        final Result result = new Result(state, loaded, skipped, divergences);
        ctx.counters().get(EngineCounter.SNAPSHOTS_SKIPPED).setRelease(skipped);
        ctx.counters().get(EngineCounter.SNAPSHOT_LOADED_EVENTS).setRelease(null == loaded ? 0 : loaded.header().sequence() + 1);
        ctx.counters().get(EngineCounter.EVENTS_RECOVERED).setRelease(state.applied());
        ctx.counters().get(EngineCounter.REPLAY_DIVERGENCES).setRelease(divergences);
        if (ctx.snapshots(state.machine()))
        {
            ctx.logger().log(Level.INFO, (null == loaded ? "no usable snapshot: replayed the whole input journal, " :
                "restarted from snapshot " + loaded.path().getFileName() + " (seq " + loaded.header().sequence() +
                ", checked and loaded in " + (tailStartNs - startNs) / 1_000_000 + " ms), then replayed ") +
                state.applied() + " events in " + (System.nanoTime() - tailStartNs) / 1_000_000 + " ms");
        }
        return result;
    }

    private static EngineState newState(final RecoveryContext ctx, final OutputRelay relay)
    {
        final StateMachine machine = ctx.stateMachineFactory().apply(relay);
        final DedupWindow dedup = ctx.newDedupWindow(ctx.inputJournal().openReader());
        return new EngineState(machine, dedup, ctx.errorHandler());
    }

    private static long replayTail(final RecoveryContext ctx, final OutputRelay relay, final EngineState state, final SnapshotFile loaded)
    {
        final Journal outputJournal = ctx.outputJournal();
        try (JournalReader inputs = ctx.inputJournal().openReader(); JournalReader outputs = outputJournal.openReader())
        {
            if (null != loaded)
            {
                inputs.seekAfter(loaded.header().inputPosition());
                outputs.seekAfter(loaded.header().outputPosition());
            }
            else
            {
                requireFirstEntry(inputs);
            }
            final RecordedOutputs recorded = new RecordedOutputs(outputs, outputJournal::append);
            relay.target(recorded);
            state.observer(recorded::beginInput);
            while (inputs.readNext(state))
            {
                // Each entry is applied by EngineState.onEntry.
            }
            state.observer(EngineState.InputObserver.NONE);
            state.dedup().endRestore();
            if (null != recorded.firstDivergence())
            {
                ctx.errorHandler().onError(new IllegalStateException("recovery diverged from the output journal: " +
                    recorded.firstDivergence()));
                return 1;
            }
            return 0;
        }
    }

    /**
     * A full replay must start at sequence 0: a journal whose older cycle files were archived can
     * only be resumed from a snapshot.
     */
    private static void requireFirstEntry(final JournalReader inputs)
    {
        final long[] first = { -1 };
        if (inputs.readNext((buffer, offset, length, position) -> first[0] = RecordHeader.sequence(buffer, offset)))
        {
            if (0 != first[0])
            {
                throw new IllegalStateException("the input journal starts at sequence " + first[0] + " and no snapshot " +
                    "reaching it can be used: move the archived cycle files (data/archive/input, data/archive/output) " +
                    "back to replay it from the start");
            }
            inputs.seekAfter(-1);
        }
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

    /**
     * The state recovery rebuilt, and how.
     */
    public static final class Result
    {
        private final EngineState state;
        private final SnapshotFile loaded;
        private final int skipped;
        private final long divergences;

        Result(final EngineState state, final SnapshotFile loaded, final int skipped, final long divergences)
        {
            this.state = state;
            this.loaded = loaded;
            this.skipped = skipped;
            this.divergences = divergences;
        }

        /**
         * @return the live state machine, writing to the relay it was built with.
         */
        public StateMachine machine()
        {
            return state.machine();
        }

        /**
         * @return the de-duplication window, indexed and ready for live lookups.
         */
        public DedupWindow dedupWindow()
        {
            return state.dedup();
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
         * @return events replayed: the journal after the snapshot, or all of it.
         */
        public long replayedEvents()
        {
            return state.applied();
        }

        /**
         * @return the snapshot the state was loaded from, or null after a full replay.
         */
        public SnapshotFile loadedSnapshot()
        {
            return loaded;
        }

        public int skippedSnapshots()
        {
            return skipped;
        }

        public long divergences()
        {
            return divergences;
        }
    }
}
