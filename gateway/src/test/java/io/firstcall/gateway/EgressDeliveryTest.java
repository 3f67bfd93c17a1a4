package io.firstcall.gateway;

import io.firstcall.gateway.support.Conditions;
import io.firstcall.gateway.support.EngineThreadWatch;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_REP_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The way out of the engine: acknowledgements and outputs leave through the egress ring and its
 * doorbell, and the delivery event loop routes them. The engine thread never enters Netty, order holds
 * across event loops, a rep that does not read is cut off without holding up the others, a full ring
 * makes the engine wait without losing an acknowledgement, and shutdown delivers what is left.
 */
class EgressDeliveryTest
{
    @TempDir
    Path dataDir;

    private final CountDownLatch released = new CountDownLatch(1);
    private GatewayFixture fixture;
    private int eventNumber;

    @AfterEach
    void close()
    {
        released.countDown();
        if (null != fixture)
        {
            fixture.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single", "pipelined"})
    void shouldDeliverAcksAndPushesWithoutTheEngineThreadEnteringNetty(final String topology)
    {
        final EngineThreadWatch watch = new EngineThreadWatch();
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().ioThreads(2).ioGroupFactory(watch::ioGroup);
        fixture.engineContext().topology(topology).threadFactory(watch.engineThreads());
        fixture.launch();
        try (LineClient source = fixture.acmeSource();
            LineClient r1 = rep("r1");
            LineClient r1Elsewhere = rep("r1");
            LineClient r2 = rep("r2"))
        {
            for (int i = 0; i < 20; i++)
            {
                makeHot(source, "L" + i, 0 == i % 2 ? "r1" : "r2");
            }
            for (int i = 0; i < 20; i += 2)
            {
                assertEquals("L" + i, nextAlert(r1).get("lead"));
                assertEquals("L" + i, nextAlert(r1Elsewhere).get("lead"));
                assertEquals("L" + (i + 1), nextAlert(r2).get("lead"));
            }
            r1.send("{\"type\":\"call\",\"id\":\"c-1\",\"lead\":\"L0\",\"outcome\":\"connected\"}");
            assertEquals("c-1", nextOfType(r1, "ack").get("id"), "reps' own events are acknowledged too");
        }

        assertTrue(watch.engineThreadCount() > 0, "the engine ran on the watched threads");
        assertEquals(List.of(), watch.violations(), "Netty entered on an engine thread");
    }

    @Test
    void shouldAcknowledgeInSendOrderAndPushInJournalOrderAcrossTwoEventLoops()
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().ioThreads(2);
        fixture.launch();
        final int sources = 4;
        final int events = 200;
        final List<LineClient> clients = new ArrayList<>();
        try (LineClient r1 = rep("r1"); LineClient r2 = rep("r2"); LineClient r3 = rep("r3");
            LineClient hotSource = fixture.acmeSource())
        {
            // Connections go to the loops in turn: with two loops, some sessions live off the delivery loop.
            for (int s = 0; s < sources; s++)
            {
                clients.add(fixture.acmeSource());
            }
            for (int i = 0; i < events; i++)
            {
                for (int s = 0; s < sources; s++)
                {
                    clients.get(s).send("{\"type\":\"visit\",\"id\":\"s" + s + "-" + i + "\",\"lead\":\"V" + i +
                        "\",\"page\":\"/pricing\"}");
                }
            }
            final LineClient[] reps = {r1, r2, r3};
            for (int i = 0; i < 30; i++)
            {
                makeHot(hotSource, "H" + i, "r" + (1 + i % 3));
            }

            for (int s = 0; s < sources; s++)
            {
                long lastSeq = -1;
                for (int i = 0; i < events; i++)
                {
                    final Map<String, Object> ack = clients.get(s).read();
                    assertEquals("s" + s + "-" + i, ack.get("id"), "acks in the order the events were sent");
                    final long seq = ((Number)ack.get("seq")).longValue();
                    assertTrue(seq > lastSeq, "sequences rise along a connection");
                    lastSeq = seq;
                }
            }
            for (int i = 0; i < 30; i++)
            {
                assertEquals("H" + i, nextAlert(reps[i % 3]).get("lead"), "alerts in journal order");
            }
        }
        finally
        {
            clients.forEach(LineClient::close);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void shouldCutOffARepThatDoesNotReadWhileOtherRepsKeepReceiving(final int ioThreads)
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().ioThreads(ioThreads).repBufferBytes(1024);
        fixture.launch();
        try (LineClient source = fixture.acmeSource();
            LineClient fast = rep("fast");
            LineClient slow = LineClient.connect(fixture.gateway().jsonPort(), 4096);
            LineClient alsoSlow = LineClient.connect(fixture.gateway().jsonPort(), 4096);
            LineClient alsoFast = rep("fast"))
        {
            // Consecutive connections land on different loops when there are two: one slow rep is on the
            // delivery loop, the other is not.
            slow.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_REP_TOKEN +
                "\",\"role\":\"rep\",\"rep\":\"slow\"}");
            alsoSlow.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_REP_TOKEN +
                "\",\"role\":\"rep\",\"rep\":\"slow\"}");

            final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int lead = 0;
            while (fixture.counter(GatewayCounter.SLOW_CONSUMER_DISCONNECTS) < 2)
            {
                assertTrue(System.nanoTime() < deadlineNs, "the slow reps were not both cut off");
                makeHot(source, "S" + lead++, "slow");
                if (0 == lead % 20)
                {
                    // Each of these is read before the next lead is sent: the others never wait on the slow rep.
                    makeHot(source, "F" + lead, "fast");
                    assertEquals("F" + lead, nextAlert(fast).get("lead"));
                    assertEquals("F" + lead, nextAlert(alsoFast).get("lead"));
                }
            }

            makeHot(source, "F-after", "fast");
            assertEquals("F-after", nextAlert(fast).get("lead"));
            assertEquals("F-after", nextAlert(alsoFast).get("lead"));
            Conditions.await("the slow reps' connections closed",
                () -> fixture.counter(GatewayCounter.CONNECTIONS_OPEN) == 3);
        }
        assertEquals(2, fixture.counter(GatewayCounter.SLOW_CONSUMER_DISCONNECTS));
    }

    @Test
    void shouldMakeTheEngineWaitOnAFullEgressRingAndLoseNoAcknowledgement()
    {
        launchBlocked();
        final Map<String, Long> acked = new HashMap<>();
        try (LineClient a = fixture.acmeSource(); LineClient b = fixture.acmeSource(); LineClient c = fixture.acmeSource())
        {
            final LineClient[] clients = {a, b, c};
            sendVisits(clients, 400);
            Conditions.await("a ring-full pause", () -> fixture.counter(GatewayCounter.RING_FULL_PAUSES) > 0);

            released.countDown();

            readAcks(clients, 400, acked);
        }

        assertTrue(fixture.counter(GatewayCounter.EGRESS_RING_FULL) > 0, "the engine waited for room");
        assertEquals(0, fixture.counter(GatewayCounter.EGRESS_DROPPED));
        final Map<Long, String> journal = fixture.closeAndReadJournal();
        assertEquals(1_200, journal.size());
        for (final Map.Entry<String, Long> ack : acked.entrySet())
        {
            assertEquals("acme/" + ack.getKey(), journal.get(ack.getValue()), "acked event in the journal");
        }
    }

    @Test
    void shouldDeliverWhatIsLeftInTheEgressRingOnShutdown() throws Exception
    {
        launchBlocked();
        final Map<String, Long> acked = new HashMap<>();
        try (LineClient a = fixture.acmeSource(); LineClient b = fixture.acmeSource(); LineClient c = fixture.acmeSource())
        {
            final LineClient[] clients = {a, b, c};
            sendVisits(clients, 400);
            Conditions.await("a ring-full pause", () -> fixture.counter(GatewayCounter.RING_FULL_PAUSES) > 0);

            final Thread closing = new Thread(fixture::close, "closing");
            closing.start();
            Conditions.await("closing started", () -> !fixture.gateway().healthy());
            released.countDown();

            for (final LineClient client : clients)
            {
                for (String line = client.readLine(); null != line; line = client.readLine())
                {
                    final Map<String, Object> ack = LineClient.parse(line);
                    assertEquals("ack", ack.get("type"), ack.toString());
                    assertNull(acked.put((String)ack.get("id"), ((Number)ack.get("seq")).longValue()));
                }
            }
            closing.join(TimeUnit.SECONDS.toMillis(20));
            assertFalse(closing.isAlive(), "close() returned");
        }

        final Map<Long, String> journal = fixture.closeAndReadJournal();
        assertEquals(journal.size(), acked.size(), "every journaled event was acknowledged before the connection closed");
        for (final Map.Entry<String, Long> ack : acked.entrySet())
        {
            assertEquals("acme/" + ack.getKey(), journal.get(ack.getValue()));
        }
        assertEquals(0, fixture.counter(GatewayCounter.EGRESS_DROPPED));
    }

    /**
     * A small engine ring and the smallest egress ring, and a state machine that holds its first event
     * until released: events pile up, then reach the engine in batches larger than the egress ring.
     */
    private void launchBlocked()
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().egressRingBytes(4096);
        fixture.engineContext().tenantDocuments().clear();
        fixture.engineContext().ringSize(1024).stateMachineFactory((outputs) -> (message, sequence, timestampNs) ->
        {
            try
            {
                released.await();
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        });
        fixture.launch();
    }

    private static void sendVisits(final LineClient[] clients, final int perClient)
    {
        for (int i = 0; i < perClient; i++)
        {
            for (int c = 0; c < clients.length; c++)
            {
                clients[c].send("{\"type\":\"visit\",\"id\":\"c" + c + "-" + i + "\",\"lead\":\"L" + i +
                    "\",\"page\":\"/pricing\"}");
            }
        }
    }

    private static void readAcks(final LineClient[] clients, final int perClient, final Map<String, Long> acked)
    {
        for (int c = 0; c < clients.length; c++)
        {
            for (int i = 0; i < perClient; i++)
            {
                final Map<String, Object> ack = clients[c].read();
                assertEquals("ack", ack.get("type"), ack.toString());
                assertEquals("c" + c + "-" + i, ack.get("id"));
                assertNull(acked.put("c" + c + "-" + i, ((Number)ack.get("seq")).longValue()));
            }
        }
    }

    private LineClient rep(final String rep)
    {
        final LineClient client = fixture.json();
        assertEquals("welcome", client.helloRep(ACME, ACME_REP_TOKEN, rep).get("type"));
        return client;
    }

    /**
     * A lead owned by {@code owner} asks for a demo: the engine alerts the owner.
     */
    private void makeHot(final LineClient source, final String lead, final String owner)
    {
        source.send("{\"type\":\"lead\",\"id\":\"e" + eventNumber++ + "\",\"lead\":\"" + lead +
            "\",\"name\":\"Ann\",\"owner\":\"" + owner + "\"}");
        source.send("{\"type\":\"form\",\"id\":\"e" + eventNumber++ + "\",\"lead\":\"" + lead +
            "\",\"form\":\"demo_request\"}");
        assertEquals("ack", source.read().get("type"));
        assertEquals("ack", source.read().get("type"));
    }

    private static Map<String, Object> nextAlert(final LineClient rep)
    {
        return nextOfType(rep, "alert");
    }

    private static Map<String, Object> nextOfType(final LineClient client, final String type)
    {
        while (true)
        {
            final Map<String, Object> line = client.read();
            if (type.equals(line.get("type")))
            {
                return line;
            }
        }
    }
}
