package io.firstcall.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardHubTest
{
    private final EmbeddedChannel loop = new EmbeddedChannel();
    private final DashboardHub hub = new DashboardHub(
        100, () -> 1_000L, new SpeedFigures(() -> null));

    DashboardHubTest()
    {
        hub.start(loop.eventLoop(), null);
    }

    @Test
    void shouldSendEachViewerASnapshotOfOnlyWhatItMaySee()
    {
        hub.offer(changes(List.of(lead("acme", "L1", Set.of("r1")), lead("acme", "L2", Set.of("r2")),
            lead("globex", "G1", Set.of("r1"))), List.of(rep("acme", "r1"), rep("globex", "r1"))));
        final EmbeddedChannel operator = subscribe(Viewer.OPERATOR);
        final EmbeddedChannel manager = subscribe(Viewer.manager("acme"));
        final EmbeddedChannel rep = subscribe(Viewer.rep("acme", "r1"));

        assertEquals(List.of("acme/L1/1", "acme/L2/1", "globex/G1/1"), keys(snapshot(operator), "leads"));
        assertEquals(List.of("acme/L1/1", "acme/L2/1"), keys(snapshot(manager), "leads"));
        final JsonNode repSnapshot = snapshot(rep);
        assertEquals(List.of("acme/L1/1"), keys(repSnapshot, "leads"), "r1's own queue, no other tenant's r1");
        assertEquals(List.of("acme/r1"), keys(repSnapshot, "reps"));
        assertTrue(repSnapshot.get("reset").asBoolean() && repSnapshot.get("last").asBoolean());
    }

    @Test
    void shouldTellARepWhenALeadLeavesTheirQueueAndSendOthersNothingOfIt()
    {
        final EmbeddedChannel r1 = subscribe(Viewer.rep("acme", "r1"));
        final EmbeddedChannel r2 = subscribe(Viewer.rep("acme", "r2"));
        final EmbeddedChannel globex = subscribe(Viewer.manager("globex"));
        drain(r1);
        drain(r2);
        drain(globex);

        hub.offer(changes(List.of(lead("acme", "L1", Set.of("r1", "r2"))), List.of()));
        hub.drain();
        loop.runPendingTasks();
        assertEquals(List.of("acme/L1/1"), keys(next(r1), "leads"));
        assertEquals(List.of("acme/L1/1"), keys(next(r2), "leads"));

        hub.offer(changes(List.of(lead("acme", "L1", Set.of("r2"))), List.of()));
        hub.drain();
        loop.runPendingTasks();
        final JsonNode toR1 = next(r1);
        assertEquals(List.of(), keys(toR1, "leads"));
        assertEquals("acme/L1/1", toR1.get("removed").get(0).asText(), "claimed by r2: out of r1's queue");
        assertEquals(List.of("acme/L1/1"), keys(next(r2), "leads"));
        assertNull(globex.readOutbound(), "another tenant's manager is sent nothing");
    }

    @Test
    void shouldSendTheSnapshotInChunks()
    {
        final List<BoardCard> many = new ArrayList<>();
        for (int i = 0; i < DashboardHub.SNAPSHOT_CHUNK + 10; i++)
        {
            many.add(lead("acme", "L" + i, Set.of()));
        }
        hub.offer(changes(many, List.of()));
        final EmbeddedChannel manager = subscribe(Viewer.manager("acme"));

        final JsonNode first = snapshot(manager);
        final JsonNode second = next(manager);
        assertEquals(DashboardHub.SNAPSHOT_CHUNK, first.get("leads").size());
        assertTrue(first.get("reset").asBoolean() && !first.get("last").asBoolean());
        assertEquals(10, second.get("leads").size());
        assertTrue(!second.get("reset").asBoolean() && second.get("last").asBoolean());
    }

    private EmbeddedChannel subscribe(final Viewer viewer)
    {
        final EmbeddedChannel channel = new EmbeddedChannel();
        hub.subscribe(channel, viewer);
        hub.drain();
        loop.runPendingTasks();
        return channel;
    }

    private static JsonNode snapshot(final EmbeddedChannel channel)
    {
        JsonNode message = next(channel);
        while (!"snapshot".equals(message.get("type").asText()))
        {
            message = next(channel);
        }
        return message;
    }

    private static void drain(final EmbeddedChannel channel)
    {
        TextWebSocketFrame frame;
        while (null != (frame = channel.readOutbound()))
        {
            frame.release();
        }
    }

    private static JsonNode next(final EmbeddedChannel channel)
    {
        final TextWebSocketFrame frame = channel.readOutbound();
        try
        {
            return BoardScript.json(frame.text());
        }
        finally
        {
            frame.release();
        }
    }

    private static List<String> keys(final JsonNode message, final String field)
    {
        final List<String> keys = new ArrayList<>();
        message.get(field).forEach(card -> keys.add(card.get("key").asText()));
        return keys;
    }

    private static BoardChanges changes(final List<BoardCard> leads, final List<BoardCard> reps)
    {
        return new BoardChanges(leads, reps, 0);
    }

    private static BoardCard lead(final String tenant, final String lead, final Set<String> reps)
    {
        final String key = tenant + "/" + lead + "/1";
        final String json = "{\"key\":\"" + key + "\",\"tenant\":\"" + tenant + "\"}";
        return new BoardCard(key, tenant, reps, json, json);
    }

    private static BoardCard rep(final String tenant, final String rep)
    {
        final String key = tenant + "/" + rep;
        final String json = "{\"key\":\"" + key + "\"}";
        return new BoardCard(key, tenant, Set.of(rep), json, json);
    }
}
