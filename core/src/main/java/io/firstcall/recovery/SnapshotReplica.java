package io.firstcall.recovery;

import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.EntryHandler;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import io.firstcall.snapshot.SnapshotFile;
import io.firstcall.snapshot.SnapshotHeader;
import io.firstcall.status.EngineCounter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.status.AtomicCounter;

import java.lang.System.Logger.Level;
import java.nio.file.Path;

/**
 * Takes the periodic snapshots without touching the live engine: a second state machine (with its
 * own de-duplication window) on a low-priority thread follows the input journal with its own reader
 * and, every {@code snapshotIntervalEvents} events or {@code snapshotIntervalNs} of engine time,
 * writes a snapshot of itself at that sequence. Determinism makes its state equal to the live one at
 * the same sequence; the live engine never waits for it, so ingest is never stalled by a snapshot.
 * <p>
 * It starts from the snapshot the engine was restarted from (or the journal's start). Its outputs are
 * discarded but counted: before a snapshot it reads past as many entries of the output journal, so
 * the snapshot records the output position a restart resumes comparing from. When the live engine
 * has not journaled them yet the snapshot waits for the next duty cycle; when they name a later
 * input than the replica's, the two disagree, and the replica stops (counted as a failure) rather
 * than write a snapshot the live state would not match.
 */
public final class SnapshotReplica implements Agent
{
    private static final int EVENTS_PER_DUTY_CYCLE = 4096;

    private final RecoveryContext ctx;
    private final SnapshotFile start;
    private final AtomicCounter eventsCounter;
    private final AtomicCounter writtenCounter;
    private final AtomicCounter failureCounter;
    private final EntryHandler outputSkipper = this::onRecordedOutput;
    private EngineState state;
    private JournalReader inputs;
    private JournalReader outputs;
    private long produced;
    private long consumed;
    private long outputPosition = -1;
    private long lastOutputCause = -1;
    private long sinceSnapshot;
    private long lastSnapshotNs = Long.MIN_VALUE;
    private boolean snapshotDue;
    private boolean stopped;

    /**
     * @param start the snapshot to start from (the one the engine restarted from), or null for the journal's start.
     */
    public SnapshotReplica(final RecoveryContext ctx, final SnapshotFile start)
    {
        this.ctx = ctx;
        this.start = start;
        this.eventsCounter = ctx.counters().get(EngineCounter.SNAPSHOT_REPLICA_EVENTS);
        this.writtenCounter = ctx.counters().get(EngineCounter.SNAPSHOTS_WRITTEN);
        this.failureCounter = ctx.counters().get(EngineCounter.SNAPSHOT_FAILURES);
    }

    public void onStart()
    {
        try
        {
            begin();
        }
        catch (final RuntimeException ex)
        {
            stopped = true;
            failureCounter.incrementRelease();
            ctx.errorHandler().onError(ex);
        }
    }

    private void begin()
    {
        final OutputBatch batch = new OutputBatch();
        state = new EngineState(ctx.stateMachineFactory().apply(batch), batch, ctx.newDedupWindow(null), ctx.errorHandler());
        state.observer(replayed -> produced += replayed.count());
        inputs = ctx.inputJournal().openReader();
        outputs = ctx.outputJournal().openReader();
        if (null != start)
        {
            state.load(start);
            final SnapshotHeader header = start.header();
            if (!inputs.seekAfter(header.inputPosition()) || !outputs.seekAfter(header.outputPosition()))
            {
                throw new IllegalStateException("snapshot replica cannot find " + start + " in the journals");
            }
            outputPosition = header.outputPosition();
            lastOutputCause = header.sequence();
            lastSnapshotNs = header.engineTimeNs();
        }
        eventsCounter.setRelease(state.nextSequence());
    }

    public int doWork()
    {
        if (stopped)
        {
            return 0;
        }
        if (snapshotDue)
        {
            return trySnapshot();
        }

        int work = 0;
        while (work < EVENTS_PER_DUTY_CYCLE && inputs.readNext(state))
        {
            work++;
            eventsCounter.setRelease(state.nextSequence());
            if (Long.MIN_VALUE == lastSnapshotNs)
            {
                lastSnapshotNs = state.lastTimestampNs();
            }
            if (++sinceSnapshot >= ctx.snapshotIntervalEvents() ||
                state.lastTimestampNs() - lastSnapshotNs >= ctx.snapshotIntervalNs())
            {
                snapshotDue = true;
                break;
            }
        }
        return work;
    }

    public void onClose()
    {
        if (null != state)
        {
            state.dedup().close();
        }
        if (null != inputs)
        {
            inputs.close();
        }
        if (null != outputs)
        {
            outputs.close();
        }
    }

    public String roleName()
    {
        return "firstcall-snapshot-replica";
    }

    private int trySnapshot()
    {
        while (consumed < produced)
        {
            if (!outputs.readNext(outputSkipper))
            {
                return 0;
            }
        }
        if (lastOutputCause > state.nextSequence() - 1)
        {
            stopped = true;
            failureCounter.incrementRelease();
            ctx.errorHandler().onError(new IllegalStateException("snapshot replica at seq " + (state.nextSequence() - 1) +
                " disagrees with the output journal (an output of seq " + lastOutputCause + " at position " +
                outputPosition + "): no more snapshots until restart"));
            return 0;
        }

        snapshotDue = false;
        sinceSnapshot = 0;
        lastSnapshotNs = state.lastTimestampNs();
        try
        {
            final long startNs = System.nanoTime();
            final SnapshotHeader header = state.header(outputPosition);
            final Path path = ctx.snapshotStore().write(header, state);
            writtenCounter.incrementRelease();
            ctx.logger().log(Level.INFO, "snapshot " + path.getFileName() + " written by the replica in " +
                (System.nanoTime() - startNs) / 1_000_000 + " ms: seq " + header.sequence());
        }
        catch (final RuntimeException ex)
        {
            failureCounter.incrementRelease();
            ctx.errorHandler().onError(ex);
        }
        return 1;
    }

    private void onRecordedOutput(final DirectBuffer buffer, final int offset, final int length, final long position)
    {
        consumed++;
        outputPosition = position;
        lastOutputCause = RecordHeader.sequence(buffer, offset);
    }
}
