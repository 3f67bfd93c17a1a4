package io.firstcall.gateway.tls;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;

import javax.net.ssl.SSLException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Right after the TLS handler: the handlers behind it see the connection become active only once the
 * handshake has succeeded, so a session never opens, and nothing is written, before the connection
 * is encrypted. A failed handshake (no client certificate when one is required, a protocol below
 * TLS 1.2, an untrusted certificate) is counted, logged in one line and the connection closed; TLS
 * errors never reach the protocol handlers. One per connection.
 */
final class TlsGateHandler extends ChannelInboundHandlerAdapter
{
    private static final Logger LOG = System.getLogger("firstcall.tls");

    private final String listener;
    private final GatewayCounters counters;
    private boolean active;
    private boolean handshaken;
    private boolean failed;

    TlsGateHandler(final String listener, final GatewayCounters counters)
    {
        this.listener = listener;
        this.counters = counters;
    }

    public void channelActive(final ChannelHandlerContext ctx)
    {
        active = true;
        if (handshaken)
        {
            ctx.fireChannelActive();
        }
    }

    public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt)
    {
        if (!(evt instanceof SslHandshakeCompletionEvent))
        {
            ctx.fireUserEventTriggered(evt);
            return;
        }

        final SslHandshakeCompletionEvent completion = (SslHandshakeCompletionEvent)evt;
        if (completion.isSuccess())
        {
            handshaken = true;
            if (active)
            {
                ctx.fireChannelActive();
            }
        }
        else
        {
            onFailure(ctx, completion.cause());
        }
    }

    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (isTlsFailure(cause))
        {
            if (handshaken)
            {
                counters.increment(GatewayCounter.CONNECTION_ERRORS);
                ctx.close();
            }
            else
            {
                onFailure(ctx, cause);
            }
        }
        else
        {
            ctx.fireExceptionCaught(cause);
        }
    }

    private void onFailure(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (!failed)
        {
            failed = true;
            counters.increment(GatewayCounter.TLS_HANDSHAKE_FAILURES);
            LOG.log(Level.WARNING, "TLS handshake from " + ctx.channel().remoteAddress() + " on the " + listener +
                " port failed: " + reason(cause));
        }
        ctx.close();
    }

    private static boolean isTlsFailure(final Throwable cause)
    {
        for (Throwable t = cause; null != t; t = t.getCause())
        {
            if (t instanceof SSLException || t instanceof NotSslRecordException)
            {
                return true;
            }
        }
        return false;
    }

    private static String reason(final Throwable cause)
    {
        Throwable root = cause;
        while (null != root.getCause() && root.getCause() != root)
        {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
