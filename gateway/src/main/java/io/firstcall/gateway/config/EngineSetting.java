package io.firstcall.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcall.EngineContext;
import io.firstcall.pipeline.WaitStrategies;

import java.nio.file.Paths;

/**
 * The keys of the {@code engine} section, one per {@link EngineContext} setting.
 */
enum EngineSetting implements Setting<EngineContext>
{
    DATA_DIR(
        "dataDir", EngineContext.DATA_DIR_PROP_NAME, EngineContext.DATA_DIR_DEFAULT,
        "Directory of the journals (input/, output/), counters.dat and latency.hlog; relative to the working directory",
        (ctx, value, path) -> ctx.dataDir(Paths.get(YamlValues.text(value, path)))),
    RING_SIZE(
        "ringSize", EngineContext.RING_SIZE_PROP_NAME, String.valueOf(EngineContext.RING_SIZE_DEFAULT),
        "Slots in the ingest ring (power of two); a full ring stops the gateway reading sockets",
        (ctx, value, path) -> ctx.ringSize(YamlValues.powerOfTwo(value, path))),
    SLOT_BYTES(
        "slotBytes", EngineContext.MAX_MESSAGE_LENGTH_PROP_NAME, String.valueOf(EngineContext.MAX_MESSAGE_LENGTH_DEFAULT),
        "Largest encoded input event a ring slot holds, in bytes: at least 4096 (the largest JSON event) and " +
            "gateway.maxFrameBytes; tenant rules travel as events too",
        (ctx, value, path) -> ctx.maxMessageLength(YamlValues.intAtLeast(value, path, 256))),
    TOPOLOGY(
        "topology", EngineContext.TOPOLOGY_PROP_NAME, EngineContext.TOPOLOGY_DEFAULT,
        "single: one engine thread journals then decides each batch; pipelined: a journal thread and a decision thread",
        (ctx, value, path) -> ctx.topology(YamlValues.choice(value, path, "single", "pipelined"))),
    WAIT_STRATEGY(
        "waitStrategy", EngineContext.WAIT_STRATEGY_PROP_NAME, EngineContext.WAIT_STRATEGY_DEFAULT,
        "How engine threads wait for work: blocking, phased, sleeping, yielding or busy-spin (spinning ones own a core)",
        EngineSetting::applyWaitStrategy),
    JOURNAL_SYNC(
        "journalSync", EngineContext.SYNC_MODE_PROP_NAME, EngineContext.SYNC_MODE_DEFAULT,
        "none: ack once in the memory-mapped journal (survives a process crash); batch: msync each batch before acking " +
            "(survives power loss)",
        (ctx, value, path) -> ctx.syncMode(YamlValues.choice(value, path, "none", "batch"))),
    DEDUP_HORIZON(
        "dedupHorizon", EngineContext.DEDUP_HORIZON_MS_PROP_NAME, YamlValues.formatDurationMs(EngineContext.DEDUP_HORIZON_MS_DEFAULT),
        "How long, in engine time, a journaled (tenant, event id) is remembered: a retry within it is acknowledged as " +
            "a duplicate with its original seq (docs/protocol.md); a duration (24h, 7d) or milliseconds",
        (ctx, value, path) -> ctx.dedupHorizonMs(YamlValues.durationMs(value, path, 1))),
    DEDUP_MAX_IDS(
        "dedupMaxIds", EngineContext.DEDUP_MAX_IDS_PROP_NAME, String.valueOf(EngineContext.DEDUP_MAX_IDS_DEFAULT),
        "The most ids remembered per tenant (56 bytes each, off the heap, allocated as used, at most " +
            EngineContext.DEDUP_MAX_IDS_LIMIT + "); a tenant journaling more within the horizon loses its oldest early " +
            "(counter dedup_early_evictions)",
        (ctx, value, path) -> ctx.dedupMaxIds(YamlValues.intInRange(value, path, 1, EngineContext.DEDUP_MAX_IDS_LIMIT))),
    SPEED_TO_LEAD_NEVER_AFTER(
        "speedToLeadNeverAfter", EngineContext.SPEED_TO_LEAD_NEVER_AFTER_MS_PROP_NAME,
        YamlValues.formatDurationMs(EngineContext.SPEED_TO_LEAD_NEVER_AFTER_MS_DEFAULT),
        "The live speed-to-lead figures (/stats, /metrics) count a hot lead with no call attempt within this much engine " +
            "time as never called, as firstcall report --never-after does (docs/audit.md): a duration (24h) or milliseconds",
        (ctx, value, path) -> ctx.speedToLeadNeverAfterMs(YamlValues.durationMs(value, path, 1))),
    TICK_INTERVAL_MS(
        "tickIntervalMs", EngineContext.TICK_INTERVAL_MS_PROP_NAME, String.valueOf(EngineContext.TICK_INTERVAL_MS_DEFAULT),
        "Milliseconds between journaled timer ticks: the resolution of claim windows and escalations",
        (ctx, value, path) -> ctx.tickIntervalMs(YamlValues.durationMs(value, path, 1))),
    HISTOGRAM_INTERVAL_MS(
        "histogramIntervalMs", EngineContext.HISTOGRAM_INTERVAL_MS_PROP_NAME,
        String.valueOf(EngineContext.HISTOGRAM_INTERVAL_MS_DEFAULT),
        "Milliseconds per interval histogram written to latency.hlog",
        (ctx, value, path) -> ctx.histogramIntervalMs(YamlValues.durationMs(value, path, 1))),
    LATENCY_LOG_ROLL(
        "latencyLogRoll", EngineContext.LATENCY_LOG_ROLL_PROP_NAME, EngineContext.LATENCY_LOG_ROLL_DEFAULT,
        "When latency.hlog is renamed aside to latency-yyyyMMddTHHmmssSSSZ.hlog (the UTC time of the roll) and begun afresh: daily (at the first " +
            "interval of each UTC day) or size (only at latencyLogMaxBytes); it is appended to across restarts",
        (ctx, value, path) -> ctx.latencyLogRoll(YamlValues.choice(value, path, "daily", "size"))),
    LATENCY_LOG_MAX_BYTES(
        "latencyLogMaxBytes", EngineContext.LATENCY_LOG_MAX_BYTES_PROP_NAME,
        String.valueOf(EngineContext.LATENCY_LOG_MAX_BYTES_DEFAULT),
        "A latency.hlog this large is rolled, in either mode (at least 1024)",
        (ctx, value, path) -> ctx.latencyLogMaxBytes(YamlValues.intAtLeast(value, path, 1024))),
    LATENCY_LOG_KEEP(
        "latencyLogKeep", EngineContext.LATENCY_LOG_KEEP_PROP_NAME, String.valueOf(EngineContext.LATENCY_LOG_KEEP_DEFAULT),
        "Rolled latency logs kept beside latency.hlog; the oldest beyond this are deleted",
        (ctx, value, path) -> ctx.latencyLogKeep(YamlValues.intAtLeast(value, path, 0))),
    INITIAL_LEADS(
        "initialLeads", EngineContext.INITIAL_LEADS_PROP_NAME, String.valueOf(EngineContext.INITIAL_LEADS_DEFAULT),
        "Leads per tenant the lead registry is sized for at start; it grows beyond, at the cost of a rehash",
        (ctx, value, path) -> ctx.initialLeads(YamlValues.intAtLeast(value, path, 1))),
    MIN_FREE_DISK_MB(
        "minFreeDiskMb", EngineContext.MIN_FREE_DISK_MB_PROP_NAME, String.valueOf(EngineContext.MIN_FREE_DISK_MB_DEFAULT),
        "Free space (MiB) the data directory's filesystem must keep: below it new events are refused with " +
            "journal_unavailable and /health is down until there is room again; 0 turns the check off",
        (ctx, value, path) -> ctx.minFreeDiskMb(YamlValues.intAtLeast(value, path, 0))),
    SNAPSHOTS(
        "snapshots", EngineContext.SNAPSHOTS_PROP_NAME, String.valueOf(EngineContext.SNAPSHOTS_DEFAULT),
        "Write snapshots (data/snapshots/) and restart from the newest valid one when the state machine supports them; " +
            "false: every start replays the whole input journal",
        (ctx, value, path) -> ctx.snapshots(YamlValues.bool(value, path))),
    SNAPSHOT_REPLICA(
        "snapshotReplica", EngineContext.SNAPSHOT_REPLICA_PROP_NAME, String.valueOf(EngineContext.SNAPSHOT_REPLICA_DEFAULT),
        "A second copy of the state machine on a low-priority thread follows the input journal and writes the periodic " +
            "snapshots (twice the state's memory, background CPU); false: snapshots only on graceful shutdown",
        (ctx, value, path) -> ctx.snapshotReplica(YamlValues.bool(value, path))),
    SNAPSHOT_EVENTS(
        "snapshotEvents", EngineContext.SNAPSHOT_INTERVAL_EVENTS_PROP_NAME,
        String.valueOf(EngineContext.SNAPSHOT_INTERVAL_EVENTS_DEFAULT),
        "The replica writes a snapshot after this many events since its last one...",
        (ctx, value, path) -> ctx.snapshotIntervalEvents(YamlValues.intAtLeast(value, path, 1))),
    SNAPSHOT_INTERVAL(
        "snapshotInterval", EngineContext.SNAPSHOT_INTERVAL_MS_PROP_NAME,
        YamlValues.formatDurationMs(EngineContext.SNAPSHOT_INTERVAL_MS_DEFAULT),
        "...or once this much engine time has passed since it, whichever comes first: a duration (10m, 1h) or milliseconds",
        (ctx, value, path) -> ctx.snapshotIntervalMs(YamlValues.durationMs(value, path, 1))),
    SNAPSHOT_KEEP(
        "snapshotKeep", EngineContext.SNAPSHOT_KEEP_PROP_NAME, String.valueOf(EngineContext.SNAPSHOT_KEEP_DEFAULT),
        "Snapshots kept, newest first; a corrupt newest one falls back to the next",
        (ctx, value, path) -> ctx.snapshotKeep(YamlValues.intAtLeast(value, path, 1))),
    JOURNAL_RETENTION(
        "journalRetention", EngineContext.JOURNAL_RETENTION_PROP_NAME, EngineContext.JOURNAL_RETENTION_DEFAULT,
        "keep: never move journal files (audits replay from the start); archive: at start, move input and output cycle " +
            "files no kept snapshot needs to data/archive/",
        (ctx, value, path) -> ctx.journalRetention(YamlValues.choice(value, path, "keep", "archive")));

    private final SettingSpec<EngineContext> spec;

    EngineSetting(
        final String key,
        final String propertyName,
        final String defaultValue,
        final String meaning,
        final Applier<EngineContext> applier)
    {
        spec = new SettingSpec<>(key, propertyName, defaultValue, meaning, applier);
    }

    public SettingSpec<EngineContext> spec()
    {
        return spec;
    }

    private static void applyWaitStrategy(
        final EngineContext ctx, final JsonNode value, final String path)
    {
        final String name = YamlValues.choice(value, path, "blocking", "phased", "sleeping", "yielding", "busy-spin");
        // The engine's own lookup is the authority on names; a mismatch is a bug here, reported with the path.
        try
        {
            WaitStrategies.byName(name);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException(path + ": " + ex.getMessage(), ex);
        }
        ctx.waitStrategy(name);
    }
}
