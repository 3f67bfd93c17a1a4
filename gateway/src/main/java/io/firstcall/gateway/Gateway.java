package io.firstcall.gateway;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.audit.SpeedToLeadSnapshot;
import io.firstcall.gateway.dashboard.Dashboard;
import io.firstcall.gateway.egress.Doorbell;
import io.firstcall.gateway.egress.EgressRing;
import io.firstcall.gateway.http.HttpOpsHandler;
import io.firstcall.gateway.metrics.TenantActivity;
import io.firstcall.gateway.session.DeliveryAgent;
import io.firstcall.gateway.session.RepDirectory;
import io.firstcall.gateway.session.Session;
import io.firstcall.gateway.session.SessionRegistry;
import io.firstcall.gateway.session.SessionServices;
import io.firstcall.pipeline.Topology;
import io.netty.channel.ChannelHandler;
import io.netty.util.concurrent.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;

/**
 * The firstcall server: the engine and the Netty listeners in front of it (JSON lines, SBE, HTTP with
 * a WebSocket at /ws). {@link #launch} hands the engine the {@link EgressRing} its acknowledgements and
 * outputs leave through, launches the engine (recovering its journals), binds, and starts the
 * {@link DeliveryAgent} that drains the ring on an event loop; {@link #close()} shuts down without
 * losing an acknowledged event.
 */
public final class Gateway implements AutoCloseable, OpsView
{
    private static final long SESSION_TASK_TIMEOUT_MS = 5_000;

    private final GatewayCounters counters;
    private final SessionRegistry registry;
    private final Engine engine;
    private final SessionServices services;
    private final Doorbell doorbell;
    private final EgressRing egress;
    private final GatewayServers servers;
    private final DeliveryAgent delivery;
    private final Dashboard dashboard;
    private volatile boolean closed;

    private Gateway(
        final GatewayContext gatewayCtx,
        final EngineContext engineCtx,
        final Function<OpsView, ChannelHandler> httpOpsHandlerFactory)
    {
        counters = new GatewayCounters(gatewayCtx.tenants().keySet());
        registry = new SessionRegistry(gatewayCtx.maxConnections());
        doorbell = Doorbell.open(counters.get(GatewayCounter.DOORBELL_RINGS));
        egress = new EgressRing(
            gatewayCtx.egressRingBytes(),
            Topology.PIPELINED == engineCtx.topology(),
            doorbell,
            counters.get(GatewayCounter.EGRESS_RING_FULL),
            counters.get(GatewayCounter.EGRESS_DROPPED));
        engineCtx.ackListener(egress.acks()).outputListener(egress.outputs());
        dashboard = Dashboard.create(gatewayCtx, counters, () -> engineCtx.clock().nanoTime() / 1_000_000L);
        try
        {
            engine = Engine.launch(engineCtx, List.of(dashboard.projection()));
        }
        catch (final RuntimeException ex)
        {
            doorbell.close();
            throw ex;
        }

        GatewayServers bound = null;
        try
        {
            services = new SessionServices(
                gatewayCtx,
                engine.publisher(),
                engineCtx.clock(),
                counters,
                registry,
                new RepDirectory(),
                engine.errorHandler());
            bound = GatewayServers.bind(gatewayCtx, services, () -> httpOpsHandlerFactory.apply(this), dashboard);
            servers = bound;
            delivery = DeliveryAgent.start(egress, doorbell, services, servers.deliveryLoop());
            dashboard.start(engine, servers.deliveryLoop());
        }
        catch (final RuntimeException ex)
        {
            // Nobody will drain the ring: the engine must not wait for it while it closes.
            egress.close();
            engine.close();
            if (null != bound)
            {
                bound.closeListeners();
                bound.shutdown();
            }
            doorbell.close();
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
        engineCtx.conclude();
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

    /**
     * Stop accepting, stop reading, drain the engine's ring (acknowledgements still go out), flush the
     * journals, deliver everything the engine left in the egress ring, then close every connection and
     * the event loops. Call it from outside the event loops.
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
        dashboard.close();
        engine.close();
        delivery.drain();
        onEverySession(Session::finish);
        egress.close();
        delivery.close();
        servers.shutdown();
        doorbell.close();
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
