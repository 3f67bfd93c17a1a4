package io.firstcall.gateway;

import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import io.firstcall.gateway.support.RawWebSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A line that is not UTF-8 is malformed_json, as docs/protocol.md says, on the JSON lines port and
 * in a WebSocket text message alike, over real sockets: overlong forms, surrogate halves, code points
 * above U+10FFFF and sequences cut short, which Jackson alone would decode or turn into a field error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvalidUtf8Test
{
    private GatewayFixture fixture;

    @BeforeAll
    void launch(@TempDir final Path dataDir)
    {
        fixture = new GatewayFixture(dataDir).launch();
    }

    @AfterAll
    void close()
    {
        fixture.close();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "C0 AF|overlong '/'",
        "E0 80 AF|overlong '/' in three bytes",
        "ED A0 80|a high surrogate half",
        "ED B0 80|a low surrogate half",
        "F4 90 80 80|above U+10FFFF",
        "E2 82|a sequence cut short"})
    void shouldAnswerMalformedJsonOnTheJsonLinesPort(final String hex, final String what)
    {
        try (LineClient client = fixture.acmeSource())
        {
            final byte[] line = visitWith(hex, "utf-" + hex.replace(' ', '-'));
            final byte[] terminated = new byte[line.length + 1];
            System.arraycopy(line, 0, terminated, 0, line.length);
            terminated[line.length] = '\n';
            client.sendRaw(terminated);

            final Map<String, Object> error = client.read();
            assertEquals("malformed_json", error.get("code"), error.toString());
            assertFalse(error.containsKey("id"), error.toString());
            assertTrue(client.isClosedByServer());
        }
        assertServed();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "C0 AF|overlong '/'",
        "ED A0 80|a high surrogate half",
        "ED BF BF|a low surrogate half",
        "F0 9F 98|a sequence cut short"})
    void shouldAnswerMalformedJsonInAWebSocketTextMessage(final String hex, final String what)
    {
        try (RawWebSocket socket = RawWebSocket.connect(fixture.gateway().httpPort(), "/ws"))
        {
            socket.sendText("{\"type\":\"hello\",\"tenant\":\"" + ACME + "\",\"token\":\"" + ACME_SOURCE_TOKEN + "\"}");
            assertEquals("welcome", LineClient.parse(socket.read()).get("type"));

            socket.sendText(visitWith(hex, "ws-" + hex.replace(' ', '-')));
            final String reply = socket.read();
            assertFalse(RawWebSocket.CLOSED.equals(reply), "closed without an answer");
            final Map<String, Object> error = LineClient.parse(reply);
            assertEquals("malformed_json", error.get("code"), reply);
            assertEquals(RawWebSocket.CLOSED, socket.read());
        }
        assertServed();
    }

    private void assertServed()
    {
        try (LineClient client = fixture.acmeSource())
        {
            client.send("{\"type\":\"visit\",\"id\":\"ok-" + System.nanoTime() + "\",\"lead\":\"L1\",\"page\":\"/p\"}");
            assertEquals("ack", client.read().get("type"));
        }
    }

    /**
     * @return a visit line whose page holds the hex bytes.
     */
    private static byte[] visitWith(final String hex, final String id)
    {
        final String[] parts = hex.split(" ");
        final byte[] head = ("{\"type\":\"visit\",\"id\":\"" + id + "\",\"lead\":\"L1\",\"page\":\"/p")
            .getBytes(StandardCharsets.UTF_8);
        final byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
        final byte[] line = new byte[head.length + parts.length + tail.length];
        System.arraycopy(head, 0, line, 0, head.length);
        for (int i = 0; i < parts.length; i++)
        {
            line[head.length + i] = (byte)Integer.parseInt(parts[i], 16);
        }
        System.arraycopy(tail, 0, line, head.length + parts.length, tail.length);
        return line;
    }
}
