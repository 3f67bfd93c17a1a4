package io.firstcall.gateway;

import io.firstcall.gateway.egress.EgressRing;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.agrona.BitUtil;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Every gateway setting, with defaults and a system property under {@code firstcall.gateway.};
 * the fluent setters (and the configuration file) override both. {@link #conclude()} validates
 * once at launch. A port of 0 binds an ephemeral port (tests); {@link Gateway} reports the bound one.
 * <p>
 * Security settings: TLS on every listener ({@link #tls()}, off by default); the bearer token of
 * the HTTP operations endpoints; event rate limits per connection and per tenant (0: no limit, the
 * default).
 */
public final class GatewayContext
{
    public static final String HOST_PROP_NAME = "firstcall.gateway.host";
    public static final String HOST_DEFAULT = "0.0.0.0";
    public static final String JSON_PORT_PROP_NAME = "firstcall.gateway.json.port";
    public static final int JSON_PORT_DEFAULT = 7070;
    public static final String SBE_PORT_PROP_NAME = "firstcall.gateway.sbe.port";
    public static final int SBE_PORT_DEFAULT = 7071;
    public static final String HTTP_PORT_PROP_NAME = "firstcall.gateway.http.port";
    public static final int HTTP_PORT_DEFAULT = 8080;
    public static final String MAX_LINE_BYTES_PROP_NAME = "firstcall.gateway.max.line.bytes";
    public static final int MAX_LINE_BYTES_DEFAULT = 64 * 1024;
    public static final String MAX_FRAME_BYTES_PROP_NAME = "firstcall.gateway.max.frame.bytes";
    public static final int MAX_FRAME_BYTES_DEFAULT = 16 * 1024;
    public static final String MAX_CONNECTIONS_PROP_NAME = "firstcall.gateway.max.connections";
    public static final int MAX_CONNECTIONS_DEFAULT = 1024;
    public static final String MAX_UNAUTHENTICATED_PROP_NAME = "firstcall.gateway.max.unauthenticated";
    public static final int MAX_UNAUTHENTICATED_DEFAULT = 1024;
    public static final String HELLO_TIMEOUT_MS_PROP_NAME = "firstcall.gateway.hello.timeout.ms";
    public static final long HELLO_TIMEOUT_MS_DEFAULT = 5_000;
    public static final String IDLE_TIMEOUT_MS_PROP_NAME = "firstcall.gateway.idle.timeout.ms";
    public static final long IDLE_TIMEOUT_MS_DEFAULT = 300_000;
    public static final String REP_BUFFER_BYTES_PROP_NAME = "firstcall.gateway.rep.buffer.bytes";
    public static final int REP_BUFFER_BYTES_DEFAULT = 1024 * 1024;
    public static final String IO_THREADS_PROP_NAME = "firstcall.gateway.io.threads";
    public static final int IO_THREADS_DEFAULT = 1;
    public static final String EGRESS_RING_BYTES_PROP_NAME = "firstcall.gateway.egress.ring.bytes";
    public static final int EGRESS_RING_BYTES_DEFAULT = 4 * 1024 * 1024;
    public static final String DASHBOARD_MAX_LEADS_PROP_NAME = "firstcall.gateway.dashboard.max.leads";
    public static final int DASHBOARD_MAX_LEADS_DEFAULT = 10_000;

    public static final String OPS_TOKEN_PROP_NAME = "firstcall.gateway.ops.token";
    public static final String OPS_OPEN_HEALTH_PROP_NAME = "firstcall.gateway.ops.open.health";
    public static final boolean OPS_OPEN_HEALTH_DEFAULT = true;
    public static final String OPS_OPEN_METRICS_PROP_NAME = "firstcall.gateway.ops.open.metrics";
    public static final boolean OPS_OPEN_METRICS_DEFAULT = true;
    public static final String CONNECTION_EVENTS_PER_SECOND_PROP_NAME = "firstcall.gateway.limits.connection.rate";
    public static final String CONNECTION_BURST_PROP_NAME = "firstcall.gateway.limits.connection.burst";
    public static final String TENANT_EVENTS_PER_SECOND_PROP_NAME = "firstcall.gateway.limits.tenant.rate";
    public static final String TENANT_BURST_PROP_NAME = "firstcall.gateway.limits.tenant.burst";
    /** No rate limit; a burst of 0 means one second's worth of the rate. */
    public static final long RATE_LIMIT_DEFAULT = 0;

    private String host = System.getProperty(HOST_PROP_NAME, HOST_DEFAULT);
    private int jsonPort = Integer.getInteger(JSON_PORT_PROP_NAME, JSON_PORT_DEFAULT);
    private int sbePort = Integer.getInteger(SBE_PORT_PROP_NAME, SBE_PORT_DEFAULT);
    private int httpPort = Integer.getInteger(HTTP_PORT_PROP_NAME, HTTP_PORT_DEFAULT);
    private int maxLineBytes = Integer.getInteger(MAX_LINE_BYTES_PROP_NAME, MAX_LINE_BYTES_DEFAULT);
    private int maxFrameBytes = Integer.getInteger(MAX_FRAME_BYTES_PROP_NAME, MAX_FRAME_BYTES_DEFAULT);
    private int maxConnections = Integer.getInteger(MAX_CONNECTIONS_PROP_NAME, MAX_CONNECTIONS_DEFAULT);
    private int maxUnauthenticated = Integer.getInteger(MAX_UNAUTHENTICATED_PROP_NAME, MAX_UNAUTHENTICATED_DEFAULT);
    private long helloTimeoutMs = Long.getLong(HELLO_TIMEOUT_MS_PROP_NAME, HELLO_TIMEOUT_MS_DEFAULT);
    private long idleTimeoutMs = Long.getLong(IDLE_TIMEOUT_MS_PROP_NAME, IDLE_TIMEOUT_MS_DEFAULT);
    private int repBufferBytes = Integer.getInteger(REP_BUFFER_BYTES_PROP_NAME, REP_BUFFER_BYTES_DEFAULT);
    private int ioThreads = Integer.getInteger(IO_THREADS_PROP_NAME, IO_THREADS_DEFAULT);
    private int egressRingBytes = Integer.getInteger(EGRESS_RING_BYTES_PROP_NAME, EGRESS_RING_BYTES_DEFAULT);
    private int dashboardMaxLeads = Integer.getInteger(DASHBOARD_MAX_LEADS_PROP_NAME, DASHBOARD_MAX_LEADS_DEFAULT);
    private IntFunction<IoEventLoopGroup> ioGroupFactory = GatewayContext::nioGroup;
    private String opsToken = System.getProperty(OPS_TOKEN_PROP_NAME);
    private boolean opsOpenHealth = Boolean.parseBoolean(
        System.getProperty(OPS_OPEN_HEALTH_PROP_NAME, String.valueOf(OPS_OPEN_HEALTH_DEFAULT)));
    private boolean opsOpenMetrics = Boolean.parseBoolean(
        System.getProperty(OPS_OPEN_METRICS_PROP_NAME, String.valueOf(OPS_OPEN_METRICS_DEFAULT)));
    private long connectionEventsPerSecond = Long.getLong(CONNECTION_EVENTS_PER_SECOND_PROP_NAME, RATE_LIMIT_DEFAULT);
    private long connectionBurst = Long.getLong(CONNECTION_BURST_PROP_NAME, RATE_LIMIT_DEFAULT);
    private long tenantEventsPerSecond = Long.getLong(TENANT_EVENTS_PER_SECOND_PROP_NAME, RATE_LIMIT_DEFAULT);
    private long tenantBurst = Long.getLong(TENANT_BURST_PROP_NAME, RATE_LIMIT_DEFAULT);
    private final TlsContext tls = new TlsContext();
    private final Map<String, TenantAccess> tenants = new LinkedHashMap<>();

    /**
     * @throws IllegalArgumentException naming the setting at fault.
     */
    public GatewayContext conclude()
    {
        checkPort(JSON_PORT_PROP_NAME, jsonPort);
        checkPort(SBE_PORT_PROP_NAME, sbePort);
        checkPort(HTTP_PORT_PROP_NAME, httpPort);
        checkMin(MAX_LINE_BYTES_PROP_NAME, maxLineBytes, 256);
        checkMin(MAX_FRAME_BYTES_PROP_NAME, maxFrameBytes, 64);
        checkMin(MAX_CONNECTIONS_PROP_NAME, maxConnections, 1);
        checkMin(MAX_UNAUTHENTICATED_PROP_NAME, maxUnauthenticated, 1);
        checkMin(HELLO_TIMEOUT_MS_PROP_NAME, helloTimeoutMs, 1);
        checkMin(IDLE_TIMEOUT_MS_PROP_NAME, idleTimeoutMs, 1);
        checkMin(REP_BUFFER_BYTES_PROP_NAME, repBufferBytes, 1024);
        checkMin(IO_THREADS_PROP_NAME, ioThreads, 1);
        checkMin(EGRESS_RING_BYTES_PROP_NAME, egressRingBytes, EgressRing.MIN_CAPACITY);
        checkMin(DASHBOARD_MAX_LEADS_PROP_NAME, dashboardMaxLeads, 1);
        if (!BitUtil.isPowerOfTwo(egressRingBytes))
        {
            throw new IllegalArgumentException(EGRESS_RING_BYTES_PROP_NAME + " must be a power of two: " + egressRingBytes);
        }
        tls.conclude();
        checkRate(CONNECTION_EVENTS_PER_SECOND_PROP_NAME, connectionEventsPerSecond, CONNECTION_BURST_PROP_NAME,
            connectionBurst);
        checkRate(TENANT_EVENTS_PER_SECOND_PROP_NAME, tenantEventsPerSecond, TENANT_BURST_PROP_NAME, tenantBurst);
        return this;
    }

    public String host()
    {
        return host;
    }

    public GatewayContext host(final String host)
    {
        this.host = host;
        return this;
    }

    public int jsonPort()
    {
        return jsonPort;
    }

    public GatewayContext jsonPort(final int jsonPort)
    {
        this.jsonPort = jsonPort;
        return this;
    }

    public int sbePort()
    {
        return sbePort;
    }

    public GatewayContext sbePort(final int sbePort)
    {
        this.sbePort = sbePort;
        return this;
    }

    public int httpPort()
    {
        return httpPort;
    }

    public GatewayContext httpPort(final int httpPort)
    {
        this.httpPort = httpPort;
        return this;
    }

    /**
     * Longest JSON line, in bytes, without its newline.
     */
    public int maxLineBytes()
    {
        return maxLineBytes;
    }

    public GatewayContext maxLineBytes(final int maxLineBytes)
    {
        this.maxLineBytes = maxLineBytes;
        return this;
    }

    /**
     * Longest SBE frame body after the length prefix, in bytes.
     */
    public int maxFrameBytes()
    {
        return maxFrameBytes;
    }

    public GatewayContext maxFrameBytes(final int maxFrameBytes)
    {
        this.maxFrameBytes = maxFrameBytes;
        return this;
    }

    /**
     * Authenticated connections (JSON lines, SBE and WebSocket sessions past their hello) open at once.
     */
    public int maxConnections()
    {
        return maxConnections;
    }

    public GatewayContext maxConnections(final int maxConnections)
    {
        this.maxConnections = maxConnections;
        return this;
    }

    /**
     * Connections open at once that have not said hello yet (for HTTP: not sent a first request). They
     * take no {@link #maxConnections()} slot; at the limit a new one closes the one that waited longest.
     */
    public int maxUnauthenticated()
    {
        return maxUnauthenticated;
    }

    public GatewayContext maxUnauthenticated(final int maxUnauthenticated)
    {
        this.maxUnauthenticated = maxUnauthenticated;
        return this;
    }

    /**
     * A connection that has not been welcomed this long after it opened is told so and closed, however
     * many bytes it sent meanwhile.
     */
    public long helloTimeoutMs()
    {
        return helloTimeoutMs;
    }

    public GatewayContext helloTimeoutMs(final long helloTimeoutMs)
    {
        this.helloTimeoutMs = helloTimeoutMs;
        return this;
    }

    /**
     * A connection that sends nothing for this long is told so and closed.
     */
    public long idleTimeoutMs()
    {
        return idleTimeoutMs;
    }

    public GatewayContext idleTimeoutMs(final long idleTimeoutMs)
    {
        this.idleTimeoutMs = idleTimeoutMs;
        return this;
    }

    /**
     * Bytes queued for a rep connection that does not read before it is cut off.
     */
    public int repBufferBytes()
    {
        return repBufferBytes;
    }

    public GatewayContext repBufferBytes(final int repBufferBytes)
    {
        this.repBufferBytes = repBufferBytes;
        return this;
    }

    public int ioThreads()
    {
        return ioThreads;
    }

    public GatewayContext ioThreads(final int ioThreads)
    {
        this.ioThreads = ioThreads;
        return this;
    }

    /**
     * Bytes of the ring that carries acknowledgements and outputs from the engine to the delivery event
     * loop: a power of two. When it is full the engine waits; an output larger than an eighth of it is
     * not delivered (an error says so).
     */
    public int egressRingBytes()
    {
        return egressRingBytes;
    }

    public GatewayContext egressRingBytes(final int egressRingBytes)
    {
        this.egressRingBytes = egressRingBytes;
        return this;
    }

    /**
     * Finished hot-lead episodes the dashboard's board keeps, newest first, besides every open one
     * (offered, queued or held); older ones leave the board. Bounds the board's memory and each
     * browser's snapshot.
     */
    public int dashboardMaxLeads()
    {
        return dashboardMaxLeads;
    }

    public GatewayContext dashboardMaxLeads(final int dashboardMaxLeads)
    {
        this.dashboardMaxLeads = dashboardMaxLeads;
        return this;
    }

    /**
     * @return what makes the event loop group of {@link #ioThreads()} threads; it must be NIO (the
     * delivery doorbell is a selectable pipe). Tests wrap its event loops.
     */
    public IntFunction<IoEventLoopGroup> ioGroupFactory()
    {
        return ioGroupFactory;
    }

    public GatewayContext ioGroupFactory(final IntFunction<IoEventLoopGroup> ioGroupFactory)
    {
        this.ioGroupFactory = ioGroupFactory;
        return this;
    }

    /**
     * @return the TLS settings of every listener.
     */
    public TlsContext tls()
    {
        return tls;
    }

    /**
     * The operator's bearer token for the HTTP endpoints: sees every tenant; null for none.
     */
    public String opsToken()
    {
        return opsToken;
    }

    public GatewayContext opsToken(final String opsToken)
    {
        this.opsToken = opsToken;
        return this;
    }

    /**
     * Whether /health answers without a token (probes).
     */
    public boolean opsOpenHealth()
    {
        return opsOpenHealth;
    }

    public GatewayContext opsOpenHealth(final boolean opsOpenHealth)
    {
        this.opsOpenHealth = opsOpenHealth;
        return this;
    }

    /**
     * Whether /metrics answers without a token (a Prometheus scrape).
     */
    public boolean opsOpenMetrics()
    {
        return opsOpenMetrics;
    }

    public GatewayContext opsOpenMetrics(final boolean opsOpenMetrics)
    {
        this.opsOpenMetrics = opsOpenMetrics;
        return this;
    }

    /**
     * Events per second one connection may send; 0 for no limit.
     */
    public long connectionEventsPerSecond()
    {
        return connectionEventsPerSecond;
    }

    public GatewayContext connectionEventsPerSecond(final long connectionEventsPerSecond)
    {
        this.connectionEventsPerSecond = connectionEventsPerSecond;
        return this;
    }

    /**
     * Events a connection may send at once above its rate; 0 for one second's worth.
     */
    public long connectionBurst()
    {
        return connectionBurst;
    }

    public GatewayContext connectionBurst(final long connectionBurst)
    {
        this.connectionBurst = connectionBurst;
        return this;
    }

    /**
     * Events per second all connections of one tenant together may send; 0 for no limit.
     */
    public long tenantEventsPerSecond()
    {
        return tenantEventsPerSecond;
    }

    public GatewayContext tenantEventsPerSecond(final long tenantEventsPerSecond)
    {
        this.tenantEventsPerSecond = tenantEventsPerSecond;
        return this;
    }

    /**
     * Events a tenant may send at once above its rate; 0 for one second's worth.
     */
    public long tenantBurst()
    {
        return tenantBurst;
    }

    public GatewayContext tenantBurst(final long tenantBurst)
    {
        this.tenantBurst = tenantBurst;
        return this;
    }

    public Map<String, TenantAccess> tenants()
    {
        return tenants;
    }

    public GatewayContext tenant(final TenantAccess access)
    {
        tenants.put(access.tenant(), access);
        return this;
    }

    private static IoEventLoopGroup nioGroup(final int threads)
    {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("firstcall-io", true), NioIoHandler.newFactory());
    }

    private static void checkRate(final String rateName, final long rate, final String burstName, final long burst)
    {
        checkMin(rateName, rate, 0);
        checkMin(burstName, burst, 0);
        if (0 == rate && 0 != burst)
        {
            throw new IllegalArgumentException(burstName + " needs " + rateName);
        }
        if (rate > 1_000_000_000L)
        {
            throw new IllegalArgumentException(rateName + " must be at most 1000000000: " + rate);
        }
    }

    private static void checkPort(final String name, final int port)
    {
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException(name + " must be 0..65535: " + port);
        }
    }

    private static void checkMin(final String name, final long value, final long min)
    {
        if (value < min)
        {
            throw new IllegalArgumentException(name + " must be >= " + min + ": " + value);
        }
    }
}
