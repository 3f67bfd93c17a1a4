package io.firstcall.gateway;

import io.firstcall.gateway.support.Conditions;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ring of four slots and a state machine that blocks until released: the gateway must stop reading,
 * keep every event, and acknowledge all of them once the engine moves again, with nothing lost.
 */
class BackPressureTest
{
    @TempDir
    Path dataDir;

    private final CountDownLatch released = new CountDownLatch(1);
    private GatewayFixture fixture;

    @AfterEach
    void close()
    {
        released.countDown();
        fixture.close();
    }

    @Test
    void shouldPauseOnFullRingAndAckEveryEventOnceReleasedWithNothingLost()
    {
        fixture = new GatewayFixture(dataDir);
        fixture.engineContext().tenantDocuments().clear();
        fixture.engineContext().ringSize(4).stateMachineFactory(outputs -> (message, sequence, timestampNs) ->
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

        final int jsonEvents = 200;
        final int secondEvents = 100;
        final Map<String, Long> ackedSeqById = new HashMap<>();
        try (LineClient first = fixture.acmeSource(); LineClient second = fixture.acmeSource())
        {
            for (int i = 0; i < jsonEvents; i++)
            {
                first.send("{\"type\":\"visit\",\"id\":\"a-" + i + "\",\"lead\":\"L" + i + "\",\"page\":\"/pricing\"}");
            }
            for (int i = 0; i < secondEvents; i++)
            {
                second.send("{\"type\":\"visit\",\"id\":\"b-" + i + "\",\"lead\":\"L" + i + "\",\"page\":\"/pricing\"}");
            }

            Conditions.await("a ring-full pause", () -> fixture.counter(GatewayCounter.RING_FULL_PAUSES) > 0);
            assertTrue(fixture.counter(GatewayCounter.ACKS_SENT) < jsonEvents + secondEvents);

            released.countDown();

            readAcks(first, "a-", jsonEvents, ackedSeqById);
            readAcks(second, "b-", secondEvents, ackedSeqById);
        }

        final Map<Long, String> journal = fixture.closeAndReadJournal();
        assertEquals(jsonEvents + secondEvents, journal.size());
        for (final Map.Entry<String, Long> acked : ackedSeqById.entrySet())
        {
            assertEquals("acme/" + acked.getKey(), journal.get(acked.getValue()), "acked event in the journal");
        }
    }

    private static void readAcks(final LineClient client, final String prefix, final int count, final Map<String, Long> seqById)
    {
        for (int i = 0; i < count; i++)
        {
            final Map<String, Object> ack = client.read();
            assertEquals("ack", ack.get("type"), ack.toString());
            assertEquals(prefix + i, ack.get("id"));
            assertNull(seqById.put(prefix + i, ((Number)ack.get("seq")).longValue()));
        }
    }
}
