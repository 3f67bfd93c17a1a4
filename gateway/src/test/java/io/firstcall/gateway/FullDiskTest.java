package io.firstcall.gateway;

import io.firstcall.engine.LeadStateMachine;
import io.firstcall.gateway.support.Conditions;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import io.firstcall.gateway.support.LogCapture;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.replay.JournalReplayer;
import io.firstcall.replay.ReplayReport;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineHealth;
import io.firstcall.support.Tmpfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's data directory on a real 64 MiB tmpfs, filled by a source streaming lead events of about
 * 1.5 KB: events are refused with journal_unavailable once the disk space guard (or, with it off, the
 * full disk) stops them, nothing acknowledged is lost, and events are taken again, without a restart,
 * once space is freed. Skipped where a tmpfs cannot be mounted.
 */
class FullDiskTest
{
    private static final int BATCH = 100;
    private static final String PADDING = "x".repeat(240);

    @TempDir
    Path dir;

    @Test
    void shouldStopTakingEventsAtTheMinimumFreeSpaceAndTakeThemAgainWhenThereIsRoom() throws Exception
    {
        fillAndRecover(16, EngineHealth.Problem.DISK_SPACE, EngineCounter.EVENTS_REFUSED_DISK_SPACE);
    }

    @Test
    void shouldRefuseEventsOnAFullDiskWithoutTheGuardAndTakeThemAgainWhenThereIsRoom() throws Exception
    {
        fillAndRecover(0, EngineHealth.Problem.INPUT_JOURNAL, EngineCounter.JOURNAL_FAILURES);
    }

    private void fillAndRecover(
        final int minFreeDiskMb, final EngineHealth.Problem expectedProblem, final EngineCounter expectedCounter)
        throws Exception
    {
        final Path mountPoint = Files.createDirectories(dir.resolve("tmpfs"));
        try (LogCapture logs = LogCapture.start(); Tmpfs tmpfs = Tmpfs.mount(mountPoint, 64))
        {
            final Path filler = tmpfs.fill("filler", 8L * 1024 * 1024);
            final Path data = tmpfs.path().resolve("data");
            final Map<String, Long> acknowledged = new LinkedHashMap<>();
            final List<String> refused = new ArrayList<>();

            GatewayFixture fixture = launch(data, minFreeDiskMb);
            try (LineClient source = fixture.acmeSource())
            {
                int next = 0;
                while (refused.size() < 3 * BATCH && next < 100_000)
                {
                    next = sendBatch(source, next, acknowledged, refused);
                }
                assertTrue(acknowledged.size() > 10_000, "acknowledged before the disk filled: " + acknowledged.size());
                assertFalse(refused.isEmpty(), "nothing refused after " + next + " events");
                final Gateway gateway = fixture.gateway();
                assertTrue(gateway.engine().health().has(expectedProblem), gateway.healthProblems().toString());
                assertFalse(gateway.healthy());
                assertTrue(gateway.engine().counters().value(expectedCounter) >= refused.size());
                assertFalse(gateway.engine().errorHandler().report().contains("InternalError"),
                    gateway.engine().errorHandler().report());
                assertEquals(1, logs.messages().stream().filter(line -> line.startsWith(expectedProblem.label() + ":")).count(),
                    "one line for the episode, however many events were refused: " + logs.messages());

                Files.delete(filler);
                final int resumedFrom = next;
                Conditions.await("an event taken again once there is room", () ->
                    sendBatch(source, resumedFrom, acknowledged, new ArrayList<>()) > 0 &&
                    acknowledged.containsKey(id(resumedFrom)), 10_000);
                for (int i = 0; i < refused.size(); i += BATCH)
                {
                    resend(source, refused.subList(i, Math.min(refused.size(), i + BATCH)), acknowledged, false);
                }
                Conditions.await("healthy again", gateway::healthy);
            }
            fixture.close();

            fixture = launch(data, minFreeDiskMb);
            try (LineClient source = fixture.acmeSource())
            {
                assertEquals(acknowledged.size() + 2, fixture.gateway().engine().recoveredEvents(),
                    "the two tenants' configurations and every event acknowledged, nothing else");
                final List<String> ids = new ArrayList<>(acknowledged.keySet());
                for (int i = 0; i < ids.size(); i += BATCH)
                {
                    resend(source, ids.subList(i, Math.min(ids.size(), i + BATCH)), acknowledged, true);
                }
            }
            fixture.close();

            try (Journal input = ChronicleJournal.open(data.resolve("input"));
                Journal output = ChronicleJournal.open(data.resolve("output")))
            {
                final ReplayReport report = JournalReplayer.replay(input, output, LeadStateMachine::new);
                assertTrue(report.identical(), report.toString());
            }
        }
    }

    private static GatewayFixture launch(final Path data, final int minFreeDiskMb)
    {
        final GatewayFixture fixture = new GatewayFixture(data);
        fixture.engineContext().minFreeDiskMb(minFreeDiskMb);
        return fixture.launch();
    }

    /**
     * Send a batch of new lead events and read the replies.
     *
     * @return the number of the next event.
     */
    private static int sendBatch(
        final LineClient source, final int from, final Map<String, Long> acknowledged, final List<String> refused)
    {
        for (int i = from; i < from + BATCH; i++)
        {
            source.send(lead(id(i)));
        }
        for (int i = from; i < from + BATCH; i++)
        {
            final Map<String, Object> reply = source.read();
            assertEquals(id(i), reply.get("id"), reply.toString());
            if ("ack".equals(reply.get("type")))
            {
                acknowledged.put(id(i), ((Number)reply.get("seq")).longValue());
            }
            else
            {
                assertEquals("journal_unavailable", reply.get("code"), reply.toString());
                refused.add(id(i));
            }
        }
        return from + BATCH;
    }

    /**
     * Send events again and check each reply: a duplicate with its original sequence, or newly acknowledged.
     */
    private static void resend(
        final LineClient source, final List<String> ids, final Map<String, Long> acknowledged, final boolean duplicates)
    {
        for (final String id : ids)
        {
            source.send(lead(id));
        }
        for (final String id : ids)
        {
            final Map<String, Object> reply = source.read();
            assertEquals("ack", reply.get("type"), reply.toString());
            assertEquals(id, reply.get("id"));
            assertEquals(duplicates, reply.get("duplicate"), reply.toString());
            final long sequence = ((Number)reply.get("seq")).longValue();
            if (duplicates)
            {
                assertEquals(acknowledged.get(id), sequence, "acknowledged before with this sequence: " + id);
            }
            else
            {
                acknowledged.put(id, sequence);
            }
        }
    }

    private static String id(final int number)
    {
        return "e" + number;
    }

    /**
     * A lead event of about 1.5 KB.
     */
    private static String lead(final String id)
    {
        return "{\"type\":\"lead\",\"id\":\"" + id + "\",\"lead\":\"L" + id + "\",\"name\":\"" + PADDING +
            "\",\"email\":\"" + PADDING + "\",\"phone\":\"" + PADDING + "\",\"company\":\"" + PADDING +
            "\",\"industry\":\"" + PADDING + "\",\"product\":\"" + PADDING + "\",\"region\":\"us-west\"}";
    }
}
