package io.firstcall.gateway;

import io.firstcall.gateway.session.SessionServices;
import io.firstcall.gateway.tcp.TcpSessionInitializer;
import io.firstcall.gateway.ws.HttpInitializer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Netty side of the gateway: one event loop group (NIO) that both accepts and serves, the three
 * listening channels (JSON lines, SBE, HTTP) and the accepted connections. The group has
 * {@code ioThreads} threads, one by default: on a small machine the engine thread needs the other core.
 */
final class GatewayServers
{
    /** Event loops stop as soon as their tasks are done; close() has already drained the sessions. */
    private static final long SHUTDOWN_QUIET_PERIOD_MS = 0;
    private static final long SHUTDOWN_TIMEOUT_MS = 100;
    private static final long CLOSE_TIMEOUT_MS = 5_000;

    private final EventLoopGroup group;
    private final ChannelGroup clients;
    private Channel jsonServer;
    private Channel sbeServer;
    private Channel httpServer;

    private GatewayServers(final int ioThreads)
    {
        group = new MultiThreadIoEventLoopGroup(
            ioThreads, new DefaultThreadFactory("firstcall-io", true), NioIoHandler.newFactory());
        clients = new DefaultChannelGroup("firstcall-clients", ImmediateEventExecutor.INSTANCE);
    }

    /**
     * Bind the three listeners; on failure, release what was bound and rethrow.
     */
    static GatewayServers bind(
        final GatewayContext ctx, final SessionServices services, final Supplier<ChannelHandler> opsHandler)
    {
        final GatewayServers servers = new GatewayServers(ctx.ioThreads());
        try
        {
            servers.jsonServer = servers.listen(
                ctx.host(), ctx.jsonPort(), TcpSessionInitializer.jsonLines(services, servers.clients), true);
            servers.sbeServer = servers.listen(
                ctx.host(), ctx.sbePort(), TcpSessionInitializer.sbeFrames(services, servers.clients), true);
            servers.httpServer = servers.listen(
                ctx.host(), ctx.httpPort(), new HttpInitializer(services, servers.clients, opsHandler), false);

            return servers;
        }
        catch (final RuntimeException ex)
        {
            servers.closeListeners();
            servers.shutdown();
            throw ex;
        }
    }

    int jsonPort()
    {
        return port(jsonServer);
    }

    int sbePort()
    {
        return port(sbeServer);
    }

    int httpPort()
    {
        return port(httpServer);
    }

    boolean isListening()
    {
        return jsonServer.isActive() && sbeServer.isActive() && httpServer.isActive();
    }

    /**
     * @throws IllegalStateException on an event loop thread: shutdown waits for tasks on those loops.
     */
    void checkNotOnEventLoop()
    {
        for (final EventExecutor executor : group)
        {
            if (executor.inEventLoop())
            {
                throw new IllegalStateException("close the gateway from outside its event loops");
            }
        }
    }

    /**
     * Stop accepting connections.
     */
    void closeListeners()
    {
        for (final Channel server : new Channel[]{jsonServer, sbeServer, httpServer})
        {
            if (null != server)
            {
                server.close().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
            }
        }
    }

    /**
     * Close every connection still open, then stop the event loops.
     */
    void shutdown()
    {
        clients.close().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        group.shutdownGracefully(SHUTDOWN_QUIET_PERIOD_MS, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
            .awaitUninterruptibly(CLOSE_TIMEOUT_MS);
    }

    private Channel listen(
        final String host,
        final int port,
        final ChannelInitializer<SocketChannel> initializer,
        final boolean halfClosure)
    {
        return new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.ALLOW_HALF_CLOSURE, halfClosure)
            .childHandler(initializer)
            .bind(host, port)
            .syncUninterruptibly()
            .channel();
    }

    private static int port(final Channel server)
    {
        return ((InetSocketAddress)server.localAddress()).getPort();
    }
}
