package io.firstcall.gateway;

import io.firstcall.gateway.dashboard.Dashboard;
import io.firstcall.gateway.session.SessionServices;
import io.firstcall.gateway.tcp.TcpSessionInitializer;
import io.firstcall.gateway.tls.ServerTls;
import io.firstcall.gateway.tls.TlsInitializer;
import io.firstcall.gateway.ws.HttpInitializer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The Netty side of the gateway: one event loop group (NIO) that both accepts and serves, the three
 * listening channels (JSON lines, SBE, HTTP) and the accepted connections. The group has
 * {@code ioThreads} threads, one by default: on a small machine the engine thread needs the other core.
 * One of its loops also delivers the engine's acknowledgements and outputs ({@link #deliveryLoop()}).
 * With TLS configured every listener's pipeline starts with the TLS handlers ({@link TlsInitializer}).
 */
final class GatewayServers
{
    /** Event loops stop as soon as their tasks are done; close() has already drained the sessions. */
    private static final long SHUTDOWN_QUIET_PERIOD_MS = 0;
    private static final long SHUTDOWN_TIMEOUT_MS = 100;
    private static final long CLOSE_TIMEOUT_MS = 5_000;

    private final IoEventLoopGroup group;
    private final ChannelGroup clients;
    private ServerTls tls;
    private Channel jsonServer;
    private Channel sbeServer;
    private Channel httpServer;

    private GatewayServers(final GatewayContext ctx)
    {
        group = ctx.ioGroupFactory().apply(ctx.ioThreads());
        clients = new DefaultChannelGroup("firstcall-clients", ImmediateEventExecutor.INSTANCE);
    }

    /**
     * Bind the three listeners; on failure, release what was bound and rethrow.
     */
    static GatewayServers bind(
        final GatewayContext ctx,
        final SessionServices services,
        final Supplier<ChannelHandler> opsHandler,
        final Dashboard dashboard)
    {
        final GatewayServers servers = new GatewayServers(ctx);
        try
        {
            servers.tls = ctx.tls().isEnabled() ? ServerTls.load(ctx.tls()) : null;
            servers.jsonServer = servers.listen(ctx.host(), ctx.jsonPort(),
                servers.secure("json", services, TcpSessionInitializer.jsonLines(services, servers.clients)), true);
            servers.sbeServer = servers.listen(ctx.host(), ctx.sbePort(),
                servers.secure("sbe", services, TcpSessionInitializer.sbeFrames(services, servers.clients)), true);
            servers.httpServer = servers.listen(ctx.host(), ctx.httpPort(),
                servers.secure("http", services, new HttpInitializer(services, servers.clients, opsHandler, dashboard)), false);
            if (null != servers.tls)
            {
                servers.tls.startReloading();
            }

            return servers;
        }
        catch (final RuntimeException ex)
        {
            servers.closeListeners();
            servers.shutdown();
            throw ex;
        }
    }

    /**
     * @return an event loop of the group, to deliver the engine's acknowledgements and outputs on.
     */
    IoEventLoop deliveryLoop()
    {
        return group.next();
    }

    /**
     * @return the listeners' TLS, or null when TLS is off.
     */
    ServerTls tls()
    {
        return tls;
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
        if (null != tls)
        {
            tls.close();
        }
        clients.close().awaitUninterruptibly(CLOSE_TIMEOUT_MS);
        group.shutdownGracefully(SHUTDOWN_QUIET_PERIOD_MS, SHUTDOWN_TIMEOUT_MS, TimeUnit.MILLISECONDS)
            .awaitUninterruptibly(CLOSE_TIMEOUT_MS);
    }

    /**
     * @return the port's initializer, behind the TLS handlers when TLS is on; the HTTP port gets the
     * context that never asks for a client certificate.
     */
    private ChannelInitializer<SocketChannel> secure(
        final String listener, final SessionServices services, final ChannelInitializer<SocketChannel> initializer)
    {
        if (null == tls)
        {
            return initializer;
        }
        final ServerTls serverTls = tls;
        return "http".equals(listener) ?
            new TlsInitializer(serverTls::httpContext, listener, services.counters(), initializer) :
            new TlsInitializer(serverTls::sourcesContext, listener, services.counters(), initializer);
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
