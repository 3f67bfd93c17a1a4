package io.firstcall.gateway.tcp;

import io.firstcall.gateway.session.SessionServices;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.timeout.IdleStateHandler;

import java.util.concurrent.TimeUnit;

/**
 * The JSON lines port's pipeline, in order: idle timeout, line framing, flow control (holds decoded
 * lines while the session has stopped reading), the session.
 */
public final class JsonLineInitializer extends ChannelInitializer<SocketChannel>
{
    private final SessionServices services;
    private final ChannelGroup clients;

    /**
     * @param clients every accepted connection is added, so shutdown can close them all.
     */
    public JsonLineInitializer(final SessionServices services, final ChannelGroup clients)
    {
        this.services = services;
        this.clients = clients;
    }

    protected void initChannel(final SocketChannel channel)
    {
        clients.add(channel);
        final ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("idle", new IdleStateHandler(
            services.context().idleTimeoutMs(), 0, 0, TimeUnit.MILLISECONDS));
        pipeline.addLast("lines", new JsonLineDecoder(services.context().maxLineBytes()));
        pipeline.addLast("flow", new FlowControlHandler());
        pipeline.addLast("session", new JsonLineHandler(services));
    }
}
