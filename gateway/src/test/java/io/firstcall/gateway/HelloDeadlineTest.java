package io.firstcall.gateway;

import io.firstcall.event.EventWriter;
import io.firstcall.gateway.support.Conditions;
import io.firstcall.gateway.support.FrameClient;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import io.firstcall.gateway.support.OpsRequests;
import io.firstcall.gateway.support.RawClient;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connection has {@code helloTimeout} from when it opens to be welcomed, however many bytes it sends
 * meanwhile; one that is welcomed in time is not touched. JSON lines, SBE and the HTTP port alike.
 */
class HelloDeadlineTest
{
    /** Long enough for a hello sent in pieces, short enough for a quick test. */
    private static final long HELLO_TIMEOUT_MS = 1_000;
    /** Well inside both the hello timeout and the idle timeout: the trickle keeps the connection busy. */
    private static final long TRICKLE_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final String HELLO = "{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_SOURCE_TOKEN + "\"}";

    @TempDir
    Path dataDir;

    private GatewayFixture fixture;

    @BeforeEach
    void launch()
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().helloTimeoutMs(HELLO_TIMEOUT_MS);
        fixture.launch();
    }

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void shouldCloseTricklingJsonConnectionAtTheDeadlineButNotOnesWelcomedInTime()
    {
        try (LineClient welcomed = fixture.acmeSource(); LineClient slowHello = fixture.json())
        {
            // A hello in two pieces, a tenth of the deadline apart, is still a hello in time.
            slowHello.sendRaw(HELLO.substring(0, 20).getBytes(StandardCharsets.UTF_8));
            LockSupport.parkNanos(TRICKLE_INTERVAL_NS);
            slowHello.send(HELLO.substring(20));
            assertEquals("welcome", slowHello.read().get("type"));

            final long startNs = System.nanoTime();
            try (LineClient trickler = fixture.json())
            {
                trickle(() -> trickler.sendRaw(new byte[]{'{'}), trickler::hasInput);
                final Map<String, Object> error = trickler.read();
                assertEquals("hello_timeout", error.get("code"), error.toString());
                assertTrue(trickler.isClosedByServer());
            }
            assertTrue(System.nanoTime() - startNs >= TimeUnit.MILLISECONDS.toNanos(HELLO_TIMEOUT_MS),
                "not before the deadline");

            // Both were welcomed before the trickler's deadline passed, and their own had passed too.
            assertAcked(welcomed, "v1");
            assertAcked(slowHello, "v2");
        }

        assertEquals(1, fixture.counter(GatewayCounter.HELLO_TIMEOUTS));
        Conditions.await("the trickler gone", () -> 0 == fixture.counter(GatewayCounter.UNAUTHENTICATED_OPEN));
        final Map<String, Object> stats = OpsRequests.gatewayStats(fixture.gateway().httpPort());
        assertEquals(1, ((Number)stats.get("hello_timeouts")).intValue(), stats.toString());
        assertEquals(0, ((Number)stats.get("unauthenticated_open")).intValue(), stats.toString());
        assertTrue(OpsRequests.get(fixture.gateway().httpPort(), "/metrics")
            .contains("\nfirstcall_gateway_hello_timeouts_total 1.0\n"));
    }

    @Test
    void shouldCloseSilentAndTricklingSbeConnectionsAtTheDeadline()
    {
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096]));
        try (FrameClient welcomed = fixture.sbe(); FrameClient silent = fixture.sbe(); FrameClient trickler = fixture.sbe())
        {
            assertEquals("welcome", welcomed.hello(ACME, ACME_SOURCE_TOKEN).get("type"));
            // A length prefix, then a body that would take far longer than the deadline to arrive.
            trickler.sendRaw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(1_000).array());
            trickle(() -> trickler.sendRaw(new byte[]{' '}), trickler::hasInput);

            assertEquals("hello_timeout", trickler.read().get("code"));
            assertTrue(trickler.isClosedByServer());
            assertEquals("hello_timeout", silent.read().get("code"));
            assertTrue(silent.isClosedByServer());

            welcomed.sendFrame(writer.buffer(), writer.visit(ACME, "s1", "L1", "/pricing"));
            assertEquals("ack", welcomed.read().get("type"));
        }
        assertEquals(2, fixture.counter(GatewayCounter.HELLO_TIMEOUTS));
    }

    @Test
    void shouldAnswer408ToHttpConnectionWithoutACompleteRequestByTheDeadline()
    {
        try (RawClient ops = RawClient.connect(fixture.gateway().httpPort());
            RawClient trickler = RawClient.connect(fixture.gateway().httpPort()))
        {
            ops.send("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
            final String request = "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "x".repeat(100);
            final int[] sent = {0};
            trickle(() -> trickler.send(String.valueOf(request.charAt(sent[0]++))), trickler::hasInput);

            final String answer = trickler.readUntilClosed();
            assertTrue(answer.startsWith("HTTP/1.1 408 Request Timeout\r\n"), answer);
            assertTrue(answer.endsWith("{\"error\":\"hello_timeout\"}\n"), answer);

            // An ops connection is not a session: past the deadline it still serves, then closes on request.
            ops.send("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            final String health = ops.readUntilClosed();
            assertEquals(2, health.split("HTTP/1.1 200 OK", -1).length - 1, health);
        }
        assertEquals(1, fixture.counter(GatewayCounter.HELLO_TIMEOUTS));
    }

    private static void assertAcked(final LineClient client, final String id)
    {
        client.send("{\"type\":\"visit\",\"id\":\"" + id + "\",\"lead\":\"L1\",\"page\":\"/pricing\"}");
        final Map<String, Object> ack = client.read();
        assertEquals("ack", ack.get("type"), ack.toString());
        assertEquals(id, ack.get("id"));
    }

    /**
     * Send a byte every {@link #TRICKLE_INTERVAL_NS} until the server answers, for at most ten deadlines.
     */
    private static void trickle(final Runnable sendByte, final BooleanSupplier answered)
    {
        final long deadlineNs = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HELLO_TIMEOUT_MS * 10);
        while (!answered.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("still open after trickling for " + HELLO_TIMEOUT_MS * 10 + " ms");
            }
            sendByte.run();
            LockSupport.parkNanos(TRICKLE_INTERVAL_NS);
        }
    }
}
