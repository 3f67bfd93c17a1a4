package io.firstcall.gateway.tcp;

import io.firstcall.gateway.json.JsonEventDecoder;
import io.firstcall.gateway.session.ChannelEvents;
import io.firstcall.gateway.session.GatewayErrorCode;
import io.firstcall.gateway.session.JsonLineProtocol;
import io.firstcall.gateway.session.SessionChannelHandler;
import io.firstcall.gateway.session.SessionServices;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/**
 * The session end of a JSON lines connection: opens the session when the connection becomes active
 * and hands it each line. One per connection.
 */
final class JsonLineHandler extends SessionChannelHandler
{
    private JsonLineProtocol protocol;

    JsonLineHandler(final SessionServices services)
    {
        super(services);
    }

    public void channelActive(final ChannelHandlerContext ctx)
    {
        openSession(ctx, LineTransport.INSTANCE, JsonEventDecoder.MAX_ENCODED_LENGTH);
        if (null != session())
        {
            protocol = new JsonLineProtocol(session());
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
                protocol.onLine(line, services().clock().nanoTime());
            }
        }
        finally
        {
            line.release();
        }
    }

    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ChannelEvents.onException(services(), ctx, session(), cause, GatewayErrorCode.LINE_TOO_LONG);
    }
}
