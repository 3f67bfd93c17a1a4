package io.firstcall.recovery;

import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import io.firstcall.pipeline.DedupWindow;
import io.firstcall.snapshot.SnapshotStore;
import io.firstcall.snapshot.Snapshottable;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineCounters;
import org.agrona.ErrorHandler;

import java.util.function.Function;

/**
 * What restarting, the snapshot replica and the shutdown snapshot share: the journals, how to build
 * a state machine and a de-duplication window, where snapshots live, and where errors, counts and
 * log lines go. The engine fills one from its {@code EngineContext}; tools fill their own.
 */
public final class RecoveryContext
{
    private Journal inputJournal;
    private Journal outputJournal;
    private Function<OutputBatch, StateMachine> stateMachineFactory;
    private long dedupHorizonNs;
    private int dedupMaxIds;
    private SnapshotStore snapshotStore;
    private long snapshotIntervalEvents = Long.MAX_VALUE;
    private long snapshotIntervalNs = Long.MAX_VALUE;
    private EngineCounters counters;
    private ErrorHandler errorHandler;
    private System.Logger logger = System.getLogger("firstcall");
    private boolean journalArchived;

    public Journal inputJournal()
    {
        return inputJournal;
    }

    public RecoveryContext inputJournal(final Journal inputJournal)
    {
        this.inputJournal = inputJournal;
        return this;
    }

    public Journal outputJournal()
    {
        return outputJournal;
    }

    public RecoveryContext outputJournal(final Journal outputJournal)
    {
        this.outputJournal = outputJournal;
        return this;
    }

    public Function<OutputBatch, StateMachine> stateMachineFactory()
    {
        return stateMachineFactory;
    }

    public RecoveryContext stateMachineFactory(final Function<OutputBatch, StateMachine> stateMachineFactory)
    {
        this.stateMachineFactory = stateMachineFactory;
        return this;
    }

    public RecoveryContext dedup(final long horizonNs, final int maxIds)
    {
        this.dedupHorizonNs = horizonNs;
        this.dedupMaxIds = maxIds;
        return this;
    }

    /**
     * @return where snapshots are written and read, or null when snapshots are off.
     */
    public SnapshotStore snapshotStore()
    {
        return snapshotStore;
    }

    public RecoveryContext snapshotStore(final SnapshotStore snapshotStore)
    {
        this.snapshotStore = snapshotStore;
        return this;
    }

    public long snapshotIntervalEvents()
    {
        return snapshotIntervalEvents;
    }

    public long snapshotIntervalNs()
    {
        return snapshotIntervalNs;
    }

    public RecoveryContext snapshotInterval(final long events, final long engineTimeNs)
    {
        this.snapshotIntervalEvents = events;
        this.snapshotIntervalNs = engineTimeNs;
        return this;
    }

    public EngineCounters counters()
    {
        return counters;
    }

    public RecoveryContext counters(final EngineCounters counters)
    {
        this.counters = counters;
        return this;
    }

    public ErrorHandler errorHandler()
    {
        return errorHandler;
    }

    public RecoveryContext errorHandler(final ErrorHandler errorHandler)
    {
        this.errorHandler = errorHandler;
        return this;
    }

    public System.Logger logger()
    {
        return logger;
    }

    public RecoveryContext logger(final System.Logger logger)
    {
        this.logger = logger;
        return this;
    }

    public boolean journalArchived()
    {
        return journalArchived;
    }

    /**
     * @param journalArchived true when older cycle files of the input journal were archived: the journal
     *                        can then only be resumed from a snapshot, never replayed from its start.
     */
    public RecoveryContext journalArchived(final boolean journalArchived)
    {
        this.journalArchived = journalArchived;
        return this;
    }

    /**
     * @return true when snapshots are on and this machine can write and load them.
     */
    public boolean snapshots(final StateMachine machine)
    {
        return null != snapshotStore && machine instanceof Snapshottable;
    }

    /**
     * @param confirmReader reads the input journal to confirm hash hits; null for a window only restored.
     */
    DedupWindow newDedupWindow(final JournalReader confirmReader)
    {
        return new DedupWindow(dedupHorizonNs, dedupMaxIds, confirmReader, counters.get(EngineCounter.DEDUP_EARLY_EVICTIONS));
    }
}
