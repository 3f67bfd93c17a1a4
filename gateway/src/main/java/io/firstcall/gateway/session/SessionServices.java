package io.firstcall.gateway.session;

import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.GatewayCounters;
import io.firstcall.gateway.limit.RateLimits;
import io.firstcall.pipeline.IngestPublisher;
import io.netty.channel.Channel;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.EpochNanoClock;

/**
 * What every session of one gateway shares: settings, the way into the engine, the clock, counters,
 * the table of authenticated sessions, the connections still waiting for their hello, the rep
 * directory, the authenticator and the tenants' rate limits. Built once at launch.
 */
public final class SessionServices
{
    private final GatewayContext context;
    private final IngestPublisher publisher;
    private final EpochNanoClock clock;
    private final GatewayCounters counters;
    private final SessionRegistry registry;
    private final RepDirectory repDirectory;
    private final PendingHellos pendingHellos;
    private final Authenticator authenticator;
    private final RateLimits rateLimits;
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
        this.pendingHellos = new PendingHellos(context.maxUnauthenticated(), context.helloTimeoutMs(), counters);
        this.authenticator = new Authenticator(context.tenants());
        this.rateLimits = new RateLimits(context, counters.tenants());
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
     * @return the connections waiting for their hello; a transport that opens its session after the
     * connection does (the WebSocket) admits the connection here first.
     */
    public PendingHellos pendingHellos()
    {
        return pendingHellos;
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
     * @return each tenant's rate limit.
     */
    public RateLimits rateLimits()
    {
        return rateLimits;
    }

    /**
     * From now on new connections and hellos are refused: the gateway is closing.
     */
    public void shutDown()
    {
        shuttingDown = true;
    }

    public boolean isShuttingDown()
    {
        return shuttingDown;
    }

    /**
     * Open a session for a connection that has just opened, or refuse it (answered and closed) when the
     * gateway is shutting down. The session takes no slot of {@code max.connections} until its hello.
     * Event loop only.
     *
     * @param eventBufferBytes the largest event the transport decodes into the session's event buffer.
     * @return the session, or null when refused.
     */
    public Session openSession(final Channel channel, final SessionTransport transport, final int eventBufferBytes)
    {
        if (shuttingDown)
        {
            refuse(channel, transport, GatewayErrorCode.SHUTTING_DOWN, "the gateway is shutting down");
            return null;
        }

        return openSession(channel, transport, eventBufferBytes, pendingHellos.admit(channel));
    }

    /**
     * As {@link #openSession(Channel, SessionTransport, int)}, for a connection whose wait for its hello
     * began earlier (a WebSocket: when the TCP connection opened, before the upgrade).
     */
    public Session openSession(
        final Channel channel, final SessionTransport transport, final int eventBufferBytes, final PendingHello pending)
    {
        if (shuttingDown)
        {
            refuse(channel, transport, GatewayErrorCode.SHUTTING_DOWN, "the gateway is shutting down");
            return null;
        }

        final Session session = new Session(this, channel, transport, eventBufferBytes, pending);
        pending.expiry((code, message, counter) ->
        {
            // Past its hello it is no longer pending; a failing session is closing already.
            if (!session.isAuthenticated())
            {
                session.fail(code.wireName(), null, message, counter);
            }
        });
        return session;
    }

    /**
     * Answer a connection that gets no session with one error, then close it. Event loop only.
     */
    private static void refuse(
        final Channel channel, final SessionTransport transport, final GatewayErrorCode code, final String message)
    {
        final LoopResources loop = LoopResources.current();
        final int length = loop.encoder().error(null, 0, 0, code.wireName(), null, message);
        transport.write(channel, loop.encoder().buffer(), 0, length);
        transport.close(channel);
    }
}
