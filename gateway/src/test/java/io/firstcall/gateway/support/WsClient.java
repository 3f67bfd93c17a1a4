package io.firstcall.gateway.support;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client (the JDK's) for /ws that collects text messages; every take has a deadline.
 */
public final class WsClient implements WebSocket.Listener, AutoCloseable
{
    public static final String CLOSED = "<closed>";

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    public static WsClient connect(final int port) throws Exception
    {
        return connect(port, null);
    }

    /**
     * @param tls     a client TLS context for wss, or null for ws.
     * @param headers name, value pairs sent with the upgrade request.
     */
    public static WsClient connect(final int port, final SSLContext tls, final String... headers) throws Exception
    {
        final HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (null != tls)
        {
            http.sslContext(tls);
        }
        final WebSocket.Builder builder = http.build().newWebSocketBuilder();
        for (int i = 0; i < headers.length; i += 2)
        {
            builder.header(headers[i], headers[i + 1]);
        }
        final WsClient client = new WsClient();
        client.socket = builder
            .buildAsync(URI.create((null == tls ? "ws" : "wss") + "://127.0.0.1:" + port + "/ws"), client)
            .get(10, TimeUnit.SECONDS);
        return client;
    }

    /**
     * @return the JDK's socket, for what the tests send besides text (binary frames, a close).
     */
    public WebSocket socket()
    {
        return socket;
    }

    public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
    {
        partial.append(data);
        if (last)
        {
            received.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
    {
        received.add(CLOSED);
        return CompletableFuture.completedFuture(null);
    }

    public void onError(final WebSocket webSocket, final Throwable error)
    {
        received.add(CLOSED);
    }

    public WsClient send(final String text) throws Exception
    {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
        return this;
    }

    /**
     * @return the next message parsed, or a map with type {@value #CLOSED} once closed.
     */
    public Map<String, Object> next() throws InterruptedException
    {
        final String text = received.poll(LineClient.READ_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        if (null == text)
        {
            throw new AssertionError("no WebSocket message in time");
        }
        return CLOSED.equals(text) ? Map.of("type", CLOSED) : LineClient.parse(text);
    }

    /**
     * @return true when the next thing to happen, within the read timeout, is the connection closing.
     */
    public boolean isClosed() throws InterruptedException
    {
        return CLOSED.equals(received.poll(LineClient.READ_TIMEOUT_MS, TimeUnit.MILLISECONDS));
    }

    /**
     * Close without a closing handshake.
     */
    public void close()
    {
        socket.abort();
    }
}
