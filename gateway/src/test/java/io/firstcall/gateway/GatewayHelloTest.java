package io.firstcall.gateway;

import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.ACME_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayHelloTest
{
    @TempDir
    Path dataDir;

    private GatewayFixture fixture;

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void shouldWelcomeSourceAndRep()
    {
        fixture = new GatewayFixture(dataDir).launch();
        try (LineClient source = fixture.json(); LineClient rep = fixture.json())
        {
            final Map<String, Object> welcome = source.hello(ACME, ACME_SOURCE_TOKEN);
            assertEquals("welcome", welcome.get("type"));
            assertEquals(2, welcome.get("protocol"), "protocol v2: reasons and activity are JSON, not strings");
            assertEquals(ACME, welcome.get("tenant"));
            assertNull(welcome.get("role"));

            final Map<String, Object> repWelcome = rep.helloRep(ACME, ACME_REP_TOKEN, "r1");
            assertEquals("welcome", repWelcome.get("type"));
            assertEquals("rep", repWelcome.get("role"));
            assertEquals("r1", repWelcome.get("rep"));
        }
        assertEquals(0, fixture.counter(GatewayCounter.HELLO_FAILURES));
    }

    @Test
    void shouldRefuseWrongTokenUnknownTenantAndSourceTokenForRep()
    {
        fixture = new GatewayFixture(dataDir).launch();
        try (LineClient wrongToken = fixture.json();
            LineClient unknownTenant = fixture.json();
            LineClient repWithSourceToken = fixture.json();
            LineClient sourceWithRepToken = fixture.json())
        {
            assertUnauthorized(wrongToken, wrongToken.hello(ACME, "guess"));
            assertUnauthorized(unknownTenant, unknownTenant.hello("initech", ACME_SOURCE_TOKEN));
            assertUnauthorized(repWithSourceToken, repWithSourceToken.helloRep(ACME, ACME_SOURCE_TOKEN, "r1"));
            assertUnauthorized(sourceWithRepToken, sourceWithRepToken.hello(ACME, ACME_REP_TOKEN));
        }
        assertEquals(4, fixture.counter(GatewayCounter.HELLO_FAILURES));
    }

    @Test
    void shouldRefuseEventBeforeHelloAndMalformedHello()
    {
        fixture = new GatewayFixture(dataDir).launch();
        try (LineClient eventFirst = fixture.json(); LineClient garbage = fixture.json())
        {
            eventFirst.send("{\"type\":\"visit\",\"id\":\"v1\",\"lead\":\"L1\",\"page\":\"/pricing\"}");
            final Map<String, Object> error = eventFirst.read();
            assertEquals("error", error.get("type"));
            assertEquals("forbidden_type", error.get("code"));
            assertEquals("type", error.get("field"));
            assertTrue(eventFirst.isClosedByServer());

            garbage.send("hello?");
            assertEquals("malformed_json", garbage.read().get("code"));
            assertTrue(garbage.isClosedByServer());
        }
        assertEquals(2, fixture.counter(GatewayCounter.HELLO_FAILURES));
        assertEquals(0, fixture.counter(GatewayCounter.EVENTS_OFFERED));
    }

    @Test
    void shouldCloseOnSecondHelloAfterAnsweringEarlierEvents()
    {
        fixture = new GatewayFixture(dataDir).launch();
        try (LineClient client = fixture.acmeSource())
        {
            client.send("{\"type\":\"visit\",\"id\":\"v1\",\"lead\":\"L1\",\"page\":\"/pricing\"}");
            client.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_SOURCE_TOKEN + "\"}");
            client.send("{\"type\":\"visit\",\"id\":\"v2\",\"lead\":\"L1\",\"page\":\"/pricing\"}");

            final Map<String, Object> ack = client.read();
            assertEquals("ack", ack.get("type"));
            assertEquals("v1", ack.get("id"));
            final Map<String, Object> error = client.read();
            assertEquals("forbidden_type", error.get("code"));
            assertEquals("type", error.get("field"));
            assertTrue(client.isClosedByServer());
        }
        assertEquals(1, fixture.counter(GatewayCounter.PROTOCOL_ERRORS));
        assertEquals(1, fixture.counter(GatewayCounter.EVENTS_OFFERED));
    }

    @Test
    void shouldRefuseHelloOverTheLimitAndServeTheOthers()
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().maxConnections(2);
        fixture.launch();
        try (LineClient first = fixture.acmeSource(); LineClient second = fixture.acmeSource())
        {
            try (LineClient third = fixture.json())
            {
                final Map<String, Object> error = third.hello(ACME, ACME_SOURCE_TOKEN);
                assertEquals("too_many_connections", error.get("code"));
                assertTrue(third.isClosedByServer());
            }

            first.send("{\"type\":\"visit\",\"id\":\"v1\",\"lead\":\"L1\",\"page\":\"/pricing\"}");
            assertEquals("ack", first.read().get("type"));
        }
        assertEquals(1, fixture.counter(GatewayCounter.LIMIT_BREACHES));
        assertEquals(2, fixture.counter(GatewayCounter.CONNECTIONS_TOTAL));
    }

    @Test
    void shouldCloseIdleConnectionButNotActiveOne()
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().idleTimeoutMs(300);
        fixture.launch();
        try (LineClient idle = fixture.acmeSource(); LineClient busy = fixture.acmeSource())
        {
            final long startNs = System.nanoTime();
            int i = 0;
            while (!idle.hasInput() && System.nanoTime() - startNs < 5_000_000_000L)
            {
                busy.send("");
                busy.send("{\"type\":\"visit\",\"id\":\"v" + i++ + "\",\"lead\":\"L1\",\"page\":\"/pricing\"}");
                assertEquals("ack", busy.read().get("type"));
            }

            final Map<String, Object> error = idle.read();
            assertEquals("idle_timeout", error.get("code"));
            assertTrue(idle.isClosedByServer());
            busy.send("{\"type\":\"visit\",\"id\":\"last\",\"lead\":\"L1\",\"page\":\"/pricing\"}");
            assertEquals("ack", busy.read().get("type"));
        }
        assertEquals(1, fixture.counter(GatewayCounter.LIMIT_BREACHES));
    }

    private static void assertUnauthorized(final LineClient client, final Map<String, Object> reply)
    {
        assertEquals("error", reply.get("type"), reply.toString());
        assertEquals("unauthorized", reply.get("code"), reply.toString());
        assertTrue(client.isClosedByServer());
    }
}
