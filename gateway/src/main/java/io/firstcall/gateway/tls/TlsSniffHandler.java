package io.firstcall.gateway.tls;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * First in a TLS port's pipeline: looks at the first five bytes of a connection. A TLS record header
 * replaces this handler with an {@link SslHandler} of the current context (so a reloaded certificate
 * is used by every connection accepted after the swap); anything else is a plaintext client, which
 * is counted, logged once and closed without a byte of it reaching the protocol. A connection that
 * sends nothing is closed after the handshake timeout. One per connection.
 */
final class TlsSniffHandler extends ByteToMessageDecoder
{
    /** A TLS record header: type, version (2), length (2). */
    private static final int RECORD_HEADER_LENGTH = 5;
    private static final Logger LOG = System.getLogger("firstcall.tls");

    private final Supplier<SslContext> context;
    private final String listener;
    private final GatewayCounters counters;
    private final long handshakeTimeoutMs;
    private ScheduledFuture<?> timeout;

    TlsSniffHandler(
        final Supplier<SslContext> context,
        final String listener,
        final GatewayCounters counters,
        final long handshakeTimeoutMs)
    {
        this.context = context;
        this.listener = listener;
        this.counters = counters;
        this.handshakeTimeoutMs = handshakeTimeoutMs;
    }

    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        timeout = ctx.executor().schedule(() ->
        {
            counters.increment(GatewayCounter.TLS_HANDSHAKE_FAILURES);
            ctx.close();
        }, handshakeTimeoutMs, TimeUnit.MILLISECONDS);
    }

    protected void handlerRemoved0(final ChannelHandlerContext ctx)
    {
        timeout.cancel(false);
    }

    protected void decode(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out)
    {
        if (in.readableBytes() < RECORD_HEADER_LENGTH)
        {
            return;
        }

        if (SslHandler.isEncrypted(in, false))
        {
            final SslHandler ssl = context.get().newHandler(ctx.alloc());
            ssl.setHandshakeTimeoutMillis(handshakeTimeoutMs);
            // The bytes read so far are handed to the SslHandler as this handler leaves.
            ctx.pipeline().replace(this, "ssl", ssl);
        }
        else
        {
            in.skipBytes(in.readableBytes());
            counters.increment(GatewayCounter.TLS_PLAINTEXT_REFUSED);
            LOG.log(Level.WARNING, "plaintext connection from " + ctx.channel().remoteAddress() + " to the TLS " +
                listener + " port closed");
            ctx.close();
        }
    }
}
