package io.firstcall;

import com.lmax.disruptor.WaitStrategy;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.tenant.TenantRulesCache;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalRetention;
import io.firstcall.journal.SyncMode;
import io.firstcall.pipeline.AckListener;
import io.firstcall.pipeline.OutputListener;
import io.firstcall.pipeline.Topology;
import io.firstcall.pipeline.WaitStrategies;
import io.firstcall.status.CountingErrorHandler;
import io.firstcall.timing.LogRolling;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.OffsetEpochNanoClock;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Everything an {@link Engine} is launched with. Each setting has a default and a system property
 * under the one prefix {@code firstcall.}; the fluent setters override both. {@link #conclude()}
 * validates once, at launch. docs/configuration.md lists every setting.
 */
public final class EngineContext
{
    public static final String DATA_DIR_PROP_NAME = "firstcall.data.dir";
    public static final String DATA_DIR_DEFAULT = "data";
    public static final String RING_SIZE_PROP_NAME = "firstcall.ring.size";
    public static final int RING_SIZE_DEFAULT = 4096;
    public static final String MAX_MESSAGE_LENGTH_PROP_NAME = "firstcall.ring.slot.bytes";
    public static final int MAX_MESSAGE_LENGTH_DEFAULT = 16 * 1024;
    public static final String TOPOLOGY_PROP_NAME = "firstcall.topology";
    public static final String TOPOLOGY_DEFAULT = "single";
    public static final String WAIT_STRATEGY_PROP_NAME = "firstcall.wait.strategy";
    public static final String WAIT_STRATEGY_DEFAULT = "phased";
    public static final String SYNC_MODE_PROP_NAME = "firstcall.journal.sync";
    public static final String SYNC_MODE_DEFAULT = "none";
    public static final String DEDUP_HORIZON_MS_PROP_NAME = "firstcall.dedup.horizon.ms";
    public static final long DEDUP_HORIZON_MS_DEFAULT = TimeUnit.HOURS.toMillis(24);
    public static final String DEDUP_MAX_IDS_PROP_NAME = "firstcall.dedup.max.ids";
    public static final int DEDUP_MAX_IDS_DEFAULT = 1 << 20;
    /** 2^25 ids: a tenant's off-heap index then takes 1 GiB, the most one buffer addresses. */
    public static final int DEDUP_MAX_IDS_LIMIT = 1 << 25;
    public static final String SNAPSHOTS_PROP_NAME = "firstcall.snapshots";
    public static final boolean SNAPSHOTS_DEFAULT = true;
    public static final String SNAPSHOT_REPLICA_PROP_NAME = "firstcall.snapshot.replica";
    public static final boolean SNAPSHOT_REPLICA_DEFAULT = true;
    public static final String SNAPSHOT_INTERVAL_EVENTS_PROP_NAME = "firstcall.snapshot.interval.events";
    public static final long SNAPSHOT_INTERVAL_EVENTS_DEFAULT = 250_000;
    public static final String SNAPSHOT_INTERVAL_MS_PROP_NAME = "firstcall.snapshot.interval.ms";
    public static final long SNAPSHOT_INTERVAL_MS_DEFAULT = TimeUnit.MINUTES.toMillis(10);
    public static final String SNAPSHOT_KEEP_PROP_NAME = "firstcall.snapshot.keep";
    public static final int SNAPSHOT_KEEP_DEFAULT = 3;
    public static final String JOURNAL_RETENTION_PROP_NAME = "firstcall.journal.retention";
    public static final String JOURNAL_RETENTION_DEFAULT = "keep";
    public static final String SPEED_TO_LEAD_NEVER_AFTER_MS_PROP_NAME = "firstcall.speed.to.lead.never.after.ms";
    public static final long SPEED_TO_LEAD_NEVER_AFTER_MS_DEFAULT = TimeUnit.HOURS.toMillis(24);
    public static final String TICK_INTERVAL_MS_PROP_NAME = "firstcall.tick.interval.ms";
    public static final long TICK_INTERVAL_MS_DEFAULT = 100;
    public static final String HISTOGRAM_INTERVAL_MS_PROP_NAME = "firstcall.histogram.interval.ms";
    public static final long HISTOGRAM_INTERVAL_MS_DEFAULT = 1000;
    public static final String LATENCY_LOG_ROLL_PROP_NAME = "firstcall.latency.log.roll";
    public static final String LATENCY_LOG_ROLL_DEFAULT = LogRolling.DAILY;
    public static final String LATENCY_LOG_MAX_BYTES_PROP_NAME = "firstcall.latency.log.max.bytes";
    public static final long LATENCY_LOG_MAX_BYTES_DEFAULT = 256L * 1024 * 1024;
    public static final String LATENCY_LOG_KEEP_PROP_NAME = "firstcall.latency.log.keep";
    public static final int LATENCY_LOG_KEEP_DEFAULT = 14;
    public static final String INITIAL_LEADS_PROP_NAME = "firstcall.leads.initial";
    public static final int INITIAL_LEADS_DEFAULT = 4096;
    public static final String MIN_FREE_DISK_MB_PROP_NAME = "firstcall.disk.min.free.mb";
    public static final long MIN_FREE_DISK_MB_DEFAULT = 256;

    private Path dataDir = Paths.get(System.getProperty(DATA_DIR_PROP_NAME, DATA_DIR_DEFAULT));
    private int ringSize = Integer.getInteger(RING_SIZE_PROP_NAME, RING_SIZE_DEFAULT);
    private int maxMessageLength = Integer.getInteger(MAX_MESSAGE_LENGTH_PROP_NAME, MAX_MESSAGE_LENGTH_DEFAULT);
    private String topology = System.getProperty(TOPOLOGY_PROP_NAME, TOPOLOGY_DEFAULT);
    private String waitStrategy = System.getProperty(WAIT_STRATEGY_PROP_NAME, WAIT_STRATEGY_DEFAULT);
    private String syncMode = System.getProperty(SYNC_MODE_PROP_NAME, SYNC_MODE_DEFAULT);
    private long dedupHorizonMs = Long.getLong(DEDUP_HORIZON_MS_PROP_NAME, DEDUP_HORIZON_MS_DEFAULT);
    private int dedupMaxIds = Integer.getInteger(DEDUP_MAX_IDS_PROP_NAME, DEDUP_MAX_IDS_DEFAULT);
    private boolean snapshots = Boolean.parseBoolean(System.getProperty(SNAPSHOTS_PROP_NAME, String.valueOf(SNAPSHOTS_DEFAULT)));
    private boolean snapshotReplica = Boolean.parseBoolean(
        System.getProperty(SNAPSHOT_REPLICA_PROP_NAME, String.valueOf(SNAPSHOT_REPLICA_DEFAULT)));
    private long snapshotIntervalEvents = Long.getLong(SNAPSHOT_INTERVAL_EVENTS_PROP_NAME, SNAPSHOT_INTERVAL_EVENTS_DEFAULT);
    private long snapshotIntervalMs = Long.getLong(SNAPSHOT_INTERVAL_MS_PROP_NAME, SNAPSHOT_INTERVAL_MS_DEFAULT);
    private int snapshotKeep = Integer.getInteger(SNAPSHOT_KEEP_PROP_NAME, SNAPSHOT_KEEP_DEFAULT);
    private String journalRetention = System.getProperty(JOURNAL_RETENTION_PROP_NAME, JOURNAL_RETENTION_DEFAULT);
    private System.Logger logger = System.getLogger(CountingErrorHandler.LOGGER_NAME);
    private long speedToLeadNeverAfterMs = Long.getLong(
        SPEED_TO_LEAD_NEVER_AFTER_MS_PROP_NAME, SPEED_TO_LEAD_NEVER_AFTER_MS_DEFAULT);
    private long tickIntervalMs = Long.getLong(TICK_INTERVAL_MS_PROP_NAME, TICK_INTERVAL_MS_DEFAULT);
    private long histogramIntervalMs = Long.getLong(HISTOGRAM_INTERVAL_MS_PROP_NAME, HISTOGRAM_INTERVAL_MS_DEFAULT);
    private int initialLeads = Integer.getInteger(INITIAL_LEADS_PROP_NAME, INITIAL_LEADS_DEFAULT);
    private String latencyLogRoll = System.getProperty(LATENCY_LOG_ROLL_PROP_NAME, LATENCY_LOG_ROLL_DEFAULT);
    private long latencyLogMaxBytes = Long.getLong(LATENCY_LOG_MAX_BYTES_PROP_NAME, LATENCY_LOG_MAX_BYTES_DEFAULT);
    private int latencyLogKeep = Integer.getInteger(LATENCY_LOG_KEEP_PROP_NAME, LATENCY_LOG_KEEP_DEFAULT);
    private long minFreeDiskMb = Long.getLong(MIN_FREE_DISK_MB_PROP_NAME, MIN_FREE_DISK_MB_DEFAULT);
    private boolean ticksEnabled = true;
    private EpochNanoClock clock = new OffsetEpochNanoClock();
    private AckListener ackListener = AckListener.NONE;
    private OutputListener outputListener = OutputListener.NONE;
    private Function<OutputBatch, StateMachine> stateMachineFactory;
    private ThreadFactory threadFactory;
    private Function<Path, Journal> journalFactory = ChronicleJournal::open;
    private final Map<String, String> tenantDocuments = new LinkedHashMap<>();
    private final TenantRulesCache tenantRules = new TenantRulesCache();
    private Topology concludedTopology;
    private WaitStrategy concludedWaitStrategy;
    private SyncMode concludedSyncMode;
    private JournalRetention concludedJournalRetention;
    private LogRolling concludedLatencyLogRolling;

    /**
     * Validate and settle every setting; called by {@link Engine#launch}.
     *
     * @throws IllegalArgumentException naming the setting at fault.
     */
    public EngineContext conclude()
    {
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1)
        {
            throw new IllegalArgumentException(RING_SIZE_PROP_NAME + " must be a power of two >= 2: " + ringSize);
        }
        if (maxMessageLength < 256)
        {
            throw new IllegalArgumentException(MAX_MESSAGE_LENGTH_PROP_NAME + " must be >= 256: " + maxMessageLength);
        }
        if (dedupHorizonMs < 1)
        {
            throw new IllegalArgumentException(DEDUP_HORIZON_MS_PROP_NAME + " must be >= 1: " + dedupHorizonMs);
        }
        if (dedupMaxIds < 1 || dedupMaxIds > DEDUP_MAX_IDS_LIMIT)
        {
            throw new IllegalArgumentException(
                DEDUP_MAX_IDS_PROP_NAME + " must be in 1.." + DEDUP_MAX_IDS_LIMIT + ": " + dedupMaxIds);
        }
        if (snapshotIntervalEvents < 1 || snapshotIntervalMs < 1)
        {
            throw new IllegalArgumentException(SNAPSHOT_INTERVAL_EVENTS_PROP_NAME + " and " + SNAPSHOT_INTERVAL_MS_PROP_NAME +
                " must be >= 1: " + snapshotIntervalEvents + ", " + snapshotIntervalMs);
        }
        if (snapshotKeep < 1)
        {
            throw new IllegalArgumentException(SNAPSHOT_KEEP_PROP_NAME + " must be >= 1: " + snapshotKeep);
        }
        if (tickIntervalMs < 1 || histogramIntervalMs < 1)
        {
            throw new IllegalArgumentException("tick and histogram intervals must be >= 1 ms");
        }
        if (minFreeDiskMb < 0)
        {
            throw new IllegalArgumentException(MIN_FREE_DISK_MB_PROP_NAME + " must be >= 0: " + minFreeDiskMb);
        }
        concludedTopology = parseEnum(Topology.class, topology, TOPOLOGY_PROP_NAME);
        concludedSyncMode = parseEnum(SyncMode.class, syncMode, SYNC_MODE_PROP_NAME);
        concludedJournalRetention = parseEnum(JournalRetention.class, journalRetention, JOURNAL_RETENTION_PROP_NAME);
        concludedWaitStrategy = WaitStrategies.byName(waitStrategy);
        try
        {
            concludedLatencyLogRolling = new LogRolling(latencyLogRoll, latencyLogMaxBytes, latencyLogKeep);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("latency log (" + LATENCY_LOG_ROLL_PROP_NAME + ", " +
                LATENCY_LOG_MAX_BYTES_PROP_NAME + ", " + LATENCY_LOG_KEEP_PROP_NAME + "): " + ex.getMessage(), ex);
        }
        for (final Map.Entry<String, String> tenant : tenantDocuments.entrySet())
        {
            tenantRules.parseIfAbsent(tenant.getKey(), tenant.getValue());
        }
        if (null == stateMachineFactory)
        {
            final int leads = initialLeads;
            stateMachineFactory = outputs -> new LeadStateMachine(outputs, leads, tenantRules);
        }
        if (null == threadFactory)
        {
            final AtomicInteger count = new AtomicInteger();
            threadFactory = runnable ->
            {
                final Thread thread = new Thread(runnable, "firstcall-engine-" + count.getAndIncrement());
                thread.setDaemon(true);
                return thread;
            };
        }
        dataDir.toFile().mkdirs();
        return this;
    }

    public Path dataDir()
    {
        return dataDir;
    }

    public EngineContext dataDir(final Path dataDir)
    {
        this.dataDir = dataDir;
        return this;
    }

    public int ringSize()
    {
        return ringSize;
    }

    public EngineContext ringSize(final int ringSize)
    {
        this.ringSize = ringSize;
        return this;
    }

    /**
     * @return the largest SBE input message a ring slot holds.
     */
    public int maxMessageLength()
    {
        return maxMessageLength;
    }

    public EngineContext maxMessageLength(final int maxMessageLength)
    {
        this.maxMessageLength = maxMessageLength;
        return this;
    }

    public Topology topology()
    {
        return concludedTopology;
    }

    public EngineContext topology(final String topology)
    {
        this.topology = topology;
        return this;
    }

    public WaitStrategy waitStrategy()
    {
        return concludedWaitStrategy;
    }

    public EngineContext waitStrategy(final String waitStrategy)
    {
        this.waitStrategy = waitStrategy;
        return this;
    }

    public SyncMode syncMode()
    {
        return concludedSyncMode;
    }

    public EngineContext syncMode(final String syncMode)
    {
        this.syncMode = syncMode;
        return this;
    }

    public long dedupHorizonMs()
    {
        return dedupHorizonMs;
    }

    /**
     * How long, in engine time, a journaled (tenant, event id) is remembered: a retry within it is
     * answered as a duplicate (docs/protocol.md states the guarantee).
     */
    public EngineContext dedupHorizonMs(final long dedupHorizonMs)
    {
        this.dedupHorizonMs = dedupHorizonMs;
        return this;
    }

    public int dedupMaxIds()
    {
        return dedupMaxIds;
    }

    /**
     * The most ids remembered per tenant, whatever the horizon: bounds memory (56 bytes per id, off
     * the heap, allocated as used). A tenant journaling more within the horizon loses its oldest early.
     */
    public EngineContext dedupMaxIds(final int dedupMaxIds)
    {
        this.dedupMaxIds = dedupMaxIds;
        return this;
    }

    public boolean snapshots()
    {
        return snapshots;
    }

    /**
     * Write and load snapshots when the state machine supports them ({@code snapshot.Snapshottable});
     * off: every start replays the whole input journal.
     */
    public EngineContext snapshots(final boolean snapshots)
    {
        this.snapshots = snapshots;
        return this;
    }

    public boolean snapshotReplica()
    {
        return snapshotReplica;
    }

    /**
     * Run the snapshot replica: a second state machine on a low-priority thread that follows the
     * input journal and snapshots itself. Off: snapshots are only written on graceful shutdown.
     */
    public EngineContext snapshotReplica(final boolean snapshotReplica)
    {
        this.snapshotReplica = snapshotReplica;
        return this;
    }

    public long speedToLeadNeverAfterMs()
    {
        return speedToLeadNeverAfterMs;
    }

    /**
     * The live speed-to-lead figures ({@code /stats}, {@code /metrics}) count a hot lead not called
     * within this long of engine time as "never"; {@code firstcall report --never-after} is the same.
     */
    public EngineContext speedToLeadNeverAfterMs(final long speedToLeadNeverAfterMs)
    {
        this.speedToLeadNeverAfterMs = speedToLeadNeverAfterMs;
        return this;
    }

    public long snapshotIntervalEvents()
    {
        return snapshotIntervalEvents;
    }

    /**
     * The replica snapshots after this many events since its last snapshot, or
     * {@link #snapshotIntervalMs} of engine time, whichever comes first.
     */
    public EngineContext snapshotIntervalEvents(final long snapshotIntervalEvents)
    {
        this.snapshotIntervalEvents = snapshotIntervalEvents;
        return this;
    }

    public long snapshotIntervalMs()
    {
        return snapshotIntervalMs;
    }

    public EngineContext snapshotIntervalMs(final long snapshotIntervalMs)
    {
        this.snapshotIntervalMs = snapshotIntervalMs;
        return this;
    }

    public int snapshotKeep()
    {
        return snapshotKeep;
    }

    public EngineContext snapshotKeep(final int snapshotKeep)
    {
        this.snapshotKeep = snapshotKeep;
        return this;
    }

    public JournalRetention journalRetention()
    {
        return concludedJournalRetention;
    }

    /**
     * keep: never move journal files; archive: at start, move input and output journal cycle files
     * older than every kept snapshot needs to {@code data/archive/}.
     */
    public EngineContext journalRetention(final String journalRetention)
    {
        this.journalRetention = journalRetention;
        return this;
    }

    public System.Logger logger()
    {
        return logger;
    }

    /** Where the engine's few operational lines go (snapshots loaded, skipped, written). */
    public EngineContext logger(final System.Logger logger)
    {
        this.logger = logger;
        return this;
    }

    public long tickIntervalMs()
    {
        return tickIntervalMs;
    }

    public EngineContext tickIntervalMs(final long tickIntervalMs)
    {
        this.tickIntervalMs = tickIntervalMs;
        return this;
    }

    /**
     * Tests drive time with their own tick events and switch the tick source off.
     */
    public boolean ticksEnabled()
    {
        return ticksEnabled;
    }

    public EngineContext ticksEnabled(final boolean ticksEnabled)
    {
        this.ticksEnabled = ticksEnabled;
        return this;
    }

    public long histogramIntervalMs()
    {
        return histogramIntervalMs;
    }

    public EngineContext histogramIntervalMs(final long histogramIntervalMs)
    {
        this.histogramIntervalMs = histogramIntervalMs;
        return this;
    }

    public EngineContext initialLeads(final int initialLeads)
    {
        this.initialLeads = initialLeads;
        return this;
    }

    /**
     * @return how latency.hlog is rolled; set by {@link #conclude()}.
     */
    public LogRolling latencyLogRolling()
    {
        return concludedLatencyLogRolling;
    }

    /**
     * @param roll {@code daily} (at the first interval of each UTC day) or {@code size}.
     */
    public EngineContext latencyLogRoll(final String roll)
    {
        this.latencyLogRoll = roll;
        return this;
    }

    /**
     * @param maxBytes a latency log this large is rolled, whatever the roll mode.
     */
    public EngineContext latencyLogMaxBytes(final long maxBytes)
    {
        this.latencyLogMaxBytes = maxBytes;
        return this;
    }

    /**
     * @param keep rolled latency logs kept; older ones are deleted.
     */
    public EngineContext latencyLogKeep(final int keep)
    {
        this.latencyLogKeep = keep;
        return this;
    }

    public long minFreeDiskMb()
    {
        return minFreeDiskMb;
    }

    /**
     * Free space (MiB) the data directory's filesystem must keep: below it the engine refuses new events
     * until there is room again. 0 turns the check off.
     */
    public EngineContext minFreeDiskMb(final long minFreeDiskMb)
    {
        this.minFreeDiskMb = minFreeDiskMb;
        return this;
    }

    public EpochNanoClock clock()
    {
        return clock;
    }

    /**
     * The only clock the engine reads: it stamps each event as it is journaled. The default is
     * System.nanoTime() anchored to the wall clock at start (no allocation per read, unlike the
     * Instant-based system clock), re-anchored by Agrona when it drifts.
     */
    public EngineContext clock(final EpochNanoClock clock)
    {
        this.clock = clock;
        return this;
    }

    public AckListener ackListener()
    {
        return ackListener;
    }

    public EngineContext ackListener(final AckListener ackListener)
    {
        this.ackListener = ackListener;
        return this;
    }

    public OutputListener outputListener()
    {
        return outputListener;
    }

    public EngineContext outputListener(final OutputListener outputListener)
    {
        this.outputListener = outputListener;
        return this;
    }

    public Function<OutputBatch, StateMachine> stateMachineFactory()
    {
        return stateMachineFactory;
    }

    /**
     * How the state machine is built, around the batch it writes its outputs into; a
     * {@link LeadStateMachine} by default.
     */
    public EngineContext stateMachineFactory(final Function<OutputBatch, StateMachine> stateMachineFactory)
    {
        this.stateMachineFactory = stateMachineFactory;
        return this;
    }

    public ThreadFactory threadFactory()
    {
        return threadFactory;
    }

    public EngineContext threadFactory(final ThreadFactory threadFactory)
    {
        this.threadFactory = threadFactory;
        return this;
    }

    public Function<Path, Journal> journalFactory()
    {
        return journalFactory;
    }

    /**
     * How a journal directory is opened; Chronicle Queue unless a test wraps it.
     */
    public EngineContext journalFactory(final Function<Path, Journal> journalFactory)
    {
        this.journalFactory = journalFactory;
        return this;
    }

    /**
     * @return each tenant's rules as a YAML document, by tenant id.
     */
    public Map<String, String> tenantDocuments()
    {
        return tenantDocuments;
    }

    /**
     * The tenant rules parsed so far, by document: the launcher parses each tenant's document once,
     * here, and the engine thread takes the result when the change is applied.
     */
    public TenantRulesCache tenantRules()
    {
        return tenantRules;
    }

    /**
     * Add or replace a tenant's rules. At launch, a document that differs from the one in force in
     * the journal is journaled as a configuration change; {@link #conclude()} parses any document
     * {@link #tenantRules()} does not hold yet.
     */
    public EngineContext tenant(final String tenantId, final String yamlDocument)
    {
        tenantDocuments.put(tenantId, yamlDocument);
        return this;
    }

    private static <E extends Enum<E>> E parseEnum(final Class<E> type, final String value, final String property)
    {
        try
        {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(property + ": unknown value '" + value + "'", ex);
        }
    }
}
