package io.firstcall.gateway;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.audit.SpeedToLeadSnapshot;
import io.firstcall.gateway.http.HttpOpsHandler;
import io.firstcall.gateway.metrics.TenantActivity;
import io.firstcall.gateway.session.AckRouter;
import io.firstcall.gateway.session.RepDirectory;
import io.firstcall.gateway.session.RepPushRouter;
import io.firstcall.gateway.session.Session;
import io.firstcall.gateway.session.SessionRegistry;
import io.firstcall.gateway.session.SessionServices;
import io.netty.channel.ChannelHandler;
import io.netty.util.concurrent.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;

/**
 * The firstcall server: the engine and the Netty listeners in front of it (JSON lines, SBE, HTTP with
 * a WebSocket at /ws). {@link #launch} wires acknowledgements and outputs from the engine to the
 * sessions, launches the engine (recovering its journals), then binds; {@link #close()} shuts down
 * without losing an acknowledged event.
 */
public final class Gateway implements AutoCloseable, OpsView
{
    private static final long SESSION_TASK_TIMEOUT_MS = 5_000;

    private final GatewayCounters counters;
    private final SessionRegistry registry;
    private final Engine engine;
    private final SessionServices services;
    private final GatewayServers servers;
    private volatile boolean closed;

    private Gateway(
        final GatewayContext gatewayCtx,
        final EngineContext engineCtx,
        final Function<OpsView, ChannelHandler> httpOpsHandlerFactory)
    {
        counters = new GatewayCounters(gatewayCtx.tenants().keySet());
        registry = new SessionRegistry(gatewayCtx.maxConnections());
        final RepDirectory repDirectory = new RepDirectory();
        engineCtx.ackListener(new AckRouter(registry))
            .outputListener(new RepPushRouter(repDirectory, counters.tenants()));
        engine = Engine.launch(engineCtx);

        try
        {
            services = new SessionServices(
                gatewayCtx,
                engine.publisher(),
                engineCtx.clock(),
                counters,
                registry,
                repDirectory,
                engine.errorHandler());
            servers = GatewayServers.bind(gatewayCtx, services, () -> httpOpsHandlerFactory.apply(this));
        }
        catch (final RuntimeException ex)
        {
            engine.close();
            throw ex;
        }
    }

    /**
     * Launch the engine (recovering its journals), then bind the JSON, SBE and HTTP listeners; HTTP
     * requests other than the WebSocket upgrade go to the ops endpoints ({@link HttpOpsHandler}).
     */
    public static Gateway launch(final GatewayContext gatewayCtx, final EngineContext engineCtx)
    {
        return launch(gatewayCtx, engineCtx, HttpOpsHandler::new);
    }

    /**
     * As {@link #launch(GatewayContext, EngineContext)}, with the handler of HTTP requests other than
     * the WebSocket upgrade.
     *
     * @param httpOpsHandlerFactory called once per HTTP connection; the handler receives
     *                              {@link io.netty.handler.codec.http.FullHttpRequest}s.
     */
    public static Gateway launch(
        final GatewayContext gatewayCtx,
        final EngineContext engineCtx,
        final Function<OpsView, ChannelHandler> httpOpsHandlerFactory)
    {
        gatewayCtx.conclude();
        return new Gateway(gatewayCtx, engineCtx, httpOpsHandlerFactory);
    }

    public Engine engine()
    {
        return engine;
    }

    public int jsonPort()
    {
        return servers.jsonPort();
    }

    public int sbePort()
    {
        return servers.sbePort();
    }

    public int httpPort()
    {
        return servers.httpPort();
    }

    /**
     * @return true when every listener speaks TLS.
     */
    public boolean isTlsEnabled()
    {
        return null != servers.tls();
    }

    /**
     * Check the TLS certificate and key files now, as the reload timer does, and load them for new
     * connections if they changed.
     *
     * @return true when a new certificate was loaded; false when TLS is off, nothing changed or the new
     * files do not load (the previous certificate then stays, and the failure is logged).
     */
    public boolean reloadTlsIfChanged()
    {
        return null != servers.tls() && servers.tls().reloadIfChanged();
    }

    /**
     * @return the gateway's counters (connections, errors, back-pressure, acks, pushes).
     */
    public GatewayCounters counters()
    {
        return counters;
    }

    /**
     * Healthy while every listener accepts connections, the gateway is not closing and the engine
     * reports no problem (journals appending, disk space above its minimum).
     */
    public List<String> healthProblems()
    {
        final List<String> problems = new ArrayList<>();
        final GatewayServers servers = this.servers;
        if (closed)
        {
            problems.add("gateway: shutting down");
        }
        else if (null == servers || !servers.isListening())
        {
            problems.add("gateway: a listener does not accept connections");
        }
        problems.addAll(engine.health().problems());
        return problems;
    }

    public void forEachGatewayCounter(final ObjLongConsumer<String> consumer)
    {
        counters.forEachCount(consumer);
    }

    public void forEachGatewayGauge(final ObjLongConsumer<String> consumer)
    {
        counters.forEachGauge(consumer);
    }

    public TenantActivity tenantActivity()
    {
        return counters.tenants();
    }

    public SpeedToLeadSnapshot speedToLead()
    {
        return engine.speedToLead().snapshot();
    }

    public void forEachTenant(final Consumer<String> consumer)
    {
        services.tenantTraffic().tenants().forEach(consumer);
    }

    public void forEachTenantCounter(final String tenant, final ObjLongConsumer<String> consumer)
    {
        services.tenantTraffic().forEachCounter(tenant, consumer);
    }

    /**
     * Stop accepting, stop reading, drain the ring (acknowledgements still go out), flush the journals,
     * then close every connection and the event loops. Call it from outside the event loops.
     */
    public void close()
    {
        if (closed)
        {
            return;
        }

        servers.checkNotOnEventLoop();
        closed = true;
        services.shutDown();
        servers.closeListeners();
        onEverySession(Session::stopIntake);
        engine.close();
        onEverySession(Session::finish);
        servers.shutdown();
    }

    /**
     * Run an action for each live session on its own event loop and wait for them all.
     */
    private void onEverySession(final Consumer<Session> action)
    {
        final List<Future<?>> done = new ArrayList<>();
        registry.forEach((session) -> done.add(session.channel().eventLoop().submit(() -> action.accept(session))));
        for (final Future<?> future : done)
        {
            future.awaitUninterruptibly(SESSION_TASK_TIMEOUT_MS);
        }
    }
}
