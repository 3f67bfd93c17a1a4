package io.firstcall.gateway;

import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.firstcall.gateway.support.GatewayFixture.GLOBEX;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Event rate limits per connection and per tenant, on the gateway's injected clock: an event over a
 * limit is answered rate_limited in order, counted and never journaled, and the connection stays open.
 */
class RateLimitTest
{
    private static final long SECOND_NS = 1_000_000_000L;

    @TempDir
    Path dataDir;

    /** Frozen unless a test moves it: every token the tests see is one they account for. */
    private final AtomicLong nowNs = new AtomicLong(1_795_000_000L * SECOND_NS);
    private GatewayFixture fixture;

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void shouldRefuseEventsOverTheConnectionRateAndKeepTheConnectionOpen()
    {
        fixture = fixture();
        fixture.gatewayContext().connectionEventsPerSecond(2).connectionBurst(2);
        fixture.launch();

        try (LineClient source = fixture.acmeSource())
        {
            assertEquals(List.of("ack", "ack", "rate_limited", "rate_limited"), answers(source, "c-1", "c-2", "c-3", "c-4"));

            nowNs.addAndGet(SECOND_NS / 2);
            assertEquals(List.of("ack", "rate_limited"), answers(source, "c-5", "c-6"));
        }

        assertEquals(3, fixture.counter(GatewayCounter.EVENTS_RATE_LIMITED));
        assertEquals(3, fixture.counter(GatewayCounter.EVENTS_OFFERED));
        assertEquals(0, fixture.counter(GatewayCounter.EVENT_ERRORS));
        // The journal also starts with each tenant's rules (configuration changes, no event id).
        assertEquals(List.of("acme/c-1", "acme/c-2", "acme/c-5"), fixture.closeAndReadJournal().values().stream()
            .filter((entry) -> entry.contains("/c-")).toList());
    }

    @Test
    void shouldShareATenantsRateAcrossItsConnectionsOnly()
    {
        fixture = fixture();
        fixture.gatewayContext().tenantEventsPerSecond(3).tenantBurst(3);
        fixture.launch();

        try (LineClient first = fixture.acmeSource(); LineClient second = fixture.acmeSource();
            LineClient globex = fixture.json())
        {
            globex.hello(GLOBEX, GLOBEX_SOURCE_TOKEN);

            assertEquals(List.of("ack", "ack"), answers(first, "t-1", "t-2"));
            assertEquals(List.of("ack", "rate_limited"), answers(second, "t-3", "t-4"));
            assertEquals(List.of("ack", "ack", "ack"), answers(globex, "g-1", "g-2", "g-3"));
        }
        assertEquals(1, fixture.counter(GatewayCounter.EVENTS_RATE_LIMITED));
    }

    @Test
    void shouldNotSpendATenantTokenOnAnEventTheConnectionLimitRefused()
    {
        fixture = fixture();
        fixture.gatewayContext().connectionEventsPerSecond(1).connectionBurst(1).tenantEventsPerSecond(2).tenantBurst(2);
        fixture.launch();

        try (LineClient first = fixture.acmeSource(); LineClient second = fixture.acmeSource())
        {
            assertEquals(List.of("ack", "rate_limited", "rate_limited"), answers(first, "n-1", "n-2", "n-3"));
            assertEquals(List.of("ack", "rate_limited"), answers(second, "n-4", "n-5"));
        }
    }

    @Test
    void shouldNameTheLimitAndEchoTheEventId()
    {
        fixture = fixture();
        fixture.gatewayContext().connectionEventsPerSecond(1).connectionBurst(1);
        fixture.launch();

        try (LineClient source = fixture.acmeSource())
        {
            answers(source, "m-1");
            source.send(lead("m-2"));
            final Map<String, Object> error = source.read();

            assertEquals("error", error.get("type"));
            assertEquals("rate_limited", error.get("code"));
            assertEquals("m-2", error.get("id"));
            assertEquals("more than 1 events/s on this connection; send it again later", error.get("message"));
        }
    }

    private GatewayFixture fixture()
    {
        final GatewayFixture fixture = new GatewayFixture(dataDir);
        fixture.engineContext().clock(nowNs::get);
        return fixture;
    }

    /**
     * Send a lead event per id, then read as many answers: "ack" or the error code.
     */
    private static List<String> answers(final LineClient client, final String... ids)
    {
        for (final String id : ids)
        {
            client.send(lead(id));
        }
        final String[] answers = new String[ids.length];
        for (int i = 0; i < ids.length; i++)
        {
            final Map<String, Object> answer = client.read();
            assertEquals(ids[i], answer.get("id"), answer.toString());
            answers[i] = "ack".equals(answer.get("type")) ? "ack" : String.valueOf(answer.get("code"));
        }
        return List.of(answers);
    }

    private static String lead(final String id)
    {
        return "{\"type\":\"lead\",\"id\":\"" + id + "\",\"lead\":\"L-" + id + "\"}";
    }
}
