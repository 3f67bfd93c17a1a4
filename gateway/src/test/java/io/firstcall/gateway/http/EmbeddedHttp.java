package io.firstcall.gateway.http;

import io.firstcall.gateway.OpsView;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpServerCodec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The handler in the pipeline the server gives it, on an {@link EmbeddedChannel}: raw request bytes
 * in, raw response bytes out, decoded by a client-side {@link HttpResponseDecoder}.
 */
final class EmbeddedHttp implements AutoCloseable
{
    record Response(String version, int status, HttpHeaders headers, String body)
    {
        String contentType()
        {
            return headers.get("Content-Type");
        }
    }

    private final EmbeddedChannel server;
    private final EmbeddedChannel client =
        new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20));

    EmbeddedHttp(final OpsView view)
    {
        server = new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(65536), new HttpOpsHandler(view));
        // As the OpsAuthHandler leaves it for a request with the operator's token.
        server.attr(OpsPrincipal.KEY).set(OpsPrincipal.OPERATOR);
    }

    /**
     * @return the one response to a {@code GET} of the path, HTTP/1.1 with default keep-alive.
     */
    Response get(final String pathAndQuery, final String... headerLines)
    {
        final StringBuilder request = new StringBuilder("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n")
            .append("Host: localhost\r\n");
        for (final String header : headerLines)
        {
            request.append(header).append("\r\n");
        }
        final List<Response> responses = exchange(request.append("\r\n").toString());
        if (responses.size() != 1)
        {
            throw new AssertionError("expected one response, got " + responses.size());
        }

        return responses.get(0);
    }

    /**
     * Write raw request bytes (one or several requests) and decode every response written back.
     */
    List<Response> exchange(final String rawRequests)
    {
        server.writeInbound(Unpooled.copiedBuffer(rawRequests, StandardCharsets.US_ASCII));
        server.runPendingTasks();
        ByteBuf outbound;
        while (null != (outbound = server.readOutbound()))
        {
            client.writeInbound(outbound);
        }

        final List<Response> responses = new ArrayList<>();
        FullHttpResponse response;
        while (null != (response = client.readInbound()))
        {
            try
            {
                responses.add(new Response(
                    response.protocolVersion().text(),
                    response.status().code(),
                    response.headers().copy(),
                    response.content().toString(StandardCharsets.UTF_8)));
            }
            finally
            {
                response.release();
            }
        }

        return responses;
    }

    /**
     * Write raw request bytes and return the raw response bytes, undecoded.
     */
    String exchangeRaw(final String rawRequests)
    {
        server.writeInbound(Unpooled.copiedBuffer(rawRequests, StandardCharsets.US_ASCII));
        server.runPendingTasks();
        final StringBuilder raw = new StringBuilder();
        ByteBuf outbound;
        while (null != (outbound = server.readOutbound()))
        {
            raw.append(outbound.toString(StandardCharsets.US_ASCII));
            outbound.release();
        }

        return raw.toString();
    }

    boolean isOpen()
    {
        return server.isOpen();
    }

    public void close()
    {
        server.finishAndReleaseAll();
        client.finishAndReleaseAll();
    }
}
