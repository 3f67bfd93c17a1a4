package io.firstcall.gateway;

import io.firstcall.event.EventWriter;
import io.firstcall.gateway.support.FailingJournal;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import io.firstcall.status.EngineCounter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a client and an operator see when the input journal cannot take events, and the answers to ids
 * acknowledged before, whatever the journal says their sequence is.
 */
class JournalUnavailableTest
{
    @TempDir
    Path dataDir;

    private GatewayFixture fixture;

    @AfterEach
    void close()
    {
        if (null != fixture)
        {
            fixture.close();
        }
    }

    @Test
    void shouldAnswerJournalUnavailableAndBeDownWhileTheJournalFailsThenAcknowledgeAgain() throws Exception
    {
        final FailingJournal[] input = new FailingJournal[1];
        fixture = new GatewayFixture(dataDir);
        fixture.engineContext().journalFactory(path ->
        {
            final Journal journal = ChronicleJournal.open(path);
            if (path.endsWith("input"))
            {
                input[0] = new FailingJournal(journal);
                return input[0];
            }
            return journal;
        });
        fixture.launch();
        try (LineClient source = fixture.acmeSource())
        {
            source.send(visit("v1"));
            final Map<String, Object> ack = source.read();
            assertEquals("ack", ack.get("type"), ack.toString());
            assertEquals(200, health().statusCode());

            input[0].failing(true);
            source.send(visit("v2")).send(visit("v3"));
            for (final String id : List.of("v2", "v3"))
            {
                final Map<String, Object> error = source.read();
                assertEquals("error", error.get("type"), error.toString());
                assertEquals("journal_unavailable", error.get("code"));
                assertEquals(id, error.get("id"));
                assertTrue(error.get("message").toString().contains("send it again"), error.toString());
            }
            final HttpResponse<String> down = health();
            assertEquals(503, down.statusCode());
            assertTrue(down.body().contains("input journal: appends fail") &&
                down.body().contains("No space left on device"), down.body());
            assertEquals(2, fixture.gateway().engine().counters().value(EngineCounter.JOURNAL_FAILURES));
            assertEquals(2, fixture.counter(GatewayCounter.JOURNAL_UNAVAILABLE));

            input[0].failing(false);
            source.send(visit("v2"));
            final Map<String, Object> retried = source.read();
            assertEquals("ack", retried.get("type"), retried.toString());
            assertEquals(false, retried.get("duplicate"));
            assertEquals(((Number)ack.get("seq")).longValue() + 1, ((Number)retried.get("seq")).longValue(),
                "the refused events used no sequence");
            assertEquals(200, health().statusCode());
        }
    }

    @Test
    void shouldAnswerARetriedIdWithTheSequenceItWasJournaledWithWhateverItIs()
    {
        final long hugeSequence = 1L << 62;
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096]));
        final int length = writer.visit(GatewayFixture.ACME, "v1", "L1", "/pricing");
        final UnsafeBuffer record = new UnsafeBuffer(new byte[4096]);
        // Journaled now: ids are remembered for the dedup horizon of engine time (docs/protocol.md).
        RecordHeader.write(record, 0, hugeSequence, System.currentTimeMillis() * 1_000_000);
        record.putBytes(RecordHeader.LENGTH, writer.buffer(), 0, length);
        try (Journal journal = ChronicleJournal.open(dataDir.resolve("input")))
        {
            journal.append(record, 0, RecordHeader.LENGTH + length);
        }

        fixture = new GatewayFixture(dataDir).launch();
        try (LineClient source = fixture.acmeSource())
        {
            source.send(visit("v1")).send(visit("v2"));
            final Map<String, Object> duplicate = source.read();
            assertEquals("ack", duplicate.get("type"), duplicate.toString());
            assertEquals(true, duplicate.get("duplicate"));
            assertEquals(hugeSequence, ((Number)duplicate.get("seq")).longValue());
            final Map<String, Object> next = source.read();
            assertEquals("ack", next.get("type"), next.toString());
            assertEquals("v2", next.get("id"), "the connection goes on");
        }
    }

    private static String visit(final String id)
    {
        return "{\"type\":\"visit\",\"id\":\"" + id + "\",\"lead\":\"L1\",\"page\":\"/pricing\"}";
    }

    private HttpResponse<String> health() throws Exception
    {
        return HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.gateway().httpPort() + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
