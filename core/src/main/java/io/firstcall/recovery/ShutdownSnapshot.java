package io.firstcall.recovery;

import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import io.firstcall.pipeline.DedupWindow;
import io.firstcall.snapshot.SnapshotHeader;
import io.firstcall.status.EngineCounter;

import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * The snapshot the live engine writes of its own state on graceful shutdown, once the ring is
 * drained and nothing runs: every journaled input has been decided and its outputs journaled, so
 * the state stands exactly after the input journal's last entry, and a restart replays nothing.
 * Not when outputs failed to be journaled: the output journal then lacks outputs of inputs before
 * that entry, which only a replay from an older snapshot can append.
 */
public final class ShutdownSnapshot
{
    private ShutdownSnapshot()
    {
    }

    /**
     * @param outputs the batch the machine was built with; empty, as nothing runs.
     * @return the snapshot written, or null when snapshots are off or nothing was ever journaled.
     */
    public static Path write(
        final RecoveryContext ctx, final StateMachine machine, final OutputBatch outputs, final DedupWindow dedup)
    {
        if (!ctx.snapshots(machine))
        {
            return null;
        }
        final long notJournaled = ctx.counters().get(EngineCounter.OUTPUTS_NOT_JOURNALED).get();
        if (notJournaled > 0)
        {
            // The output journal is a prefix of what was decided; the next start repairs it by replaying
            // from an older snapshot, which a snapshot taken now would hide.
            ctx.logger().log(Level.WARNING, "no shutdown snapshot: " + notJournaled + " output(s) could not be " +
                "journaled; the next start replays from the last snapshot before them and appends them");
            return null;
        }
        final long lastPosition = ctx.inputJournal().lastPosition();
        if (lastPosition < 0)
        {
            return null;
        }
        final long[] last = new long[2];
        try (JournalReader reader = ctx.inputJournal().openReader())
        {
            if (!reader.readAt(lastPosition, (buffer, offset, length, position) ->
            {
                last[0] = RecordHeader.sequence(buffer, offset);
                last[1] = RecordHeader.timestampNs(buffer, offset);
            }))
            {
                throw new IllegalStateException("the input journal's last entry cannot be read at " + lastPosition);
            }
        }

        final long startNs = System.nanoTime();
        final EngineState state = new EngineState(machine, outputs, dedup, ctx.errorHandler());
        state.standAt(last[0], last[1], lastPosition);
        final SnapshotHeader header = state.header(ctx.outputJournal().lastPosition());
        final Path path = ctx.snapshotStore().write(header, state);
        ctx.counters().get(EngineCounter.SNAPSHOTS_WRITTEN).incrementRelease();
        ctx.logger().log(Level.INFO, "shutdown snapshot " + path.getFileName() + " written in " +
            (System.nanoTime() - startNs) / 1_000_000 + " ms: seq " + header.sequence());
        return path;
    }
}
