package io.firstcall.gateway.dashboard;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Serves the dashboard's page from the jar (built by the Maven build from {@code gateway/dashboard},
 * bundled under {@value #RESOURCE_ROOT}): {@code GET /dashboard/} is the page, {@code /dashboard/<file>}
 * its script, styles and images, and {@code /} redirects to it. The page is the same for everyone and
 * holds no data, so it needs no token: the data comes over the WebSocket, after a hello with one.
 * Every other request is passed on to the token check and the ops endpoints. Headers keep the page to
 * its own origin (no CDN, no inline script). Stateless, so one instance serves every connection.
 */
@ChannelHandler.Sharable
public final class DashboardAssetHandler extends ChannelInboundHandlerAdapter
{
    public static final String PATH = "/dashboard/";
    static final String RESOURCE_ROOT = "firstcall-dashboard/";
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final String POLICY = "default-src 'self'; script-src 'self'; connect-src 'self'; " +
        "img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
    private static final Map<String, String> TYPES = Map.of(
        "html", "text/html; charset=utf-8",
        "js", "text/javascript; charset=utf-8",
        "css", "text/css; charset=utf-8",
        "png", "image/png",
        "svg", "image/svg+xml",
        "map", "application/json");

    private final Map<String, Optional<byte[]>> cache = new ConcurrentHashMap<>();

    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        if (!(msg instanceof FullHttpRequest) || !((FullHttpRequest)msg).decoderResult().isSuccess())
        {
            ctx.fireChannelRead(msg);
            return;
        }
        final FullHttpRequest request = (FullHttpRequest)msg;
        final String path = new QueryStringDecoder(request.uri()).path();
        final boolean isPage = "/".equals(path) || "/dashboard".equals(path) || path.startsWith(PATH);
        if (!isPage)
        {
            ctx.fireChannelRead(msg);
            return;
        }
        try
        {
            respond(ctx, request, path);
        }
        finally
        {
            ReferenceCountUtil.release(request);
        }
    }

    private void respond(final ChannelHandlerContext ctx, final FullHttpRequest request, final String path)
    {
        if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method()))
        {
            send(ctx, request, HttpResponseStatus.METHOD_NOT_ALLOWED, null, null);
            return;
        }
        if (!path.startsWith(PATH))
        {
            final FullHttpResponse redirect = response(request, HttpResponseStatus.FOUND, null, null);
            redirect.headers().set(HttpHeaderNames.LOCATION, PATH);
            write(ctx, request, redirect);
            return;
        }
        final String file = PATH.equals(path) ? "index.html" : path.substring(PATH.length());
        final byte[] body = FILE.matcher(file).matches() ? load(file) : null;
        if (null == body)
        {
            send(ctx, request, HttpResponseStatus.NOT_FOUND, null, null);
            return;
        }
        send(ctx, request, HttpResponseStatus.OK, TYPES.getOrDefault(extension(file), "application/octet-stream"), body);
    }

    private byte[] load(final String file)
    {
        return cache.computeIfAbsent(file, name ->
        {
            try (InputStream in = DashboardAssetHandler.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + name))
            {
                return null == in ? Optional.empty() : Optional.of(in.readAllBytes());
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }).orElse(null);
    }

    private static void send(
        final ChannelHandlerContext ctx,
        final FullHttpRequest request,
        final HttpResponseStatus status,
        final String type,
        final byte[] body)
    {
        write(ctx, request, response(request, status, type, body));
    }

    private static FullHttpResponse response(
        final FullHttpRequest request, final HttpResponseStatus status, final String type, final byte[] body)
    {
        final boolean head = HttpMethod.HEAD.equals(request.method());
        final byte[] content = null == body ? new byte[0] : body;
        final FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), status,
            head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(content));
        response.headers()
            .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
            .set("Content-Security-Policy", POLICY)
            .set("X-Content-Type-Options", "nosniff")
            .set("Referrer-Policy", "no-referrer");
        if (null != type)
        {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        }
        HttpUtil.setContentLength(response, content.length);
        return response;
    }

    private static void write(final ChannelHandlerContext ctx, final FullHttpRequest request, final FullHttpResponse response)
    {
        final boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (keepAlive)
        {
            ctx.writeAndFlush(response);
        }
        else
        {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static String extension(final String file)
    {
        final int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1);
    }
}
