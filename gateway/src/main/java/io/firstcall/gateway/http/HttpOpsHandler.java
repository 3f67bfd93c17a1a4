package io.firstcall.gateway.http;

import io.firstcall.gateway.OpsView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Answers the operations endpoints of the HTTP port:
 * <ul>
 *     <li>{@code GET /health}: 200 {@code {"status":"up"}} or 503 {@code {"status":"down","problems":[..]}};</li>
 *     <li>{@code GET /metrics}: Prometheus text format 0.0.4, or OpenMetrics when the {@code Accept}
 *     header asks for it, see {@link PrometheusExporter};</li>
 *     <li>{@code GET /latency}: per-stage percentiles, a text table, or JSON with {@code ?format=json}
 *     or {@code Accept: application/json}, see {@link LatencyReport};</li>
 *     <li>{@code GET /stats}: the counters as JSON, as much as the request's {@link OpsPrincipal} may see,
 *     see {@link StatsWriter}.</li>
 * </ul>
 * Who may ask is decided before, by the {@link OpsAuthHandler} in front of this handler.
 * Other paths are answered 404, other methods on these paths 405, and a request the codec could not
 * parse 400 (and the connection closed). Every answer is a {@link FullHttpResponse} with Content-Type
 * and Content-Length; the connection stays open when the request asks for keep-alive.
 * <p>
 * Expects {@link HttpServerCodec} and {@link HttpObjectAggregator} before it, one instance per
 * channel. Bodies are built on the event loop when asked for: these endpoints are polled every few
 * seconds, so unlike the ingest path they allocate freely.
 */
public final class HttpOpsHandler extends SimpleChannelInboundHandler<FullHttpRequest>
{
    public static final String HEALTH_PATH = "/health";
    public static final String METRICS_PATH = "/metrics";
    public static final String LATENCY_PATH = "/latency";
    public static final String STATS_PATH = "/stats";

    private static final List<String> PATHS = List.of(HEALTH_PATH, METRICS_PATH, LATENCY_PATH, STATS_PATH);
    private static final String FORMAT_PARAM = "format";
    private static final String JSON_FORMAT = "json";
    private static final String TEXT_FORMAT = "text";
    private static final byte[] UP_BODY = "{\"status\":\"up\"}\n".getBytes(StandardCharsets.US_ASCII);

    private final OpsView view;
    private final PrometheusExporter exporter;

    /**
     * @param view what the endpoints report on; read at each request.
     */
    public HttpOpsHandler(final OpsView view)
    {
        this.view = Objects.requireNonNull(view, "view");
        exporter = new PrometheusExporter(view);
    }

    protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request) throws IOException
    {
        if (!request.decoderResult().isSuccess())
        {
            send(ctx, request, error(ctx, HttpResponseStatus.BAD_REQUEST, "bad_request", null, null), false);
            return;
        }

        final QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        FullHttpResponse response;
        try
        {
            response = route(ctx, request, uri);
        }
        catch (final IOException | RuntimeException ex)
        {
            // A body that cannot be built is a bug or a broken engine: count it where operators look.
            view.engine().errorHandler().onError(ex);
            response = error(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal_error", "path", uri.path());
        }

        send(ctx, request, response, HttpUtil.isKeepAlive(request));
    }

    /**
     * A broken connection is the client's business: close it, the server carries on.
     */
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        ctx.close();
    }

    private FullHttpResponse route(
        final ChannelHandlerContext ctx, final FullHttpRequest request, final QueryStringDecoder uri) throws IOException
    {
        final String path = uri.path();
        if (!PATHS.contains(path))
        {
            return error(ctx, HttpResponseStatus.NOT_FOUND, "not_found", "path", path);
        }
        if (!HttpMethod.GET.equals(request.method()))
        {
            final FullHttpResponse response = error(
                ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "method", request.method().name());
            response.headers().set(HttpHeaderNames.ALLOW, HttpMethod.GET.name());
            return response;
        }

        switch (path)
        {
            case HEALTH_PATH:
                return health(ctx);

            case METRICS_PATH:
            {
                final ExpositionFormatWriter writer = exporter.writer(request.headers().get(HttpHeaderNames.ACCEPT));
                return response(ctx, HttpResponseStatus.OK, writer.getContentType(), out -> exporter.scrape(writer, out));
            }

            case LATENCY_PATH:
                return latency(ctx, request, uri);

            default:
                return stats(ctx);
        }
    }

    /**
     * The figures the request's principal may see; none without one (no {@link OpsAuthHandler} in front).
     */
    private FullHttpResponse stats(final ChannelHandlerContext ctx) throws IOException
    {
        final OpsPrincipal principal = ctx.channel().attr(OpsPrincipal.KEY).get();
        if (null == principal)
        {
            return error(ctx, HttpResponseStatus.FORBIDDEN, "forbidden", null, null);
        }
        return response(ctx, HttpResponseStatus.OK, OpsJson.CONTENT_TYPE, out -> StatsWriter.write(view, principal, out));
    }

    private FullHttpResponse health(final ChannelHandlerContext ctx) throws IOException
    {
        final List<String> problems = view.healthProblems();
        if (problems.isEmpty())
        {
            return response(ctx, HttpResponseStatus.OK, OpsJson.CONTENT_TYPE, out -> out.write(UP_BODY));
        }

        return response(
            ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, OpsJson.CONTENT_TYPE, out -> OpsJson.writeDown(out, problems));
    }

    private FullHttpResponse latency(
        final ChannelHandlerContext ctx, final FullHttpRequest request, final QueryStringDecoder uri) throws IOException
    {
        final List<String> formats = uri.parameters().get(FORMAT_PARAM);
        final String format = null == formats || formats.isEmpty() ? null : formats.get(0).toLowerCase(Locale.ROOT);
        final boolean isJson;
        if (null == format)
        {
            final String accept = request.headers().get(HttpHeaderNames.ACCEPT);
            isJson = null != accept && accept.toLowerCase(Locale.ROOT).contains(HttpHeaderValues.APPLICATION_JSON);
        }
        else if (JSON_FORMAT.equals(format) || TEXT_FORMAT.equals(format))
        {
            isJson = JSON_FORMAT.equals(format);
        }
        else
        {
            return error(ctx, HttpResponseStatus.BAD_REQUEST, "unknown_format", FORMAT_PARAM, format);
        }

        final StageLatency[] stages = StageLatency.snapshot(view.engine().histograms());
        if (isJson)
        {
            return response(
                ctx, HttpResponseStatus.OK, OpsJson.CONTENT_TYPE, out -> LatencyReport.writeJson(stages, out));
        }

        return response(
            ctx, HttpResponseStatus.OK, LatencyReport.TEXT_CONTENT_TYPE, out -> LatencyReport.writeText(stages, out));
    }

    private static FullHttpResponse error(
        final ChannelHandlerContext ctx,
        final HttpResponseStatus status,
        final String error,
        final String detailName,
        final String detailValue) throws IOException
    {
        return response(
            ctx, status, OpsJson.CONTENT_TYPE, out -> OpsJson.writeError(out, error, detailName, detailValue));
    }

    private static FullHttpResponse response(
        final ChannelHandlerContext ctx,
        final HttpResponseStatus status,
        final String contentType,
        final BodyWriter writer) throws IOException
    {
        final ByteBuf body = body(ctx, writer);
        final FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers()
            .set(HttpHeaderNames.CONTENT_TYPE, contentType)
            .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        HttpUtil.setContentLength(response, body.readableBytes());

        return response;
    }

    /**
     * Write the body into a buffer of the channel's allocator, released here if writing fails and by
     * the response's writer otherwise.
     */
    private static ByteBuf body(final ChannelHandlerContext ctx, final BodyWriter writer) throws IOException
    {
        final ByteBuf buffer = ctx.alloc().buffer();
        boolean isWritten = false;
        try (OutputStream out = new ByteBufOutputStream(buffer))
        {
            writer.writeTo(out);
            isWritten = true;
        }
        finally
        {
            if (!isWritten)
            {
                buffer.release();
            }
        }

        return buffer;
    }

    private static void send(
        final ChannelHandlerContext ctx, final FullHttpRequest request, final FullHttpResponse response,
        final boolean isKeepAlive)
    {
        response.setProtocolVersion(request.protocolVersion());
        HttpUtil.setKeepAlive(response, isKeepAlive);
        if (isKeepAlive)
        {
            ctx.writeAndFlush(response);
        }
        else
        {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @FunctionalInterface
    private interface BodyWriter
    {
        void writeTo(OutputStream out) throws IOException;
    }
}
