package io.firstcall.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every gateway setting, with defaults and a system property under {@code firstcall.gateway.};
 * the fluent setters (and the configuration file) override both. {@link #conclude()} validates
 * once at launch. A port of 0 binds an ephemeral port (tests); {@link Gateway} reports the bound one.
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

    public Map<String, TenantAccess> tenants()
    {
        return tenants;
    }

    public GatewayContext tenant(final TenantAccess access)
    {
        tenants.put(access.tenant(), access);
        return this;
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
