package io.firstcall.gateway;

import io.firstcall.gateway.support.Conditions;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayEventsTest
{
    /** One line of every client event type, each with its id. */
    static final String[][] EVENT_OF_EVERY_TYPE = {
        {"e-lead", "{\"type\":\"lead\",\"id\":\"e-lead\",\"lead\":\"L1\",\"email\":\"ann@example.com\",\"phone\":\"+441\"," +
            "\"name\":\"Ann\",\"company\":\"Initech\",\"industry\":\"software\",\"region\":\"emea\",\"employees\":50," +
            "\"product\":\"core\",\"source\":\"web\",\"owner\":\"r1\",\"timezone\":\"Europe/London\"}"},
        {"e-form", "{\"type\":\"form\",\"id\":\"e-form\",\"lead\":\"L1\",\"form\":\"ebook_download\"}"},
        {"e-visit", "{\"type\":\"visit\",\"id\":\"e-visit\",\"lead\":\"L1\",\"page\":\"/pricing\"}"},
        {"e-trial", "{\"type\":\"trial\",\"id\":\"e-trial\",\"lead\":\"L1\",\"milestone\":\"invited_team\"}"},
        {"e-score", "{\"type\":\"score\",\"id\":\"e-score\",\"lead\":\"L1\",\"score\":42}"},
        {"e-presence", "{\"type\":\"presence\",\"id\":\"e-presence\",\"rep\":\"r1\",\"status\":\"available\"}"},
        {"e-call", "{\"type\":\"call\",\"id\":\"e-call\",\"lead\":\"L1\",\"rep\":\"r1\",\"outcome\":\"no_answer\"}"},
        {"e-email", "{\"type\":\"email\",\"id\":\"e-email\",\"lead\":\"L1\",\"rep\":\"r1\"}"},
        {"e-sms", "{\"type\":\"sms\",\"id\":\"e-sms\",\"lead\":\"L1\",\"rep\":\"r1\"}"},
        {"e-qualify", "{\"type\":\"qualify\",\"id\":\"e-qualify\",\"lead\":\"L1\",\"rep\":\"r1\",\"result\":\"qualified\"," +
            "\"reason\":\"budget\"}"},
        {"e-opportunity", "{\"type\":\"opportunity\",\"id\":\"e-opportunity\",\"lead\":\"L1\",\"rep\":\"r1\",\"amount\":1200.50}"},
        {"e-converted", "{\"type\":\"converted\",\"id\":\"e-converted\",\"lead\":\"L1\",\"at\":\"2026-11-26T10:15:30Z\"}"},
    };

    @TempDir
    Path dataDir;

    private GatewayFixture fixture;

    @BeforeEach
    void launch()
    {
        fixture = new GatewayFixture(dataDir).launch();
    }

    @AfterEach
    void close()
    {
        fixture.close();
    }

    @Test
    void shouldAckEveryEventTypeWithItsJournalSequence()
    {
        final List<Map<String, Object>> acks = new ArrayList<>();
        try (LineClient client = fixture.acmeSource())
        {
            for (final String[] event : EVENT_OF_EVERY_TYPE)
            {
                client.send(event[1]);
            }
            for (int i = 0; i < EVENT_OF_EVERY_TYPE.length; i++)
            {
                acks.add(client.read());
            }
        }

        final Map<Long, String> journal = fixture.closeAndReadJournal();
        for (int i = 0; i < EVENT_OF_EVERY_TYPE.length; i++)
        {
            final Map<String, Object> ack = acks.get(i);
            assertEquals("ack", ack.get("type"), ack.toString());
            assertEquals(EVENT_OF_EVERY_TYPE[i][0], ack.get("id"), "acks come in the order events were sent");
            assertEquals(false, ack.get("duplicate"));
            final long seq = ((Number)ack.get("seq")).longValue();
            assertEquals(ACME + "/" + EVENT_OF_EVERY_TYPE[i][0], journal.get(seq), "journal entry at seq " + seq);
        }
        assertEquals(EVENT_OF_EVERY_TYPE.length, fixture.counter(GatewayCounter.ACKS_SENT));
    }

    @Test
    void shouldAnswerRepeatedIdWithOriginalSequenceAcrossConnectionsButNotAcrossTenants()
    {
        try (LineClient first = fixture.acmeSource(); LineClient second = fixture.acmeSource(); LineClient globex = fixture.json())
        {
            globex.hello(GLOBEX, GLOBEX_SOURCE_TOKEN);
            final String line = "{\"type\":\"visit\",\"id\":\"v-1\",\"lead\":\"L1\",\"page\":\"/pricing\"}";

            first.send(line);
            final Map<String, Object> original = first.read();
            first.send(line);
            final Map<String, Object> again = first.read();
            second.send(line);
            final Map<String, Object> fromOtherConnection = second.read();
            globex.send(line);
            final Map<String, Object> otherTenant = globex.read();

            assertEquals(false, original.get("duplicate"));
            assertEquals(true, again.get("duplicate"));
            assertEquals(original.get("seq"), again.get("seq"));
            assertEquals(true, fromOtherConnection.get("duplicate"));
            assertEquals(original.get("seq"), fromOtherConnection.get("seq"));
            assertEquals(false, otherTenant.get("duplicate"));
            assertNotEquals(original.get("seq"), otherTenant.get("seq"));
        }
    }

    @Test
    void shouldTakeRepEventsForItsOwnRepOnlyAndStayOpen()
    {
        try (LineClient rep = fixture.json())
        {
            assertEquals("welcome", rep.helloRep(ACME, ACME_REP_TOKEN, "r1").get("type"));

            rep.send("{\"type\":\"call\",\"id\":\"c-1\",\"lead\":\"L1\",\"outcome\":\"started\"}");
            rep.send("{\"type\":\"call\",\"id\":\"c-2\",\"lead\":\"L1\",\"rep\":\"r2\",\"outcome\":\"started\"}");
            rep.send("{\"type\":\"lead\",\"id\":\"l-1\",\"lead\":\"L1\"}");
            rep.send("{\"type\":\"email\",\"id\":\"m-1\",\"lead\":\"L1\",\"rep\":\"r1\"}");

            assertEquals("ack", rep.read().get("type"));
            final Map<String, Object> forbiddenRep = rep.read();
            assertEquals("forbidden_rep", forbiddenRep.get("code"));
            assertEquals("c-2", forbiddenRep.get("id"));
            final Map<String, Object> forbiddenType = rep.read();
            assertEquals("forbidden_type", forbiddenType.get("code"));
            assertEquals("l-1", forbiddenType.get("id"));
            final Map<String, Object> ack = rep.read();
            assertEquals("ack", ack.get("type"));
            assertEquals("m-1", ack.get("id"));
        }
        assertEquals(2, fixture.counter(GatewayCounter.EVENT_ERRORS));
        assertEquals(0, fixture.counter(GatewayCounter.PROTOCOL_ERRORS));
    }

    @Test
    void shouldAnswerBadEventsInTheOrderTheyCameBetweenAcks()
    {
        try (LineClient client = fixture.acmeSource())
        {
            for (int i = 0; i < 50; i++)
            {
                client.send("{\"type\":\"visit\",\"id\":\"v-" + i + "\",\"lead\":\"L1\",\"page\":\"/pricing\"}");
                client.send("{\"type\":\"visit\",\"id\":\"bad-" + i + "\",\"page\":\"/pricing\"}");
            }
            for (int i = 0; i < 50; i++)
            {
                final Map<String, Object> ack = client.read();
                assertEquals("v-" + i, ack.get("id"), ack.toString());
                assertEquals("ack", ack.get("type"));
                final Map<String, Object> error = client.read();
                assertEquals("bad-" + i, error.get("id"), error.toString());
                assertEquals("missing_field", error.get("code"));
                assertEquals("lead", error.get("field"));
            }
        }
    }

    @Test
    void shouldAnswerEverythingThenCloseWhenClientHalfCloses()
    {
        try (LineClient client = fixture.acmeSource())
        {
            for (int i = 0; i < 100; i++)
            {
                client.send("{\"type\":\"visit\",\"id\":\"v-" + i + "\",\"lead\":\"L1\",\"page\":\"/pricing\"}");
            }
            client.shutdownOutput();

            for (int i = 0; i < 100; i++)
            {
                assertEquals("v-" + i, client.read().get("id"));
            }
            assertTrue(client.isClosedByServer());
        }
    }

    @Test
    void shouldDeliverAcksOfOfferedEventsDuringGracefulClose()
    {
        final int events = 300;
        try (LineClient client = fixture.acmeSource())
        {
            for (int i = 0; i < events; i++)
            {
                client.send("{\"type\":\"visit\",\"id\":\"v-" + i + "\",\"lead\":\"L" + i + "\",\"page\":\"/pricing\"}");
            }
            Conditions.await("all events offered", () -> fixture.counter(GatewayCounter.EVENTS_OFFERED) == events);

            fixture.close();

            for (int i = 0; i < events; i++)
            {
                final Map<String, Object> ack = client.read();
                assertEquals("v-" + i, ack.get("id"));
            }
            assertTrue(client.isClosedByServer());
        }
        assertEquals(false, fixture.gateway().healthy());
    }
}
