package io.firstcall.gateway.ws;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.dashboard.Dashboard;
import io.firstcall.gateway.dashboard.DashboardAssetHandler;
import io.firstcall.gateway.session.GatewayErrorCode;
import io.firstcall.gateway.session.PendingHello;
import io.firstcall.gateway.http.OpsAccess;
import io.firstcall.gateway.http.OpsAuthHandler;
import io.firstcall.gateway.session.SessionServices;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Decides what an HTTP connection is from its first request: a WebSocket upgrade to {@value #WEBSOCKET_PATH}
 * turns the pipeline into a WebSocket session (or the dashboard's, {@link WebSocketSessionHandler});
 * anything else goes to the dashboard's page ({@link DashboardAssetHandler}, no token: it holds no data)
 * and then the ops handler, behind the {@link OpsAuthHandler}, which then serve the rest of the connection. An upgrade that carries an
 * Authorization header must hold a token of the gateway (else 401, no upgrade); without one the
 * hello authenticates, as on the TCP port. Removes itself either way. One per connection.
 * <p>
 * Until its first request is complete a connection might become a session, so it waits among the
 * {@link io.firstcall.gateway.session.PendingHellos} from the moment it opens: a WebSocket carries the
 * wait on to its hello; an ops request ends it (ops requests are not sessions). A connection that sends
 * no complete request by the hello deadline is answered 408, one pushed out by newer connections 503.
 */
final class HttpRouter extends ChannelInboundHandlerAdapter
{
    static final String WEBSOCKET_PATH = "/ws";

    private final SessionServices services;
    private final Supplier<ChannelHandler> opsHandler;
    private final OpsAccess access;
    private final Dashboard dashboard;
    private final DashboardAssetHandler assets;
    private PendingHello pendingHello;

    HttpRouter(
        final SessionServices services,
        final Supplier<ChannelHandler> opsHandler,
        final OpsAccess access,
        final Dashboard dashboard,
        final DashboardAssetHandler assets)
    {
        this.services = services;
        this.opsHandler = opsHandler;
        this.access = access;
        this.dashboard = dashboard;
        this.assets = assets;
    }

    public void channelActive(final ChannelHandlerContext ctx)
    {
        if (services.isShuttingDown())
        {
            ctx.close();
            return;
        }

        pendingHello = services.pendingHellos().admit(ctx.channel());
        pendingHello.expiry((code, message, counter) -> onHelloExpired(ctx, code, counter));
        ctx.fireChannelActive();
    }

    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (null == pendingHello)
        {
            ReferenceCountUtil.release(msg);
            return;
        }

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
            // Netty's UTF-8 check would close a bad text message with status 1007 and no answer; the
            // JSON lines codec checks as strictly and answers malformed_json, as on the TCP port.
            final WebSocketServerProtocolConfig config = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(WEBSOCKET_PATH)
                .checkStartsWith(false)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                    .maxFramePayloadLength(maxLineBytes)
                    .withUTF8Validator(false)
                    .build())
                .build();

            pipeline.addFirst("idle", new IdleStateHandler(
                services.context().idleTimeoutMs(), 0, 0, TimeUnit.MILLISECONDS));
            pipeline.addAfter(ctx.name(), "ws-protocol", new WebSocketServerProtocolHandler(config));
            pipeline.addAfter("ws-protocol", "ws-messages", new WebSocketFrameAggregator(maxLineBytes));
            pipeline.addAfter("ws-messages", "flow", new FlowControlHandler());
            pipeline.addAfter("flow", "session", new WebSocketSessionHandler(services, pendingHello, dashboard));
            // Until the handshake completes and the session takes the wait over, an expiry just closes.
            pendingHello.expiry(null);
        }
        else
        {
            pendingHello.resolve();
            pipeline.addAfter(ctx.name(), "dashboard-page", assets);
            pipeline.addAfter("dashboard-page", "ops-auth", new OpsAuthHandler(access, services.counters()));
            pipeline.addAfter("ops-auth", "ops", opsHandler.get());
        }

        ctx.fireChannelRead(msg);
        pipeline.remove(this);
    }

    private void onHelloExpired(final ChannelHandlerContext ctx, final GatewayErrorCode code, final GatewayCounter counter)
    {
        if (!ctx.channel().isActive())
        {
            return;
        }

        services.counters().increment(counter);
        final HttpResponseStatus status = GatewayErrorCode.HELLO_TIMEOUT == code ?
            HttpResponseStatus.REQUEST_TIMEOUT : HttpResponseStatus.SERVICE_UNAVAILABLE;
        final byte[] body = ("{\"error\":\"" + code.wireName() + "\"}\n").getBytes(StandardCharsets.US_ASCII);
        final FullHttpResponse response = new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
            .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
            .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static boolean isWebSocketUpgrade(final FullHttpRequest request)
    {
        return request.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true) &&
            request.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true) &&
            WEBSOCKET_PATH.equals(new QueryStringDecoder(request.uri()).path());
    }
}
