package io.firstcall.gateway.session;

import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import io.firstcall.gateway.limit.TenantTrafficTable;
import io.firstcall.pipeline.IngestPublisher;
import io.netty.channel.Channel;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.EpochNanoClock;

/**
 * What every session of one gateway shares: settings, the way into the engine, the clock, counters,
 * the session table, the rep directory, the authenticator and the tenants' rate limits. Built once at launch.
 */
public final class SessionServices
{
    private final GatewayContext context;
    private final IngestPublisher publisher;
    private final EpochNanoClock clock;
    private final GatewayCounters counters;
    private final SessionRegistry registry;
    private final RepDirectory repDirectory;
    private final Authenticator authenticator;
    private final TenantTrafficTable tenantTraffic;
    private final ErrorHandler errorHandler;
    private volatile boolean shuttingDown;

    public SessionServices(
        final GatewayContext context,
        final IngestPublisher publisher,
        final EpochNanoClock clock,
        final GatewayCounters counters,
        final SessionRegistry registry,
        final RepDirectory repDirectory,
        final ErrorHandler errorHandler)
    {
        this.context = context;
        this.publisher = publisher;
        this.clock = clock;
        this.counters = counters;
        this.registry = registry;
        this.repDirectory = repDirectory;
        this.authenticator = new Authenticator(context.tenants());
        this.tenantTraffic = new TenantTrafficTable(context);
        this.errorHandler = errorHandler;
    }

    public GatewayContext context()
    {
        return context;
    }

    public IngestPublisher publisher()
    {
        return publisher;
    }

    public EpochNanoClock clock()
    {
        return clock;
    }

    public GatewayCounters counters()
    {
        return counters;
    }

    public SessionRegistry registry()
    {
        return registry;
    }

    public RepDirectory repDirectory()
    {
        return repDirectory;
    }

    /**
     * @return where faults of the gateway itself go (the engine's counted, distinct error log).
     */
    public ErrorHandler errorHandler()
    {
        return errorHandler;
    }

    Authenticator authenticator()
    {
        return authenticator;
    }

    /**
     * @return each tenant's rate limit and counters.
     */
    public TenantTrafficTable tenantTraffic()
    {
        return tenantTraffic;
    }

    /**
     * From now on new connections are refused: the gateway is closing.
     */
    public void shutDown()
    {
        shuttingDown = true;
    }

    /**
     * Open a session for a new connection, or refuse the connection (answered and closed) when the
     * gateway is at its connection limit or shutting down. Event loop only.
     *
     * @param eventBufferBytes the largest event the transport decodes into the session's event buffer.
     * @return the session, or null when refused.
     */
    public Session openSession(final Channel channel, final SessionTransport transport, final int eventBufferBytes)
    {
        if (shuttingDown)
        {
            refuse(channel, transport, GatewayErrorCode.SHUTTING_DOWN, "the gateway is shutting down", null);
            return null;
        }

        final long connectionId = registry.claim();
        if (connectionId < 0)
        {
            refuse(channel, transport, GatewayErrorCode.TOO_MANY_CONNECTIONS,
                "the gateway is at its limit of " + context.maxConnections() + " connections",
                GatewayCounter.LIMIT_BREACHES);
            return null;
        }

        final Session session = new Session(connectionId, this, channel, transport, eventBufferBytes);
        registry.activate(session);
        counters.increment(GatewayCounter.CONNECTIONS_OPEN);
        counters.increment(GatewayCounter.CONNECTIONS_TOTAL);

        return session;
    }

    /**
     * Answer a connection that gets no session with one error, then close it. Event loop only.
     *
     * @param counter to count it in, or null.
     */
    private void refuse(
        final Channel channel,
        final SessionTransport transport,
        final GatewayErrorCode code,
        final String message,
        final GatewayCounter counter)
    {
        if (null != counter)
        {
            counters.increment(counter);
        }
        final LoopResources loop = LoopResources.current();
        final int length = loop.encoder().error(null, 0, 0, code.wireName(), null, message);
        transport.write(channel, loop.encoder().buffer(), 0, length);
        transport.close(channel);
    }
}
