package io.firstcall.gateway.config;

import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.egress.EgressRing;

/**
 * The keys of the {@code gateway} section, one per {@link GatewayContext} setting.
 */
enum GatewaySetting implements Setting<GatewayContext>
{
    HOST(
        "host", GatewayContext.HOST_PROP_NAME, GatewayContext.HOST_DEFAULT,
        "Address the listeners bind to; 0.0.0.0 for every interface, 127.0.0.1 for this machine only",
        (ctx, value, path) -> ctx.host(YamlValues.text(value, path))),
    JSON_PORT(
        "jsonPort", GatewayContext.JSON_PORT_PROP_NAME, String.valueOf(GatewayContext.JSON_PORT_DEFAULT),
        "TCP port of the JSON lines protocol (sources and reps); 0 picks a free port",
        (ctx, value, path) -> ctx.jsonPort(YamlValues.port(value, path))),
    SBE_PORT(
        "sbePort", GatewayContext.SBE_PORT_PROP_NAME, String.valueOf(GatewayContext.SBE_PORT_DEFAULT),
        "TCP port of the binary protocol (length-prefixed SBE frames); 0 picks a free port",
        (ctx, value, path) -> ctx.sbePort(YamlValues.port(value, path))),
    HTTP_PORT(
        "httpPort", GatewayContext.HTTP_PORT_PROP_NAME, String.valueOf(GatewayContext.HTTP_PORT_DEFAULT),
        "HTTP port: the dashboard at /dashboard/, /health, /metrics, /latency, /stats and the WebSocket at /ws; 0 picks a free port",
        (ctx, value, path) -> ctx.httpPort(YamlValues.port(value, path))),
    MAX_LINE_BYTES(
        "maxLineBytes", GatewayContext.MAX_LINE_BYTES_PROP_NAME, String.valueOf(GatewayContext.MAX_LINE_BYTES_DEFAULT),
        "Longest JSON line in bytes, newline excluded; a longer line is answered with an error and the connection closed",
        (ctx, value, path) -> ctx.maxLineBytes(YamlValues.intAtLeast(value, path, 256))),
    MAX_FRAME_BYTES(
        "maxFrameBytes", GatewayContext.MAX_FRAME_BYTES_PROP_NAME, String.valueOf(GatewayContext.MAX_FRAME_BYTES_DEFAULT),
        "Longest SBE frame body after the length prefix, in bytes; at most engine.slotBytes",
        (ctx, value, path) -> ctx.maxFrameBytes(YamlValues.intAtLeast(value, path, 64))),
    MAX_CONNECTIONS(
        "maxConnections", GatewayContext.MAX_CONNECTIONS_PROP_NAME, String.valueOf(GatewayContext.MAX_CONNECTIONS_DEFAULT),
        "Authenticated connections (past their hello) across the TCP and WebSocket listeners; a hello beyond is refused with too_many_connections",
        (ctx, value, path) -> ctx.maxConnections(YamlValues.intAtLeast(value, path, 1))),
    MAX_UNAUTHENTICATED(
        "maxUnauthenticated", GatewayContext.MAX_UNAUTHENTICATED_PROP_NAME,
        String.valueOf(GatewayContext.MAX_UNAUTHENTICATED_DEFAULT),
        "Connections not yet past their hello (HTTP: first request), apart from maxConnections; one more closes the one that waited longest",
        (ctx, value, path) -> ctx.maxUnauthenticated(YamlValues.intAtLeast(value, path, 1))),
    HELLO_TIMEOUT(
        "helloTimeout", GatewayContext.HELLO_TIMEOUT_MS_PROP_NAME,
        YamlValues.formatDurationMs(GatewayContext.HELLO_TIMEOUT_MS_DEFAULT),
        "A connection not welcomed this long after it opened is told so and closed; bytes do not extend it: a duration (5s) or milliseconds",
        (ctx, value, path) -> ctx.helloTimeoutMs(YamlValues.durationMs(value, path, 1))),
    IDLE_TIMEOUT(
        "idleTimeout", GatewayContext.IDLE_TIMEOUT_MS_PROP_NAME,
        YamlValues.formatDurationMs(GatewayContext.IDLE_TIMEOUT_MS_DEFAULT),
        "A connection that sends nothing for this long is told so and closed: a duration (90s, 5m) or milliseconds",
        (ctx, value, path) -> ctx.idleTimeoutMs(YamlValues.durationMs(value, path, 1))),
    REP_BUFFER_BYTES(
        "repBufferBytes", GatewayContext.REP_BUFFER_BYTES_PROP_NAME, String.valueOf(GatewayContext.REP_BUFFER_BYTES_DEFAULT),
        "Bytes of pushes queued for a rep connection that does not read before it is cut off (the engine never waits)",
        (ctx, value, path) -> ctx.repBufferBytes(YamlValues.intAtLeast(value, path, 1024))),
    IO_THREADS(
        "ioThreads", GatewayContext.IO_THREADS_PROP_NAME, String.valueOf(GatewayContext.IO_THREADS_DEFAULT),
        "Netty I/O threads; one carries a 2-core machine, leaving the other core to the engine",
        (ctx, value, path) -> ctx.ioThreads(YamlValues.intAtLeast(value, path, 1))),
    EGRESS_RING_BYTES(
        "egressRingBytes", GatewayContext.EGRESS_RING_BYTES_PROP_NAME, String.valueOf(GatewayContext.EGRESS_RING_BYTES_DEFAULT),
        "Bytes of the ring carrying acks and outputs from the engine to the I/O thread (a power of two); when full the engine waits, never drops",
        (ctx, value, path) ->
        {
            YamlValues.intAtLeast(value, path, EgressRing.MIN_CAPACITY);
            ctx.egressRingBytes(YamlValues.powerOfTwo(value, path));
        }),
    DASHBOARD_MAX_LEADS(
        "dashboardMaxLeads", GatewayContext.DASHBOARD_MAX_LEADS_PROP_NAME,
        String.valueOf(GatewayContext.DASHBOARD_MAX_LEADS_DEFAULT),
        "Finished hot-lead episodes the dashboard's board keeps (newest first) besides every open one; bounds its memory and each browser's snapshot",
        (ctx, value, path) -> ctx.dashboardMaxLeads(YamlValues.intAtLeast(value, path, 1)));

    private final SettingSpec<GatewayContext> spec;

    GatewaySetting(
        final String key,
        final String propertyName,
        final String defaultValue,
        final String meaning,
        final Applier<GatewayContext> applier)
    {
        spec = new SettingSpec<>(key, propertyName, defaultValue, meaning, applier);
    }

    public SettingSpec<GatewayContext> spec()
    {
        return spec;
    }
}
