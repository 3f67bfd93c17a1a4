package io.firstcall.gateway.ws;

import io.firstcall.gateway.Gateway;
import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.OpsView;
import io.firstcall.gateway.support.Conditions;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.WsClient;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.ACME_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The WebSocket at /ws speaks the JSON lines protocol, one message per text frame; every other HTTP
 * request goes to the ops handler.
 */
class WebSocketTest
{
    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private GatewayFixture fixture;

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void shouldSpeakTheJsonProtocolAndPushAlertsToRep() throws Exception
    {
        fixture = new GatewayFixture(dataDir).launch();
        final WsClient source = connect();
        final WsClient rep = connect();

        assertEquals("welcome", source.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_SOURCE_TOKEN +
            "\"}").next().get("type"));
        final Map<String, Object> repWelcome = rep.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" +
            ACME_REP_TOKEN + "\",\"role\":\"rep\",\"rep\":\"r1\"}").next();
        assertEquals("rep", repWelcome.get("role"));

        source.send("{\"type\":\"lead\",\"id\":\"w-1\",\"lead\":\"L1\",\"owner\":\"r1\"}");
        source.send("{\"type\":\"form\",\"id\":\"w-2\",\"lead\":\"L1\",\"form\":\"demo_request\"}");
        source.send("{\"type\":\"visit\",\"id\":\"w-3\",\"page\":\"/\"}");
        assertEquals("w-1", source.next().get("id"));
        assertEquals("w-2", source.next().get("id"));
        final Map<String, Object> error = source.next();
        assertEquals("missing_field", error.get("code"));
        assertEquals("w-3", error.get("id"));

        Map<String, Object> push = rep.next();
        while (!"alert".equals(push.get("type")))
        {
            push = rep.next();
        }
        assertEquals(ACME, push.get("tenant"));
        assertEquals("L1", push.get("lead"));
        assertEquals("r1", push.get("rep"));

        rep.send("{\"type\":\"call\",\"id\":\"w-4\",\"lead\":\"L1\",\"outcome\":\"started\"}");
        Map<String, Object> ack = rep.next();
        while (!"ack".equals(ack.get("type")))
        {
            ack = rep.next();
        }
        assertEquals("w-4", ack.get("id"));

        source.socket().sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        rep.socket().sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    }

    @Test
    void shouldCloseOnBinaryMessageAndOnEventBeforeHello() throws Exception
    {
        fixture = new GatewayFixture(dataDir).launch();
        final WsClient binary = connect();
        binary.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_SOURCE_TOKEN + "\"}").next();
        binary.socket().sendBinary(ByteBuffer.wrap(new byte[]{1, 2, 3}), true).get(10, TimeUnit.SECONDS);
        assertEquals("unsupported_frame", binary.next().get("code"));
        assertTrue(binary.isClosed());

        final WsClient early = connect();
        early.send("{\"type\":\"visit\",\"id\":\"v\",\"lead\":\"L\",\"page\":\"/\"}");
        assertEquals("forbidden_type", early.next().get("code"));
        assertTrue(early.isClosed());
        assertEquals(1, fixture.counter(GatewayCounter.PROTOCOL_ERRORS));
        assertEquals(1, fixture.counter(GatewayCounter.HELLO_FAILURES));
    }

    @Test
    void shouldCloseOnMessageOverTheLineLimit() throws Exception
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().maxLineBytes(1024);
        fixture.launch();
        final WsClient client = connect();
        client.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_SOURCE_TOKEN + "\"}").next();
        client.socket().sendText("{\"type\":\"visit\",\"id\":\"" + "x".repeat(2000) + "\"}", true);

        assertTrue(client.isClosed());
        // The frame decoder closes the connection before the gateway counts the breach.
        Conditions.await("the breach counted", () -> fixture.counter(GatewayCounter.LIMIT_BREACHES) == 1);
    }

    @Test
    void shouldCloseWebSocketWithoutHelloAtTheDeadlineAndServeOneWelcomedInTime() throws Exception
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().helloTimeoutMs(1_000);
        fixture.launch();
        final WsClient welcomed = connect();
        welcomed.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_SOURCE_TOKEN + "\"}");
        assertEquals("welcome", welcomed.next().get("type"));
        final WsClient silent = connect();

        final Map<String, Object> error = silent.next();
        assertEquals("hello_timeout", error.get("code"), error.toString());
        assertTrue(silent.isClosed());

        welcomed.send("{\"type\":\"visit\",\"id\":\"w-1\",\"lead\":\"L1\",\"page\":\"/\"}");
        assertEquals("ack", welcomed.next().get("type"));
        assertEquals(1, fixture.counter(GatewayCounter.HELLO_TIMEOUTS));
    }

    @Test
    void shouldServeOpsEndpointsByDefaultAndNotFoundForPlainGetOfWs() throws Exception
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().opsToken("operator-token");
        fixture.launch();
        final HttpResponse<String> response = get("/health");
        assertEquals(200, response.statusCode());
        // A plain GET is an ops request, and ops requests other than /health and /metrics need a token.
        assertEquals(401, get("/ws").statusCode());
        final HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + fixture.gateway().httpPort() + "/ws"))
            .header("Authorization", "Bearer operator-token").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, withToken.statusCode(), "/ws without an upgrade is not a WebSocket");
    }

    @Test
    void shouldHandOtherHttpRequestsToTheOpsHandlerFactory() throws Exception
    {
        fixture = new GatewayFixture(dataDir);
        fixture.launch(Gateway.launch(
            fixture.gatewayContext(), fixture.engineContext(), (view) -> new HealthHandler(view)));

        final HttpResponse<String> response = get("/health");
        assertEquals(200, response.statusCode());
        assertEquals("healthy=true connections_open=0", response.body());
    }

    private HttpResponse<String> get(final String path) throws Exception
    {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.gateway().httpPort() + path))
            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private WsClient connect() throws Exception
    {
        return WsClient.connect(fixture.gateway().httpPort());
    }

    /**
     * An ops handler that shows what it was given: the view of the gateway.
     */
    private static final class HealthHandler extends SimpleChannelInboundHandler<FullHttpRequest>
    {
        private final OpsView view;

        HealthHandler(final OpsView view)
        {
            this.view = view;
        }

        protected void channelRead0(final ChannelHandlerContext ctx, final FullHttpRequest request)
        {
            final StringBuilder body = new StringBuilder("healthy=").append(view.healthy());
            view.forEachGatewayGauge((name, value) ->
            {
                if ("connections_open".equals(name))
                {
                    body.append(' ').append(name).append('=').append(value);
                }
            });
            final byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            final DefaultFullHttpResponse response = new DefaultFullHttpResponse(
                request.protocolVersion(), HttpResponseStatus.OK, Unpooled.wrappedBuffer(bytes));
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
            ctx.writeAndFlush(response);
        }
    }
}
