package io.firstcall.gateway.ws;

import io.firstcall.gateway.dashboard.Dashboard;
import io.firstcall.gateway.dashboard.DashboardAssetHandler;
import io.firstcall.gateway.http.OpsAccess;
import io.firstcall.gateway.session.SessionServices;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

import java.util.function.Supplier;

/**
 * The HTTP port's pipeline, in order: HTTP codec, aggregation into full requests (64 KiB), then the
 * router that makes the connection a WebSocket session (/ws; a dashboard's once its hello says so) or
 * hands it to the dashboard's page and the ops handler behind its bearer token check, and that holds it to the hello deadline until its first request is complete.
 */
public final class HttpInitializer extends ChannelInitializer<SocketChannel>
{
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final SessionServices services;
    private final ChannelGroup clients;
    private final Supplier<ChannelHandler> opsHandler;
    private final OpsAccess access;
    private final Dashboard dashboard;
    private final DashboardAssetHandler assets = new DashboardAssetHandler();

    /**
     * @param clients    every accepted connection is added, so shutdown can close them all.
     * @param opsHandler makes the handler for a connection's non-WebSocket requests; it receives
     *                   {@link io.netty.handler.codec.http.FullHttpRequest}s.
     * @param dashboard  takes over a WebSocket whose hello is the dashboard's.
     */
    public HttpInitializer(
        final SessionServices services,
        final ChannelGroup clients,
        final Supplier<ChannelHandler> opsHandler,
        final Dashboard dashboard)
    {
        this.dashboard = dashboard;
        this.services = services;
        this.clients = clients;
        this.opsHandler = opsHandler;
        this.access = new OpsAccess(services.context());
    }

    protected void initChannel(final SocketChannel channel)
    {
        clients.add(channel);
        final ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("http", new HttpServerCodec());
        pipeline.addLast("aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES));
        pipeline.addLast("router", new HttpRouter(services, opsHandler, access, dashboard, assets));
    }
}
