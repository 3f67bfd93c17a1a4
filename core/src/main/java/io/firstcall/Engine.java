package io.firstcall;

import io.firstcall.audit.LiveProjection;
import io.firstcall.audit.LiveSpeedToLead;
import io.firstcall.audit.ProjectionAgent;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.tenant.TenantRulesParser;
import io.firstcall.event.EventWriter;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalFormat;
import io.firstcall.journal.JournalRetention;
import io.firstcall.pipeline.DedupWindow;
import io.firstcall.pipeline.EnginePipeline;
import io.firstcall.pipeline.IngestPublisher;
import io.firstcall.pipeline.PipelineContext;
import io.firstcall.pipeline.TickSource;
import io.firstcall.recovery.JournalRetainer;
import io.firstcall.recovery.RecoveryContext;
import io.firstcall.recovery.ShutdownSnapshot;
import io.firstcall.recovery.SnapshotRecovery;
import io.firstcall.recovery.SnapshotReplica;
import io.firstcall.snapshot.SnapshotStore;
import io.firstcall.status.CountingErrorHandler;
import io.firstcall.status.DiskSpaceGuard;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineCounters;
import io.firstcall.status.EngineHealth;
import io.firstcall.timing.HistogramLogAgent;
import io.firstcall.timing.IntervalLogFile;
import io.firstcall.timing.LatencyRecorders;
import org.agrona.CloseHelper;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;
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

    /**
     * The projections fed from the journals publish at least this often while entries keep coming, so
     * the dashboard's board trails the engine by about this much.
     */
    static final long PROJECTION_PUBLISH_INTERVAL_MS = 100;
    private static final long PROJECTION_IDLE_SLEEP_MS = 5;

    private final EngineContext ctx;
    private final EngineCounters counters;
    private final CountingErrorHandler errorHandler;
    private final EngineHealth health;
    private final LatencyRecorders latency;
    private final HistogramLogAgent histogramLogAgent;
    private final Journal inputJournal;
    private final Journal outputJournal;
    private final OutputBatch outputs;
    private final StateMachine stateMachine;
    private final DedupWindow dedupWindow;
    private final RecoveryContext recoveryContext;
    private final AgentRunner replicaRunner;
    private final EnginePipeline pipeline;
    private final AgentRunner agentRunner;
    private final LiveSpeedToLead speedToLead;
    private final AgentRunner projectionsRunner;
    private final long recoveredEvents;
    private final long recoveryNs;
    private boolean closed;

    private Engine(final EngineContext ctx, final List<LiveProjection> extraProjections)
    {
        this.ctx = ctx;
        // Before anything is opened or moved: a data directory of another journal format is refused whole.
        JournalFormat.checkReadable(ctx.dataDir().resolve("input"));
        JournalFormat.checkReadable(ctx.dataDir().resolve("output"));
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
        final SnapshotStore snapshotStore = ctx.snapshots() ?
            new SnapshotStore(ctx.dataDir().resolve(SnapshotStore.DIRECTORY_NAME), ctx.snapshotKeep(), ctx.logger()) : null;
        if (null != snapshotStore && JournalRetention.ARCHIVE == ctx.journalRetention())
        {
            // Before the journals open: Chronicle caches its directory listing while a queue is open.
            counters.get(EngineCounter.JOURNAL_FILES_ARCHIVED).setRelease(
                JournalRetainer.archive(snapshotStore, ctx.dataDir(), ctx.logger()));
        }
        inputJournal = ctx.journalFactory().apply(ctx.dataDir().resolve("input"));
        outputJournal = ctx.journalFactory().apply(ctx.dataDir().resolve("output"));
        recoveryContext = new RecoveryContext()
            .inputJournal(inputJournal)
            .outputJournal(outputJournal)
            .stateMachineFactory(ctx.stateMachineFactory())
            .dedup(TimeUnit.MILLISECONDS.toNanos(ctx.dedupHorizonMs()), ctx.dedupMaxIds())
            .snapshotStore(snapshotStore)
            .snapshotInterval(ctx.snapshotIntervalEvents(), TimeUnit.MILLISECONDS.toNanos(ctx.snapshotIntervalMs()))
            .counters(counters)
            .errorHandler(errorHandler)
            .logger(ctx.logger())
            .journalArchived(null != snapshotStore && JournalRetainer.inputArchived(ctx.dataDir()));

        outputs = new OutputBatch();
        final SnapshotRecovery recovery;
        try
        {
            recovery = SnapshotRecovery.prepare(recoveryContext, outputs);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietCloseAll(inputJournal, outputJournal, errorHandler, counters);
            throw ex;
        }
        stateMachine = recovery.machine();
        dedupWindow = recovery.dedupWindow();

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
            CloseHelper.quietCloseAll(dedupWindow, inputJournal, outputJournal, errorHandler, counters);
            throw ex;
        }
        recoveryNs = recovery.elapsedNs();
        recoveredEvents = recovery.replayedEvents();
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
        speedToLead = new LiveSpeedToLead(
            TimeUnit.MILLISECONDS.toNanos(ctx.speedToLeadNeverAfterMs()), TimeUnit.SECONDS.toNanos(1));
        final List<LiveProjection> projections = new ArrayList<>();
        projections.add(speedToLead);
        projections.addAll(extraProjections);
        // Its readers are opened here, on the launching thread, before the replica's thread opens its own.
        final ProjectionAgent projectionAgent = new ProjectionAgent(inputJournal, outputJournal, projections,
            new SystemNanoClock(), TimeUnit.MILLISECONDS.toNanos(PROJECTION_PUBLISH_INTERVAL_MS));
        replicaRunner = recoveryContext.snapshots(stateMachine) && ctx.snapshotReplica() ?
            startReplica(new SnapshotReplica(recoveryContext, recovery.loadedSnapshot())) : null;
        projectionsRunner = startBackground(projectionAgent, new SleepingMillisIdleStrategy(PROJECTION_IDLE_SLEEP_MS));
    }

    /**
     * @return the live speed-to-lead figures, computed from the journals off the engine thread.
     */
    public LiveSpeedToLead speedToLead()
    {
        return speedToLead;
    }

    /**
     * Open the journals in the context's data directory, replay them to rebuild state, then start
     * the ring. Tenant configurations that differ from the journaled ones are journaled as changes.
     */
    public static Engine launch(final EngineContext ctx)
    {
        return launch(ctx, List.of());
    }

    /**
     * As {@link #launch(EngineContext)}, with read models of the caller's to keep live from the
     * journals: the engine's projection agent feeds them, with the speed-to-lead figures, in journal
     * order on its own thread (never the engine thread), from the first entry.
     */
    public static Engine launch(final EngineContext ctx, final List<LiveProjection> projections)
    {
        ctx.conclude();
        return new Engine(ctx, projections);
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
        CloseHelper.quietClose(replicaRunner);
        CloseHelper.quietClose(projectionsRunner);
        pipeline.close();
        histogramLogAgent.sample();
        try
        {
            ShutdownSnapshot.write(recoveryContext, stateMachine, outputs, dedupWindow);
        }
        catch (final RuntimeException ex)
        {
            counters.get(EngineCounter.SNAPSHOT_FAILURES).incrementRelease();
            errorHandler.onError(ex);
        }
        CloseHelper.closeAll(dedupWindow, inputJournal, outputJournal, errorHandler, counters);
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

    private AgentRunner startReplica(final SnapshotReplica replica)
    {
        return startBackground(replica, new SleepingMillisIdleStrategy(1));
    }

    private AgentRunner startBackground(final Agent agent, final IdleStrategy idleStrategy)
    {
        final AgentRunner runner = new AgentRunner(idleStrategy, errorHandler, counters.get(EngineCounter.ERRORS), agent);
        final Thread thread = ctx.threadFactory().newThread(runner);
        thread.setName(agent.roleName());
        // Background work: the live engine threads come first.
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
        return runner;
    }
}
