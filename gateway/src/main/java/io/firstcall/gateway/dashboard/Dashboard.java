package io.firstcall.gateway.dashboard;

import io.firstcall.Engine;
import io.firstcall.audit.LiveProjection;
import io.firstcall.audit.SpeedToLeadSnapshot;
import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.GatewayCounters;
import io.firstcall.gateway.http.OpsAccess;
import io.firstcall.gateway.session.PendingHello;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The live dashboard behind the HTTP port: the board's projection, fed from the server's journals by
 * the engine's projection agent ({@link #projection()}, registered before the engine launches), the
 * {@link DashboardHub} on an event loop that serves the browsers, and the handler a WebSocket at /ws
 * becomes when its hello says {@code "role":"dashboard"}. The page itself is served by
 * {@link DashboardAssetHandler}.
 */
public final class Dashboard implements AutoCloseable
{
    private final DashboardAccess access;
    private final GatewayCounters counters;
    private final DashboardHub hub;
    private final BoardFeed feed;

    private final AtomicReference<Engine> engine = new AtomicReference<>();

    private Dashboard(final GatewayContext context, final GatewayCounters counters, final LongSupplier epochMs)
    {
        this.counters = counters;
        access = new DashboardAccess(new OpsAccess(context), context.tenants());
        hub = new DashboardHub(context.dashboardMaxLeads(), epochMs, new SpeedFigures(this::speedToLead));
        feed = new BoardFeed(new BoardProjection(context.dashboardMaxLeads()), hub);
    }

    /**
     * @param epochMs the wall clock the browsers' countdowns are aligned to.
     */
    public static Dashboard create(final GatewayContext context, final GatewayCounters counters, final LongSupplier epochMs)
    {
        return new Dashboard(context, counters, epochMs);
    }

    /**
     * @return the board's read model, for the engine's projection agent ({@code EngineContext.projection}).
     */
    public LiveProjection projection()
    {
        return feed;
    }

    /**
     * Serve browsers on {@code loop}, with the engine's latency.
     */
    public void start(final Engine engine, final EventLoop loop)
    {
        this.engine.set(engine);
        hub.start(loop, new LatencySeries(engine.histograms()));
    }

    /**
     * Make a WebSocket whose first message is a dashboard hello the dashboard's: its handler replaces
     * {@code sessionHandler} and is handed the hello.
     *
     * @param hello released here.
     */
    public void takeOver(
        final ChannelPipeline pipeline, final ChannelHandler sessionHandler, final PendingHello pendingHello,
        final TextWebSocketFrame hello)
    {
        final DashboardSocketHandler handler = new DashboardSocketHandler(access, hub, counters, pendingHello);
        pipeline.replace(sessionHandler, "dashboard", handler);
        handler.channelRead(pipeline.context(handler), hello);
    }

    public void close()
    {
        hub.stop();
    }

    private SpeedToLeadSnapshot speedToLead()
    {
        final Engine running = engine.get();
        return null == running ? null : running.speedToLead().snapshot();
    }
}
