package io.firstcall.gateway.tls;

import io.firstcall.gateway.GatewayCounters;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;

import java.util.function.Supplier;

/**
 * A TLS port's pipeline: the plaintext sniffer (which becomes the TLS handler), the gate that holds
 * the connection back until the handshake succeeds, then the port's own pipeline, unchanged.
 */
public final class TlsInitializer extends ChannelInitializer<SocketChannel>
{
    /** How long a connection has to start and finish its handshake; Netty's default. */
    static final long HANDSHAKE_TIMEOUT_MS = 10_000;

    private final Supplier<SslContext> context;
    private final String listener;
    private final GatewayCounters counters;
    private final ChannelHandler inner;

    /**
     * @param context  read for each new connection, so a reload applies to the next one.
     * @param listener names the port in log lines: json, sbe or http.
     * @param inner    the port's own initializer (a sharable {@link ChannelInitializer}).
     */
    public TlsInitializer(
        final Supplier<SslContext> context,
        final String listener,
        final GatewayCounters counters,
        final ChannelHandler inner)
    {
        this.context = context;
        this.listener = listener;
        this.counters = counters;
        this.inner = inner;
    }

    protected void initChannel(final SocketChannel channel)
    {
        final ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("tls", new TlsSniffHandler(context, listener, counters, HANDSHAKE_TIMEOUT_MS));
        pipeline.addLast("tls-gate", new TlsGateHandler(listener, counters));
        pipeline.addLast(inner);
    }
}
