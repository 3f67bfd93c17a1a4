package io.firstcall.gateway.tcp;

import io.firstcall.codec.PresenceStatus;
import io.firstcall.event.EventWriter;
import io.firstcall.event.InputSamples;
import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.support.FrameClient;
import io.firstcall.gateway.support.GatewayFixture;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.ACME_SOURCE_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SBE port: JSON hello in the first frame, SBE input messages after it, JSON replies in frames.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SbePortTest
{
    private static final long NOW_MS = 1_795_688_130_123L;

    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096])).times(NOW_MS, NOW_MS * 1_000_000);
    private GatewayFixture fixture;
    private FrameClient bystander;
    private int bystanderEvents;

    @BeforeAll
    void launch(@TempDir final Path dataDir)
    {
        fixture = new GatewayFixture(dataDir).launch();
        bystander = acmeSource();
    }

    @AfterAll
    void close()
    {
        bystander.close();
        fixture.close();
    }

    @Test
    void shouldAckSbeEventsWithTheirJournalSequenceAndDuplicates()
    {
        final List<Map<String, Object>> acks = new ArrayList<>();
        final String[] ids = {"s-lead", "s-visit", "s-presence", "s-visit"};
        try (FrameClient client = acmeSource())
        {
            client.sendFrame(writer.buffer(), writer.lead(ACME, "s-lead", "L1", "a@b.c", "Ann", "Initech", null, null, 10,
                null, "r1"));
            client.sendFrame(new byte[0]);
            client.sendFrame(writer.buffer(), writer.visit(ACME, "s-visit", "L1", "/pricing"));
            client.sendFrame(writer.buffer(), writer.presence(ACME, "s-presence", "r1", PresenceStatus.AVAILABLE));
            client.sendFrame(writer.buffer(), writer.visit(ACME, "s-visit", "L1", "/pricing"));
            for (int i = 0; i < ids.length; i++)
            {
                acks.add(client.read());
            }
        }

        for (int i = 0; i < ids.length; i++)
        {
            assertEquals("ack", acks.get(i).get("type"), acks.get(i).toString());
            assertEquals(ids[i], acks.get(i).get("id"));
        }
        assertEquals(false, acks.get(1).get("duplicate"));
        assertEquals(true, acks.get(3).get("duplicate"));
        assertEquals(acks.get(1).get("seq"), acks.get(3).get("seq"));
        assertBystanderServed();
    }

    @Test
    void shouldRefuseRepHelloAndWrongToken()
    {
        try (FrameClient rep = fixture.sbe(); FrameClient wrong = fixture.sbe())
        {
            rep.sendFrame(("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_REP_TOKEN +
                "\",\"role\":\"rep\",\"rep\":\"r1\"}").getBytes(StandardCharsets.UTF_8));
            assertAnswered(rep, "forbidden_role", true);

            assertEquals("unauthorized", wrong.hello(ACME, "guess").get("code"));
            assertTrue(wrong.isClosedByServer());
        }
        assertBystanderServed();
    }

    @Test
    void shouldRejectAnotherTenantsEventAndStayOpen()
    {
        try (FrameClient client = acmeSource())
        {
            client.sendFrame(writer.buffer(), writer.visit(GLOBEX, "g-1", "L1", "/pricing"));
            final Map<String, Object> error = assertAnswered(client, "wrong_tenant", false);
            assertEquals("g-1", error.get("id"));
            assertEquals("tenant", error.get("field"));
        }
        assertBystanderServed();
    }

    @Test
    void shouldRejectEngineEventsAndMissingEventIdAndStayOpen()
    {
        try (FrameClient client = acmeSource())
        {
            client.sendFrame(writer.buffer(), writer.tick());
            assertAnswered(client, "forbidden_type", false);
            client.sendFrame(writer.buffer(), writer.config(ACME, "cfg", "tenant: acme\n"));
            assertAnswered(client, "forbidden_type", false);
            client.sendFrame(writer.buffer(), writer.visit(ACME, "", "L1", "/pricing"));
            assertEquals("eventId", assertAnswered(client, "missing_field", false).get("field"));
        }
        assertBystanderServed();
    }

    @Test
    void shouldRefuseFramesThatStopAfterTheEventIdAndStayOpen()
    {
        try (FrameClient client = acmeSource())
        {
            for (final int template : InputSamples.CLIENT_TEMPLATES)
            {
                final byte[] message = InputSamples.full(template, ACME, "short-" + template, "L1");
                final int eventIdEnd = InputSamples.dataFieldEnds(message)[1];
                client.sendFrame(Arrays.copyOf(message, eventIdEnd));
                final Map<String, Object> error = assertAnswered(client, "truncated_message", false);
                assertEquals(InputSamples.dataFields(template).get(2), error.get("field"), "template " + template);
                assertEquals("short-" + template, error.get("id"));
            }
            client.sendFrame(writer.buffer(), writer.visit(ACME, "after-short", "L1", "/pricing"));
            assertEquals("ack", client.read().get("type"));
        }
        assertBystanderServed();
    }

    @Test
    void shouldRefuseEveryBrokenMessageWithItsDocumentedCodeAndStayOpen()
    {
        final List<InputSamples.Broken> broken = InputSamples.broken(ACME, "sock-");
        final long eventErrors = fixture.counter(GatewayCounter.EVENT_ERRORS);
        try (FrameClient client = acmeSource())
        {
            for (int first = 0; first < broken.size(); first += 100)
            {
                final List<InputSamples.Broken> batch = broken.subList(first, Math.min(broken.size(), first + 100));
                for (final InputSamples.Broken sample : batch)
                {
                    client.sendFrame(sample.message());
                }
                for (final InputSamples.Broken sample : batch)
                {
                    final Map<String, Object> error = client.read();
                    assertEquals("error", error.get("type"), sample.what());
                    assertEquals(SbeFrameHandlerTest.expectedCode(sample.fault()), error.get("code"), sample.what());
                    assertEquals(sample.field(), error.get("field"), sample.what());
                    assertEquals(SbeFrameHandlerTest.echoedId(sample.message()), error.get("id"), sample.what());
                }
            }
            client.sendFrame(writer.buffer(), writer.visit(ACME, "after-broken", "L1", "/pricing"));
            assertEquals("ack", client.read().get("type"));
        }
        assertEquals(eventErrors + broken.size(), fixture.counter(GatewayCounter.EVENT_ERRORS));
        assertBystanderServed();
    }

    @Test
    void shouldCloseOnAFrameCutInsideItsEventId()
    {
        try (FrameClient client = acmeSource())
        {
            final byte[] form = InputSamples.full(2, ACME, "cut-in-id", "L1");
            client.sendFrame(Arrays.copyOf(form, InputSamples.dataFieldEnds(form)[1] - 1));
            assertEquals("eventId", assertAnswered(client, "malformed_frame", true).get("field"));
        }
        assertBystanderServed();
    }

    @Test
    void shouldCloseOnGarbageFrame()
    {
        try (FrameClient client = acmeSource())
        {
            client.sendFrame("this is not SBE at all, not even close".getBytes(StandardCharsets.US_ASCII));
            assertAnswered(client, "malformed_frame", true);
        }
        assertBystanderServed();
    }

    @Test
    void shouldCloseOnFrameCutOffByEndOfInput()
    {
        try (FrameClient client = acmeSource())
        {
            final byte[] frame = FrameClient.frame(new byte[100]);
            final byte[] truncated = new byte[30];
            System.arraycopy(frame, 0, truncated, 0, truncated.length);
            client.sendRaw(truncated);
            client.shutdownOutput();
            assertAnswered(client, "truncated_frame", true);
        }
        assertBystanderServed();
    }

    @Test
    void shouldCloseOnOversizedLengthPrefixWithoutWaitingForTheBody()
    {
        final long breaches = fixture.counter(GatewayCounter.LIMIT_BREACHES);
        try (FrameClient client = acmeSource())
        {
            client.sendRaw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(-1).array());
            assertAnswered(client, "frame_too_long", true);
        }
        assertEquals(breaches + 1, fixture.counter(GatewayCounter.LIMIT_BREACHES));
        assertBystanderServed();
    }

    private FrameClient acmeSource()
    {
        final FrameClient client = fixture.sbe();
        final Map<String, Object> welcome = client.hello(ACME, ACME_SOURCE_TOKEN);
        assertEquals("welcome", welcome.get("type"), welcome.toString());
        return client;
    }

    private static Map<String, Object> assertAnswered(final FrameClient client, final String code, final boolean closes)
    {
        final Map<String, Object> error = client.read();
        assertEquals("error", error.get("type"), error.toString());
        assertEquals(code, error.get("code"), error.toString());
        if (closes)
        {
            assertTrue(client.isClosedByServer(), "closed after " + code);
        }

        return error;
    }

    private void assertBystanderServed()
    {
        final String id = "bystander-" + bystanderEvents++;
        bystander.sendFrame(writer.buffer(), writer.visit(ACME, id, "L1", "/pricing"));
        final Map<String, Object> ack = bystander.read();
        assertEquals("ack", ack.get("type"));
        assertEquals(id, ack.get("id"));
    }
}
