package io.firstcall;

import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.OutputSink;
import io.firstcall.engine.StateMachine;
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
import io.firstcall.pipeline.TickSource;
import io.firstcall.replay.RecordedOutputs;
import io.firstcall.status.CountingErrorHandler;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineCounters;
import io.firstcall.timing.HistogramLogAgent;
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
    private final EngineContext ctx;
    private final EngineCounters counters;
    private final CountingErrorHandler errorHandler;
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
        errorHandler = new CountingErrorHandler(counters.get(EngineCounter.ERRORS), new SystemEpochClock());
        latency = new LatencyRecorders();
        histogramLogAgent = new HistogramLogAgent(
            latency, ctx.dataDir().resolve("latency.hlog"), TimeUnit.MILLISECONDS.toNanos(ctx.histogramIntervalMs()),
            new SystemNanoClock(), new SystemEpochClock(), errorHandler);
        inputJournal = ctx.journalFactory().apply(ctx.dataDir().resolve("input"));
        outputJournal = ctx.journalFactory().apply(ctx.dataDir().resolve("output"));

        final OutputRelay relay = new OutputRelay();
        stateMachine = ctx.stateMachineFactory().apply(relay);
        final DedupWindow dedupWindow = new DedupWindow(
            TimeUnit.MILLISECONDS.toNanos(ctx.dedupHorizonMs()), ctx.dedupMaxIds(), inputJournal.openReader(),
            counters.get(EngineCounter.DEDUP_EARLY_EVICTIONS));

        final Recovery recovery = new Recovery(dedupWindow);
        final long recoveryStartNs = System.nanoTime();
        recovery.run(relay);
        recoveryNs = System.nanoTime() - recoveryStartNs;
        recoveredEvents = recovery.events;
        counters.get(EngineCounter.EVENTS_RECOVERED).setRelease(recovery.events);
        counters.get(EngineCounter.REPLAY_DIVERGENCES).setRelease(recovery.divergences);

        pipeline = new EnginePipeline(
            ctx.topology(), ctx.ringSize(), ctx.maxMessageLength(), ctx.waitStrategy(), ctx.threadFactory(),
            inputJournal, outputJournal, dedupWindow, recovery.nextSequence, recovery.lastTimestampNs,
            stateMachine, ctx.outputListener(), ctx.syncMode(), ctx.clock(), ctx.ackListener(), errorHandler,
            counters, latency);
        relay.target = pipeline.outputSink();
        final List<String> changedTenants = changedTenantDocuments();
        pipeline.start();
        publishConfigChanges(changedTenants);

        final TickSource tickSource = new TickSource(
            pipeline.publisher(), ctx.clock(), TimeUnit.MILLISECONDS.toNanos(ctx.tickIntervalMs()),
            counters.get(EngineCounter.TICKS));
        agentRunner = new AgentRunner(
            new SleepingMillisIdleStrategy(1), errorHandler, counters.get(EngineCounter.ERRORS),
            ctx.ticksEnabled() ? new CompositeAgent(tickSource, histogramLogAgent) : histogramLogAgent);
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
     * Rebuilds state from the journals: every input goes through the state machine again, every
     * output it produces is checked against the output journal, and outputs missing from the
     * journal's tail (a crash between the two appends) are appended. The de-duplication window is
     * refilled on the way.
     */
    private final class Recovery implements EntryHandler
    {
        private final DedupWindow dedupWindow;
        private final InputEnvelope envelope = new InputEnvelope();
        private RecordedOutputs recorded;
        private long events;
        private long nextSequence;
        private long lastTimestampNs;
        private long divergences;

        private Recovery(final DedupWindow dedupWindow)
        {
            this.dedupWindow = dedupWindow;
        }

        private void run(final OutputRelay relay)
        {
            try (JournalReader inputs = inputJournal.openReader(); JournalReader outputs = outputJournal.openReader())
            {
                recorded = new RecordedOutputs(outputs, outputJournal::append);
                relay.target = recorded;
                while (inputs.readNext(this))
                {
                    events++;
                }
                dedupWindow.endRestore();
                if (null != recorded.firstDivergence())
                {
                    divergences = 1;
                    errorHandler.onError(new IllegalStateException("recovery diverged from the output journal: " +
                        recorded.firstDivergence()));
                }
            }
        }

        public void onEntry(final DirectBuffer buffer, final int offset, final int length, final long position)
        {
            final long sequence = RecordHeader.sequence(buffer, offset);
            final long timestampNs = RecordHeader.timestampNs(buffer, offset);
            final int messageOffset = offset + RecordHeader.LENGTH;
            final int messageLength = length - RecordHeader.LENGTH;
            if (envelope.wrap(buffer, messageOffset, messageLength) && InputTypes.TICK != envelope.templateId() &&
                envelope.eventIdLength() > 0)
            {
                dedupWindow.restore(envelope, envelope.keyHash(), position, timestampNs);
            }
            recorded.beginInput(sequence, timestampNs);
            try
            {
                stateMachine.onEvent(buffer, messageOffset, messageLength, sequence, timestampNs);
            }
            catch (final Throwable ex)
            {
                errorHandler.onError(ex);
            }
            nextSequence = sequence + 1;
            lastTimestampNs = timestampNs;
        }
    }

    /**
     * The state machine's sink: the recorded outputs during recovery, the live output stage after.
     */
    private static final class OutputRelay implements OutputSink
    {
        private OutputSink target;

        public void onOutput(final DirectBuffer buffer, final int offset, final int length)
        {
            target.onOutput(buffer, offset, length);
        }
    }
}
