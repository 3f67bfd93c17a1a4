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
    DEDUP_WINDOW(
        "dedupWindow", EngineContext.DEDUP_WINDOW_PROP_NAME, String.valueOf(EngineContext.DEDUP_WINDOW_DEFAULT),
        "How many recent (tenant, event id) pairs are remembered to acknowledge retries without processing them twice",
        (ctx, value, path) -> ctx.dedupWindow(YamlValues.intAtLeast(value, path, 1))),
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
        (ctx, value, path) -> ctx.minFreeDiskMb(YamlValues.intAtLeast(value, path, 0)));

    private final String key;
    private final String propertyName;
    private final String defaultValue;
    private final String meaning;
    private final Applier<EngineContext> applier;

    EngineSetting(
        final String key,
        final String propertyName,
        final String defaultValue,
        final String meaning,
        final Applier<EngineContext> applier)
    {
        this.key = key;
        this.propertyName = propertyName;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
        this.applier = applier;
    }

    public String key()
    {
        return key;
    }

    public String propertyName()
    {
        return propertyName;
    }

    public String defaultValue()
    {
        return defaultValue;
    }

    public String meaning()
    {
        return meaning;
    }

    public void apply(final EngineContext context, final JsonNode value, final String path)
    {
        applier.apply(context, value, path);
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
