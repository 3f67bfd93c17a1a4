package io.firstcall.gateway.ws;

import io.firstcall.gateway.http.OpsAccess;
import io.firstcall.gateway.http.OpsAuthHandler;
import io.firstcall.gateway.session.SessionServices;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.timeout.IdleStateHandler;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Decides what an HTTP connection is from its first request: a WebSocket upgrade to {@value #WEBSOCKET_PATH}
 * turns the pipeline into a WebSocket session; anything else goes to the ops handler, behind the
 * {@link OpsAuthHandler}, which then serve the rest of the connection. An upgrade that carries an
 * Authorization header must hold a token of the gateway (else 401, no upgrade); without one the
 * hello authenticates, as on the TCP port. Removes itself either way. One per connection.
 */
final class HttpRouter extends ChannelInboundHandlerAdapter
{
    static final String WEBSOCKET_PATH = "/ws";

    private final SessionServices services;
    private final Supplier<ChannelHandler> opsHandler;
    private final OpsAccess access;

    HttpRouter(final SessionServices services, final Supplier<ChannelHandler> opsHandler, final OpsAccess access)
    {
        this.services = services;
        this.opsHandler = opsHandler;
        this.access = access;
    }

    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        final ChannelPipeline pipeline = ctx.pipeline();
        if (msg instanceof FullHttpRequest && isWebSocketUpgrade((FullHttpRequest)msg))
        {
            final FullHttpRequest upgrade = (FullHttpRequest)msg;
            if (!access.admitsWebSocket(upgrade.headers().get(HttpHeaderNames.AUTHORIZATION)))
            {
                OpsAuthHandler.refuse(ctx, upgrade, services.counters(), HttpResponseStatus.UNAUTHORIZED);
                return;
            }

            final int maxLineBytes = services.context().maxLineBytes();
            final WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(WEBSOCKET_PATH)
                .checkStartsWith(false)
                .decoderConfig(WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(maxLineBytes).build())
                .build();

            pipeline.addFirst("idle", new IdleStateHandler(
                services.context().idleTimeoutMs(), 0, 0, TimeUnit.MILLISECONDS));
            pipeline.addAfter(ctx.name(), "ws-protocol", new WebSocketServerProtocolHandler(config));
            pipeline.addAfter("ws-protocol", "ws-messages", new WebSocketFrameAggregator(maxLineBytes));
            pipeline.addAfter("ws-messages", "flow", new FlowControlHandler());
            pipeline.addAfter("flow", "session", new WebSocketSessionHandler(services));
        }
        else
        {
            pipeline.addAfter(ctx.name(), "ops-auth", new OpsAuthHandler(access, services.counters()));
            pipeline.addAfter("ops-auth", "ops", opsHandler.get());
        }

        ctx.fireChannelRead(msg);
        pipeline.remove(this);
    }

    private static boolean isWebSocketUpgrade(final FullHttpRequest request)
    {
        return request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true) &&
            request.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true) &&
            WEBSOCKET_PATH.equals(new QueryStringDecoder(request.uri()).path());
    }
}
