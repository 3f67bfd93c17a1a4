package io.firstcall;

import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.tenant.TenantRulesParser;
import io.firstcall.event.EventWriter;
import io.firstcall.event.InputEnvelope;
import io.firstcall.event.InputTypes;
import io.firstcall.journal.EntryHandler;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import io.firstcall.pipeline.DedupWindow;
import io.firstcall.pipeline.EnginePipeline;
import io.firstcall.pipeline.IngestPublisher;
import io.firstcall.pipeline.PipelineContext;
import io.firstcall.pipeline.Recovery;
import io.firstcall.pipeline.TickSource;
import io.firstcall.replay.InputReplayer;
import io.firstcall.replay.RecordSink;
import io.firstcall.replay.RecordedOutputs;
import io.firstcall.status.CountingErrorHandler;
import io.firstcall.status.DiskSpaceGuard;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineCounters;
import io.firstcall.status.EngineHealth;
import io.firstcall.timing.HistogramLogAgent;
import io.firstcall.timing.IntervalLogFile;
import io.firstcall.timing.LatencyRecorders;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemEpochClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The firstcall engine: journals, de-duplicates and decides lead events on the ring, with no
 * network. {@link #launch(EngineContext)} recovers state from the data directory's journals before
 * it accepts a new event; {@link #close()} drains the ring and closes the journals.
 */
public final class Engine implements AutoCloseable
{
    /**
     * The interval latency log in the data directory; rolled files sit beside it.
     */
    public static final String LATENCY_LOG = "latency.hlog";

    private final EngineContext ctx;
    private final EngineCounters counters;
    private final CountingErrorHandler errorHandler;
    private final EngineHealth health;
    private final LatencyRecorders latency;
    private final HistogramLogAgent histogramLogAgent;
    private final Journal inputJournal;
    private final Journal outputJournal;
    private final StateMachine stateMachine;
    private final EnginePipeline pipeline;
    private final AgentRunner agentRunner;
    private final long recoveredEvents;
    private final long recoveryNs;
    private boolean closed;

    private Engine(final EngineContext ctx)
    {
        this.ctx = ctx;
        counters = EngineCounters.mapped(ctx.dataDir().resolve("counters.dat"));
        final SystemEpochClock epochClock = new SystemEpochClock();
        errorHandler = new CountingErrorHandler(counters.get(EngineCounter.ERRORS), epochClock);
        health = new EngineHealth();
        final DiskSpaceGuard diskSpaceGuard = DiskSpaceGuard.of(
            ctx.dataDir(), ctx.minFreeDiskMb() * 1024 * 1024, new SystemNanoClock(), health, errorHandler);
        latency = new LatencyRecorders();
        histogramLogAgent = new HistogramLogAgent(
            latency,
            new IntervalLogFile(ctx.dataDir().resolve(LATENCY_LOG), ctx.latencyLogRolling(), epochClock, errorHandler),
            TimeUnit.MILLISECONDS.toNanos(ctx.histogramIntervalMs()),
            new SystemNanoClock(),
            epochClock);
        inputJournal = ctx.journalFactory().apply(ctx.dataDir().resolve("input"));
        outputJournal = ctx.journalFactory().apply(ctx.dataDir().resolve("output"));

        final OutputBatch outputs = new OutputBatch();
        stateMachine = ctx.stateMachineFactory().apply(outputs);
        final DedupWindow dedupWindow = new DedupWindow(ctx.dedupWindow(), inputJournal.openReader());
        final JournalRecovery recovery = new JournalRecovery(dedupWindow, outputs);

        pipeline = new EnginePipeline(new PipelineContext()
            .topology(ctx.topology())
            .ringSize(ctx.ringSize())
            .maxMessageLength(ctx.maxMessageLength())
            .waitStrategy(ctx.waitStrategy())
            .threadFactory(ctx.threadFactory())
            .inputJournal(inputJournal)
            .outputJournal(outputJournal)
            .dedupWindow(dedupWindow)
            .recovery(recovery)
            .stateMachine(stateMachine)
            .outputs(outputs)
            .outputListener(ctx.outputListener())
            .ackListener(ctx.ackListener())
            .syncMode(ctx.syncMode())
            .clock(ctx.clock())
            .errorHandler(errorHandler)
            .counters(counters)
            .health(health)
            .latency(latency));
        diskSpaceGuard.check();
        pipeline.start();
        try
        {
            pipeline.awaitRecovered();
        }
        catch (final RuntimeException ex)
        {
            pipeline.close();
            CloseHelper.quietCloseAll(inputJournal, outputJournal, errorHandler, counters);
            throw ex;
        }
        recoveryNs = recovery.elapsedNs;
        recoveredEvents = recovery.events;
        publishConfigChanges(changedTenantDocuments());

        final TickSource tickSource = new TickSource(
            pipeline.publisher(), ctx.clock(), TimeUnit.MILLISECONDS.toNanos(ctx.tickIntervalMs()),
            counters.get(EngineCounter.TICKS));
        agentRunner = new AgentRunner(
            new SleepingMillisIdleStrategy(1), errorHandler, counters.get(EngineCounter.ERRORS),
            ctx.ticksEnabled() ?
                new CompositeAgent(diskSpaceGuard, tickSource, histogramLogAgent) :
                new CompositeAgent(diskSpaceGuard, histogramLogAgent));
        AgentRunner.startOnThread(agentRunner, ctx.threadFactory());
    }

    /**
     * Open the journals in the context's data directory, replay them to rebuild state, then start
     * the ring. Tenant configurations that differ from the journaled ones are journaled as changes.
     */
    public static Engine launch(final EngineContext ctx)
    {
        ctx.conclude();
        return new Engine(ctx);
    }

    /**
     * Offer events here (from any thread).
     */
    public IngestPublisher publisher()
    {
        return pipeline.publisher();
    }

    public EngineCounters counters()
    {
        return counters;
    }

    public LatencyRecorders latency()
    {
        return latency;
    }

    public HistogramLogAgent histograms()
    {
        return histogramLogAgent;
    }

    public CountingErrorHandler errorHandler()
    {
        return errorHandler;
    }

    /**
     * @return whether the engine takes and journals events, and if not why; readable from any thread.
     */
    public EngineHealth health()
    {
        return health;
    }

    public EngineContext context()
    {
        return ctx;
    }

    /**
     * @return events replayed from the journal at launch.
     */
    public long recoveredEvents()
    {
        return recoveredEvents;
    }

    /**
     * @return wall-clock nanoseconds {@link #launch} spent replaying the journals, i.e. without opening
     * them and without building and starting the ring.
     */
    public long recoveryNs()
    {
        return recoveryNs;
    }

    /**
     * Stop ticking, process everything already on the ring, flush and close the journals.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        CloseHelper.quietClose(agentRunner);
        pipeline.close();
        histogramLogAgent.sample();
        CloseHelper.closeAll(inputJournal, outputJournal, errorHandler, counters);
    }

    /**
     * @return tenants whose configured document is not the one in force after recovery. A state
     * machine other than {@link LeadStateMachine} has no notion of it and is given every document.
     */
    private List<String> changedTenantDocuments()
    {
        final List<String> changed = new ArrayList<>();
        for (final Map.Entry<String, String> tenant : ctx.tenantDocuments().entrySet())
        {
            final long inForce = stateMachine instanceof LeadStateMachine ?
                ((LeadStateMachine)stateMachine).configVersion(tenant.getKey()) : -1;
            if (inForce != TenantRulesParser.version(tenant.getValue()))
            {
                changed.add(tenant.getKey());
            }
        }
        return changed;
    }

    private void publishConfigChanges(final List<String> tenants)
    {
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[ctx.maxMessageLength()]));
        for (final String tenant : tenants)
        {
            final long nowNs = ctx.clock().nanoTime();
            final int length = writer.times(nowNs / 1_000_000, nowNs).config(tenant, "", ctx.tenantDocuments().get(tenant));
            while (!pipeline.publisher().offer(writer.buffer(), 0, length, -1, nowNs))
            {
                Thread.onSpinWait();
            }
        }
    }

    /**
     * Rebuilds state from the journals, on the decision thread before its first event: every input goes
     * through the state machine again, through a view bounded to its message as live, every output it
     * produces is checked against the output journal, and outputs missing from the journal's tail (a
     * crash between the two appends, or an output append that failed) are appended by that same thread.
     * The de-duplication window is refilled on the way.
     */
    private final class JournalRecovery implements Recovery, EntryHandler
    {
        private final DedupWindow dedupWindow;
        private final OutputBatch outputs;
        private final InputEnvelope envelope = new InputEnvelope();
        private RecordedOutputs recorded;
        private InputReplayer replayer;
        private long events;
        private long nextSequence;
        private long lastTimestampNs;
        private long elapsedNs;

        private JournalRecovery(final DedupWindow dedupWindow, final OutputBatch outputs)
        {
            this.dedupWindow = dedupWindow;
            this.outputs = outputs;
        }

        public void recover(final RecordSink outputRepair)
        {
            final long startNs = System.nanoTime();
            try (JournalReader inputs = inputJournal.openReader(); JournalReader outputReader = outputJournal.openReader())
            {
                recorded = new RecordedOutputs(outputReader, outputRepair);
                replayer = new InputReplayer(stateMachine, outputs, recorded);
                while (inputs.readNext(this))
                {
                    events++;
                }
                dedupWindow.endRestore();
            }
            finally
            {
                // The live decisions start from an empty batch.
                outputs.reset();
            }

            counters.get(EngineCounter.EVENTS_RECOVERED).setRelease(events);
            if (null != recorded.firstDivergence())
            {
                counters.get(EngineCounter.REPLAY_DIVERGENCES).setRelease(1);
                errorHandler.onError(new IllegalStateException("recovery diverged from the output journal: " +
                    recorded.firstDivergence()));
            }
            if (recorded.beyondRecording() > 0)
            {
                System.getLogger(CountingErrorHandler.LOGGER_NAME).log(System.Logger.Level.INFO,
                    "recovery appended " + recorded.beyondRecording() + " output(s) missing from the tail of " +
                    ctx.dataDir().resolve("output"));
            }
            elapsedNs = System.nanoTime() - startNs;
        }

        public long nextSequence()
        {
            return nextSequence;
        }

        public long lastTimestampNs()
        {
            return lastTimestampNs;
        }

        public void onEntry(final DirectBuffer buffer, final int offset, final int length, final long position)
        {
            final int messageOffset = offset + RecordHeader.LENGTH;
            final int messageLength = length - RecordHeader.LENGTH;
            if (envelope.wrap(buffer, messageOffset, messageLength) && InputTypes.TICK != envelope.templateId() &&
                envelope.eventIdLength() > 0)
            {
                dedupWindow.restore(envelope.keyHash(), position);
            }
            try
            {
                replayer.apply(buffer, offset, length);
            }
            catch (final Throwable ex)
            {
                errorHandler.onError(ex);
            }
            nextSequence = RecordHeader.sequence(buffer, offset) + 1;
            lastTimestampNs = RecordHeader.timestampNs(buffer, offset);
        }
    }
}
