package io.firstcall.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import io.firstcall.gateway.session.PendingHello;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * The dashboard's end of a WebSocket at /ws, once its first message said {@code "role":"dashboard"}:
 * authenticates that hello ({@link DashboardAccess}), answers {@code welcome} with the viewer's role and
 * subscribes the connection to the {@link DashboardHub}; a hello that does not authenticate is answered
 * {@code {"type":"error","code":"unauthorized"}}, counted and closed (1008), and so is one that comes
 * too late. Later messages from the browser are ignored. One per connection.
 */
final class DashboardSocketHandler extends ChannelInboundHandlerAdapter
{
    private static final String UNAUTHORIZED =
        "{\"type\":\"error\",\"code\":\"unauthorized\",\"message\":\"unknown token, or a rep token without its tenant and rep\"}";

    private final DashboardAccess access;
    private final DashboardHub hub;
    private final GatewayCounters counters;
    private final PendingHello pendingHello;
    private boolean welcomed;

    DashboardSocketHandler(
        final DashboardAccess access, final DashboardHub hub, final GatewayCounters counters, final PendingHello pendingHello)
    {
        this.access = access;
        this.hub = hub;
        this.counters = counters;
        this.pendingHello = pendingHello;
    }

    public void handlerAdded(final ChannelHandlerContext ctx)
    {
        pendingHello.expiry((code, message, counter) ->
        {
            counters.increment(counter);
            refuse(ctx.channel(), "{\"type\":\"error\",\"code\":\"" + code.wireName() + "\"}");
        });
    }

    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        try
        {
            if (welcomed || !(msg instanceof TextWebSocketFrame))
            {
                return;
            }
            final JsonNode hello = DashboardHello.parse(((TextWebSocketFrame)msg).content());
            final Viewer viewer = null == hello ? null : access.authenticate(hello);
            if (null == viewer)
            {
                pendingHello.resolve();
                counters.increment(GatewayCounter.HELLO_FAILURES);
                refuse(ctx.channel(), UNAUTHORIZED);
                return;
            }
            welcomed = true;
            pendingHello.resolve();
            ctx.writeAndFlush(new TextWebSocketFrame(CardJson.object(g ->
            {
                g.writeStringField("type", "welcome");
                g.writeStringField("role", viewer.role());
                CardJson.stringOrNull(g, "tenant", viewer.tenant());
                CardJson.stringOrNull(g, "rep", viewer.rep());
                g.writeNumberField("maxLeads", hub.maxLeads());
            })));
            hub.subscribe(ctx.channel(), viewer);
        }
        finally
        {
            ReferenceCountUtil.release(msg);
        }
    }

    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }

    private static void refuse(final Channel channel, final String error)
    {
        if (channel.isActive())
        {
            channel.write(new TextWebSocketFrame(error));
            channel.writeAndFlush(new CloseWebSocketFrame(1008, "unauthorized")).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
