package io.firstcall.gateway.support;

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

import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A WebSocket client of the gateway's /ws that collects the text messages it receives; every take has
 * a deadline.
 */
public final class WebSocketClient implements WebSocket.Listener
{
    private static final String CLOSED = "<closed>";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private WebSocketClient()
    {
    }

    public static WebSocketClient connect(final int httpPort) throws Exception
    {
        final WebSocketClient client = new WebSocketClient();
        client.socket = HTTP.newWebSocketBuilder()
            .buildAsync(URI.create("ws://127.0.0.1:" + httpPort + "/ws"), client)
            .get(10, TimeUnit.SECONDS);
        return client;
    }

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

    public WebSocketClient send(final String text) throws Exception
    {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
        return this;
    }

    public Map<String, Object> next() throws InterruptedException
    {
        final String text = received.poll(LineClient.READ_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        assertNotNull(text, "no message in time");
        if (CLOSED.equals(text))
        {
            throw new AssertionError("closed, expected a message");
        }
        return LineClient.parse(text);
    }

    public boolean isClosed() throws InterruptedException
    {
        return CLOSED.equals(received.poll(LineClient.READ_TIMEOUT_MS, TimeUnit.MILLISECONDS));
    }

    /**
     * Close without a closing handshake.
     */
    public void abort()
    {
        socket.abort();
    }
}
