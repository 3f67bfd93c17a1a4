package io.firstcall.gateway.dashboard;

import io.firstcall.Engine;
import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.GatewayCounters;
import io.firstcall.gateway.http.OpsAccess;
import io.firstcall.gateway.metrics.TenantActivity;
import io.firstcall.gateway.projection.JournalFollower;
import io.firstcall.gateway.session.PendingHello;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.channel.EventLoop;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The live dashboard behind the HTTP port: the board's projection fed by a {@link JournalFollower}
 * on its own thread (the server's journals, read-only), the {@link DashboardHub} on an event loop that
 * serves the browsers, and the handler a WebSocket at /ws becomes when its hello says
 * {@code "role":"dashboard"}. The page itself is served by {@link DashboardAssetHandler}.
 */
public final class Dashboard implements AutoCloseable
{
    /** How often the projection's changes go out to the browsers. */
    static final long PUBLISH_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long IDLE_SLEEP_MS = 5;

    private final DashboardAccess access;
    private final GatewayCounters counters;
    private final BoardProjection projection;
    private final JournalFollower follower;
    private final AgentRunner runner;
    private final DashboardHub hub;

    private Dashboard(
        final GatewayContext context,
        final Path dataDir,
        final Engine engine,
        final GatewayCounters counters,
        final LongSupplier epochMs)
    {
        this.counters = counters;
        access = new DashboardAccess(new OpsAccess(context), context.tenants());
        final TenantActivity activity = counters.tenants();
        hub = new DashboardHub(context.dashboardMaxLeads(), epochMs, new LatencySeries(engine.histograms()),
            new SpeedFigures(activity), activity.timeToClaim()::cumulative);
        projection = new BoardProjection(context.dashboardMaxLeads());
        follower = new JournalFollower(dataDir, List.of(projection), List.of(this::publish), PUBLISH_INTERVAL_NS,
            new SystemNanoClock(), engine.errorHandler());
        runner = new AgentRunner(new SleepingMillisIdleStrategy(IDLE_SLEEP_MS), engine.errorHandler(), null, follower);
    }

    /**
     * @param epochMs the wall clock the browsers' countdowns are aligned to.
     */
    public static Dashboard create(
        final GatewayContext context, final Engine engine, final GatewayCounters counters, final LongSupplier epochMs)
    {
        return new Dashboard(context, engine.context().dataDir(), engine, counters, epochMs);
    }

    /**
     * Start following the engine's journals, and serving browsers on {@code loop}.
     */
    public void start(final EventLoop loop, final ThreadFactory threadFactory)
    {
        hub.start(loop);
        AgentRunner.startOnThread(runner, threadFactory);
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
        CloseHelper.quietClose(runner);
        hub.stop();
    }

    private void publish()
    {
        final BoardChanges changes = projection.publish();
        if (!changes.isEmpty())
        {
            hub.offer(changes);
        }
    }
}
