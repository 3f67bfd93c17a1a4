package io.firstcall.gateway.tcp;

import io.firstcall.gateway.json.JsonEventDecoder;
import io.firstcall.gateway.session.ChannelEvents;
import io.firstcall.gateway.session.GatewayErrorCode;
import io.firstcall.gateway.session.JsonLineProtocol;
import io.firstcall.gateway.session.Session;
import io.firstcall.gateway.session.SessionServices;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The session end of a JSON lines connection: opens the session when the connection becomes active
 * and hands it each line. One per connection.
 */
final class JsonLineHandler extends ChannelInboundHandlerAdapter
{
    private final SessionServices services;
    private Session session;
    private JsonLineProtocol protocol;

    JsonLineHandler(final SessionServices services)
    {
        this.services = services;
    }

    public void channelActive(final ChannelHandlerContext ctx)
    {
        session = services.openSession(ctx.channel(), LineTransport.INSTANCE, JsonEventDecoder.MAX_ENCODED_LENGTH);
        if (null != session)
        {
            protocol = new JsonLineProtocol(session);
        }
        ctx.fireChannelActive();
    }

    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        final ByteBuf line = (ByteBuf)msg;
        try
        {
            if (null != protocol)
            {
                protocol.onLine(line, services.clock().nanoTime());
            }
        }
        finally
        {
            line.release();
        }
    }

    public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt)
    {
        if (null == session || !ChannelEvents.onUserEvent(session, evt))
        {
            ctx.fireUserEventTriggered(evt);
        }
    }

    public void channelWritabilityChanged(final ChannelHandlerContext ctx)
    {
        if (null != session)
        {
            session.onWritabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    public void channelInactive(final ChannelHandlerContext ctx)
    {
        if (null != session)
        {
            session.onInactive();
        }
        ctx.fireChannelInactive();
    }

    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ChannelEvents.onException(services, ctx, session, cause, GatewayErrorCode.LINE_TOO_LONG);
    }
}
