package io.firstcall.pipeline;

import com.lmax.disruptor.WaitStrategy;
import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.Journal;
import io.firstcall.journal.SyncMode;
import io.firstcall.status.EngineCounters;
import io.firstcall.status.EngineHealth;
import io.firstcall.timing.LatencyRecorders;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.ThreadFactory;

/**
 * Everything the ring and its stages are built from: the settings the engine concluded and the
 * parts it made (journals, the de-duplication window and the recovery that fills it, the state
 * machine and its output batch, counters, health, timers). The engine fills one and hands it to
 * {@link EnginePipeline}; the stages take what they need from it.
 */
public final class PipelineContext
{
    /**
     * Outputs held in the batch beyond this are journaled and delivered between events, not only
     * at the end of the batch, so one large batch cannot grow the buffer without bound.
     */
    public static final int OUTPUT_FLUSH_BYTES_DEFAULT = 256 * 1024;

    private Topology topology = Topology.SINGLE;
    private int ringSize = 4096;
    private int maxMessageLength = 16 * 1024;
    private WaitStrategy waitStrategy;
    private ThreadFactory threadFactory;
    private Journal inputJournal;
    private Journal outputJournal;
    private DedupWindow dedupWindow;
    private Recovery recovery = Recovery.NONE;
    private StateMachine stateMachine;
    private OutputBatch outputs;
    private int outputFlushBytes = OUTPUT_FLUSH_BYTES_DEFAULT;
    private OutputListener outputListener = OutputListener.NONE;
    private AckListener ackListener = AckListener.NONE;
    private SyncMode syncMode = SyncMode.NONE;
    private EpochNanoClock clock;
    private ErrorHandler errorHandler;
    private EngineCounters counters;
    private EngineHealth health;
    private LatencyRecorders latency;

    public Topology topology()
    {
        return topology;
    }

    public PipelineContext topology(final Topology topology)
    {
        this.topology = topology;
        return this;
    }

    public int ringSize()
    {
        return ringSize;
    }

    public PipelineContext ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    public int maxMessageLength()
    {
        return maxMessageLength;
    }

    public PipelineContext maxMessageLength(final int maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
        return this;
    }

    public WaitStrategy waitStrategy()
    {
        return waitStrategy;
    }

    public PipelineContext waitStrategy(final WaitStrategy waitStrategy)
    {
        this.waitStrategy = waitStrategy;
        return this;
    }

    public ThreadFactory threadFactory()
    {
        return threadFactory;
    }

    public PipelineContext threadFactory(final ThreadFactory threadFactory)
    {
        this.threadFactory = threadFactory;
        return this;
    }

    public Journal inputJournal()
    {
        return inputJournal;
    }

    public PipelineContext inputJournal(final Journal inputJournal)
    {
        this.inputJournal = inputJournal;
        return this;
    }

    public Journal outputJournal()
    {
        return outputJournal;
    }

    public PipelineContext outputJournal(final Journal outputJournal)
    {
        this.outputJournal = outputJournal;
        return this;
    }

    public DedupWindow dedupWindow()
    {
        return dedupWindow;
    }

    /**
     * The window as recovery left it.
     */
    public PipelineContext dedupWindow(final DedupWindow dedupWindow)
    {
        this.dedupWindow = dedupWindow;
        return this;
    }

    public Recovery recovery()
    {
        return recovery;
    }

    /**
     * What rebuilds the state before the first event; the pipeline runs it on the thread that
     * decides and appends outputs. {@link Recovery#NONE} by default.
     */
    public PipelineContext recovery(final Recovery recovery)
    {
        this.recovery = recovery;
        return this;
    }

    public StateMachine stateMachine()
    {
        return stateMachine;
    }

    public PipelineContext stateMachine(final StateMachine stateMachine)
    {
        this.stateMachine = stateMachine;
        return this;
    }

    public OutputBatch outputs()
    {
        return outputs;
    }

    /**
     * The batch the state machine writes its outputs into.
     */
    public PipelineContext outputs(final OutputBatch outputs)
    {
        this.outputs = outputs;
        return this;
    }

    public int outputFlushBytes()
    {
        return outputFlushBytes;
    }

    public PipelineContext outputFlushBytes(final int outputFlushBytes)
    {
        this.outputFlushBytes = outputFlushBytes;
        return this;
    }

    public OutputListener outputListener()
    {
        return outputListener;
    }

    public PipelineContext outputListener(final OutputListener outputListener)
    {
        this.outputListener = outputListener;
        return this;
    }

    public AckListener ackListener()
    {
        return ackListener;
    }

    public PipelineContext ackListener(final AckListener ackListener)
    {
        this.ackListener = ackListener;
        return this;
    }

    public SyncMode syncMode()
    {
        return syncMode;
    }

    public PipelineContext syncMode(final SyncMode syncMode)
    {
        this.syncMode = syncMode;
        return this;
    }

    public EpochNanoClock clock()
    {
        return clock;
    }

    public PipelineContext clock(final EpochNanoClock clock)
    {
        this.clock = clock;
        return this;
    }

    public ErrorHandler errorHandler()
    {
        return errorHandler;
    }

    public PipelineContext errorHandler(final ErrorHandler errorHandler)
    {
        this.errorHandler = errorHandler;
        return this;
    }

    public EngineCounters counters()
    {
        return counters;
    }

    public PipelineContext counters(final EngineCounters counters)
    {
        this.counters = counters;
        return this;
    }

    public EngineHealth health()
    {
        return health;
    }

    public PipelineContext health(final EngineHealth health)
    {
        this.health = health;
        return this;
    }

    public LatencyRecorders latency()
    {
        return latency;
    }

    public PipelineContext latency(final LatencyRecorders latency)
    {
        this.latency = latency;
        return this;
    }
}
