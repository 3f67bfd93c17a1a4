package io.firstcall.gateway.ws;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.json.JsonEventDecoder;
import io.firstcall.gateway.session.ChannelEvents;
import io.firstcall.gateway.session.GatewayErrorCode;
import io.firstcall.gateway.session.JsonLineProtocol;
import io.firstcall.gateway.session.PendingHello;
import io.firstcall.gateway.session.SessionChannelHandler;
import io.firstcall.gateway.session.SessionServices;
import io.firstcall.gateway.dashboard.Dashboard;
import io.firstcall.gateway.dashboard.DashboardHello;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * The session end of a WebSocket at /ws: the same JSON lines protocol as the JSON lines port, one
 * line per text message. The session opens once the handshake completes; its hello deadline runs from
 * when the TCP connection opened. One per connection.
 */
final class WebSocketSessionHandler extends SessionChannelHandler
{
    private final PendingHello pendingHello;
    private final Dashboard dashboard;
    private JsonLineProtocol protocol;

    WebSocketSessionHandler(final SessionServices services, final PendingHello pendingHello, final Dashboard dashboard)
    {
        super(services);
        this.pendingHello = pendingHello;
        this.dashboard = dashboard;
    }

    public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt)
    {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete)
        {
            openSession(ctx, WebSocketTransport.INSTANCE, JsonEventDecoder.MAX_ENCODED_LENGTH, pendingHello);
            if (null != session())
            {
                protocol = new JsonLineProtocol(session());
            }
        }
        else
        {
            super.userEventTriggered(ctx, evt);
        }
    }

    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        try
        {
            if (null == protocol)
            {
                return;
            }

            if (msg instanceof TextWebSocketFrame && !session().isAuthenticated() && null != dashboard &&
                DashboardHello.isDashboard(((TextWebSocketFrame)msg).content()))
            {
                handOver(ctx, (TextWebSocketFrame)msg);
            }
            else if (msg instanceof TextWebSocketFrame)
            {
                protocol.onLine(((TextWebSocketFrame)msg).content(), services().clock().nanoTime());
            }
            else if (msg instanceof WebSocketFrame)
            {
                session().fail(GatewayErrorCode.UNSUPPORTED_FRAME.wireName(), null,
                    "send JSON lines protocol messages as text frames", GatewayCounter.PROTOCOL_ERRORS);
            }
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    /**
     * The first message is a dashboard's hello: the connection becomes a dashboard subscription instead
     * of a session (which has claimed nothing yet: no registry slot before a hello). It keeps its wait
     * for a hello until the dashboard handler authenticates it, and drops the idle timeout: a browser
     * only listens.
     */
    private void handOver(final ChannelHandlerContext ctx, final TextWebSocketFrame hello)
    {
        final ChannelPipeline pipeline = ctx.pipeline();
        if (null != pipeline.get("idle"))
        {
            pipeline.remove("idle");
        }
        dashboard.takeOver(pipeline, this, pendingHello, hello.retain());
    }

    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        if (cause instanceof CorruptedWebSocketFrameException)
        {
            // The frame decoder has already sent its Close frame (1009 for a message over the limit).
            final boolean tooBig =
                WebSocketCloseStatus.MESSAGE_TOO_BIG.equals(((CorruptedWebSocketFrameException)cause).closeStatus());
            services().counters().increment(tooBig ? GatewayCounter.LIMIT_BREACHES : GatewayCounter.PROTOCOL_ERRORS);
            ctx.close();
        }
        else
        {
            ChannelEvents.onException(services(), ctx, session(), cause, GatewayErrorCode.LINE_TOO_LONG);
        }
    }
}
