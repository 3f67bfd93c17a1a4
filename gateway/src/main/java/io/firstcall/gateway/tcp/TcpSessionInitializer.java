package io.firstcall.gateway.tcp;

import io.firstcall.gateway.session.SessionServices;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.timeout.IdleStateHandler;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A TCP port's pipeline, in order: idle timeout, framing (lines or length-prefixed frames), flow
 * control (holds decoded messages while the session has stopped reading), the session.
 */
public final class TcpSessionInitializer extends ChannelInitializer<SocketChannel>
{
    private final SessionServices services;
    private final ChannelGroup clients;
    private final Supplier<ChannelHandler> framing;
    private final Function<SessionServices, ChannelHandler> session;

    private TcpSessionInitializer(
        final SessionServices services,
        final ChannelGroup clients,
        final Supplier<ChannelHandler> framing,
        final Function<SessionServices, ChannelHandler> session)
    {
        this.services = services;
        this.clients = clients;
        this.framing = framing;
        this.session = session;
    }

    /**
     * The JSON lines port.
     *
     * @param clients every accepted connection is added, so shutdown can close them all.
     */
    public static TcpSessionInitializer jsonLines(final SessionServices services, final ChannelGroup clients)
    {
        final int maxLineBytes = services.context().maxLineBytes();
        return new TcpSessionInitializer(services, clients, () -> new JsonLineDecoder(maxLineBytes), JsonLineHandler::new);
    }

    /**
     * The SBE port.
     *
     * @param clients every accepted connection is added, so shutdown can close them all.
     */
    public static TcpSessionInitializer sbeFrames(final SessionServices services, final ChannelGroup clients)
    {
        final int maxFrameBytes = services.context().maxFrameBytes();
        return new TcpSessionInitializer(services, clients, () -> new SbeFrameDecoder(maxFrameBytes), SbeFrameHandler::new);
    }

    protected void initChannel(final SocketChannel channel)
    {
        clients.add(channel);
        final ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("idle", new IdleStateHandler(
            services.context().idleTimeoutMs(), 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast("framing", framing.get());
        pipeline.addLast("flow", new FlowControlHandler());
        pipeline.addLast("session", session.apply(services));
    }
}
