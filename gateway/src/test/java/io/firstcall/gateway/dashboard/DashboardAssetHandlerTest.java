package io.firstcall.gateway.dashboard;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardAssetHandlerTest
{
    private final EmbeddedChannel channel = new EmbeddedChannel(new DashboardAssetHandler());

    @Test
    void shouldServeThePageFromTheJarWithoutAToken()
    {
        final FullHttpResponse page = request(HttpMethod.GET, "/dashboard/");
        try
        {
            assertEquals(HttpResponseStatus.OK, page.status());
            assertEquals("text/html; charset=utf-8", page.headers().get(HttpHeaderNames.CONTENT_TYPE));
            assertTrue(page.content().toString(StandardCharsets.UTF_8).contains("<script src=\"app.js\""));
            assertTrue(page.headers().get("Content-Security-Policy").contains("default-src 'self'"));
        }
        finally
        {
            page.release();
        }
        final FullHttpResponse script = request(HttpMethod.GET, "/dashboard/app.js");
        assertEquals(HttpResponseStatus.OK, script.status());
        assertTrue(script.content().readableBytes() > 10_000, "the bundle, uPlot inside");
        script.release();
    }

    @Test
    void shouldRedirectTheRootToThePage()
    {
        final FullHttpResponse response = request(HttpMethod.GET, "/");
        assertEquals(HttpResponseStatus.FOUND, response.status());
        assertEquals("/dashboard/", response.headers().get(HttpHeaderNames.LOCATION));
        response.release();
    }

    @Test
    void shouldServeNothingButItsOwnFiles()
    {
        for (final String path : new String[]{"/dashboard/../firstcall-default.yaml", "/dashboard/%2e%2e/x", "/dashboard/nope.js",
            "/dashboard/sub/app.js", "/dashboard/.hidden"})
        {
            final FullHttpResponse response = request(HttpMethod.GET, path);
            assertEquals(HttpResponseStatus.NOT_FOUND, response.status(), path);
            response.release();
        }
        final FullHttpResponse post = request(HttpMethod.POST, "/dashboard/");
        assertEquals(HttpResponseStatus.METHOD_NOT_ALLOWED, post.status());
        post.release();
    }

    @Test
    void shouldPassEveryOtherPathOnToTheTokenCheck()
    {
        final FullHttpRequest stats = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/stats");
        channel.writeInbound(stats);
        final FullHttpRequest passed = channel.readInbound();
        assertEquals("/stats", passed.uri());
        passed.release();
        assertNull(channel.readOutbound());
    }

    private FullHttpResponse request(final HttpMethod method, final String uri)
    {
        channel.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri));
        return channel.readOutbound();
    }
}
