package io.firstcall.gateway.http;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * In front of the ops handler, request by request: {@code Authorization: Bearer <token>} is required
 * on every path but those left open by configuration (/health and /metrics by default). The operator's
 * token opens every path; a tenant's token opens {@value HttpOpsHandler#STATS_PATH} (its own figures
 * only) and {@value HttpOpsHandler#HEALTH_PATH}; anything else, /latency included (one histogram of
 * every tenant's traffic), is the operator's, and so is any path added later. A missing or unknown
 * token is answered 401 with {@code WWW-Authenticate: Bearer}, a tenant token on an operator path 403;
 * neither echoes the token, and both are counted. The principal is left in {@link OpsPrincipal#KEY}.
 * One per connection.
 */
public final class OpsAuthHandler extends ChannelInboundHandlerAdapter
{
    private static final Set<String> TENANT_PATHS = Set.of(HttpOpsHandler.STATS_PATH, HttpOpsHandler.HEALTH_PATH);
    private static final String CHALLENGE = "Bearer realm=\"firstcall\"";
    private static final byte[] UNAUTHORIZED_BODY = "{\"error\":\"unauthorized\"}\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FORBIDDEN_BODY = "{\"error\":\"forbidden\"}\n".getBytes(StandardCharsets.US_ASCII);

    private final OpsAccess access;
    private final GatewayCounters counters;

    public OpsAuthHandler(final OpsAccess access, final GatewayCounters counters)
    {
        this.access = access;
        this.counters = counters;
    }

    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (!(msg instanceof FullHttpRequest) || !((FullHttpRequest)msg).decoderResult().isSuccess())
        {
            // The ops handler answers a request it cannot read with 400, which reveals nothing.
            ctx.channel().attr(OpsPrincipal.KEY).set(null);
            ctx.fireChannelRead(msg);
            return;
        }

        final FullHttpRequest request = (FullHttpRequest)msg;
        final String path = new QueryStringDecoder(request.uri()).path();
        final OpsPrincipal principal = access.authenticate(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        if (null == principal && !access.isOpen(path))
        {
            refuse(ctx, request, counters, HttpResponseStatus.UNAUTHORIZED);
        }
        else if (null != principal && !principal.isOperator() && !TENANT_PATHS.contains(path) && !access.isOpen(path))
        {
            refuse(ctx, request, counters, HttpResponseStatus.FORBIDDEN);
        }
        else
        {
            ctx.channel().attr(OpsPrincipal.KEY).set(principal);
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * Answer 401 (with the Bearer challenge) or 403, count it, and release the request.
     */
    public static void refuse(
        final ChannelHandlerContext ctx,
        final FullHttpRequest request,
        final GatewayCounters counters,
        final HttpResponseStatus status)
    {
        counters.increment(GatewayCounter.OPS_UNAUTHORIZED);
        final byte[] body = HttpResponseStatus.UNAUTHORIZED.equals(status) ? UNAUTHORIZED_BODY : FORBIDDEN_BODY;
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        final ByteBuf content = ctx.alloc().buffer(body.length).writeBytes(body);
        final FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), status, content);
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, OpsJson.CONTENT_TYPE)
            .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        if (HttpResponseStatus.UNAUTHORIZED.equals(status))
        {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, CHALLENGE);
        }
        HttpUtil.setContentLength(response, body.length);
        HttpUtil.setKeepAlive(response, keepAlive);
        ReferenceCountUtil.release(request);

        if (keepAlive)
        {
            ctx.writeAndFlush(response);
        }
        else
        {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
