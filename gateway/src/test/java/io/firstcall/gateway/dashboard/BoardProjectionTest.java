package io.firstcall.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcall.codec.PresenceStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.firstcall.gateway.dashboard.BoardScript.MINUTE;
import static io.firstcall.gateway.dashboard.BoardScript.SECOND;
import static io.firstcall.gateway.dashboard.BoardScript.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoardProjectionTest
{
    static final String ROSTER = String.join("\n",
        "tenant: acme",
        "hot:",
        "  forms: [demo_request]",
        "  cooldown: 1m",
        "claim:",
        "  window: 5m",
        "  managerQueue: acme-managers",
        "teams:",
        "  - id: west",
        "    visibility: all",
        "    claimWindow: 5m",
        "    backupWindow: 3m",
        "    managerQueue: west-managers",
        "    backup: w3",
        "    territory: {regions: [us-west]}",
        "  - id: east",
        "    visibility: all",
        "    territory: {regions: [us-east]}",
        "reps:",
        "  - {id: w1, name: Wanda One, team: west, capacity: 2}",
        "  - {id: w2, team: west, weight: 3}",
        "  - {id: w3, team: west}",
        "  - {id: e1, team: east}",
        "");

    private final BoardScript script = new BoardScript(100);

    private BoardScript configured()
    {
        return script.at(T0 - MINUTE).config(ROSTER)
            .presence("w1", PresenceStatus.AVAILABLE).presence("w2", PresenceStatus.AVAILABLE)
            .presence("e1", PresenceStatus.AVAILABLE).presence("w3", PresenceStatus.AVAILABLE).presence("w3", PresenceStatus.BUSY);
    }

    @Test
    void shouldPutAHotLeadOnTheBoardWithItsReasonsWhoWasAlertedAndTheClaimDeadline()
    {
        configured().at(T0).lead("L1", "Ada Lovelace", "us-west", "").form("L1");
        script.publish();

        final JsonNode lead = script.lead("L1", 1);
        assertNotNull(lead, "on the board: " + script.leads().keySet());
        assertEquals("Ada Lovelace", lead.get("name").asText());
        assertEquals("Initech", lead.get("company").asText());
        assertEquals("west", lead.get("team").asText());
        assertEquals("open", lead.get("state").asText());
        assertEquals(List.of("form:demo_request"), texts(lead.get("criteria")));
        assertEquals(List.of("w1", "w2"), texts(lead.get("alerted")), "w3 is busy");
        assertEquals((T0 + 5 * MINUTE) / 1_000_000, lead.get("deadline").asLong());
        assertEquals(T0 / 1_000_000, lead.get("hotAt").asLong());
        assertEquals(8, lead.get("seq").asLong(), "the form's journal sequence, after the config, five presences and the lead");
        assertEquals(Set.of("w1", "w2"), script.leadCard("L1", 1).reps(), "in the queues of the reps offered it");
    }

    @Test
    void shouldShowWhoClaimedAndHowFastAndTakeTheLeadOutOfTheOtherRepsQueues()
    {
        configured().at(T0).lead("L1", "Ada", "us-west", "").form("L1");
        script.publish();
        script.at(T0 + 90 * SECOND).call("L1", "w2");
        script.publish();

        final JsonNode lead = script.lead("L1", 1);
        assertEquals("claimed", lead.get("state").asText());
        assertEquals("w2", lead.get("claimedBy").asText());
        assertEquals(90_000, lead.get("claimMs").asLong());
        assertEquals(0, lead.get("deadline").asLong(), "no countdown once claimed");
        assertEquals(Set.of("w2"), script.leadCard("L1", 1).reps(), "no longer in w1's queue");
        assertEquals(1, script.rep("w2").get("held").asInt());
        assertEquals(1, script.rep("w2").get("claimsToday").asInt());
        assertEquals(1, script.rep("w1").get("alertsToday").asInt());
        assertEquals(0, script.rep("w1").get("claimsToday").asInt());
    }

    @Test
    void shouldEscalateToTheBackupThenQueueTheLeadForTheManagers()
    {
        configured().at(T0).lead("L1", "Ada", "us-west", "").form("L1");
        script.presence("w3", PresenceStatus.AVAILABLE);
        script.at(T0 + 5 * MINUTE + SECOND).tick();
        script.publish();
        JsonNode lead = script.lead("L1", 1);
        assertEquals(1, lead.get("escalations").asInt());
        assertEquals("backup", lead.get("level").asText());
        assertEquals("w3", lead.get("escalatedTo").asText());
        assertEquals(Set.of("w3"), script.leadCard("L1", 1).reps(), "offered to the backup only");

        script.at(T0 + 9 * MINUTE).tick();
        script.publish();
        lead = script.lead("L1", 1);
        assertEquals("queued", lead.get("state").asText());
        assertEquals("west-managers", lead.get("queue").asText());
        assertEquals(2, lead.get("escalations").asInt());
        assertEquals(Set.of(), script.leadCard("L1", 1).reps(), "in no rep's queue");
    }

    @Test
    void shouldCountHeldLeadsAgainstCapacityUntilAnOutcome()
    {
        configured().at(T0).lead("L1", "Ada", "us-west", "").form("L1")
            .lead("L2", "Bob", "us-west", "").form("L2")
            .at(T0 + SECOND).call("L1", "w1").call("L2", "w1");
        script.publish();
        JsonNode w1 = script.rep("w1");
        assertEquals(2, w1.get("held").asInt());
        assertEquals(2, w1.get("capacity").asInt());
        assertEquals("Wanda One", w1.get("name").asText());
        assertEquals("west", w1.get("team").asText());
        assertEquals("available", w1.get("presence").asText());

        script.at(T0 + MINUTE).qualify("L1", "w1");
        script.publish();
        w1 = script.rep("w1");
        assertEquals(1, w1.get("held").asInt());
        assertEquals("closed", script.lead("L1", 1).get("state").asText());
        assertEquals(-1, script.rep("w2").get("capacity").asInt(), "unlimited");
        assertEquals(3, script.rep("w2").get("weight").asInt());
    }

    @Test
    void shouldKeepTheNewestFinishedEpisodesAndEveryOpenOne()
    {
        final BoardScript small = new BoardScript(3);
        small.at(T0 - MINUTE).config(ROSTER).presence("w1", PresenceStatus.AVAILABLE);
        for (int i = 1; i <= 6; i++)
        {
            small.at(T0 + i * SECOND).lead("L" + i, "n", "us-west", "").form("L" + i);
            if (i != 2)
            {
                small.call("L" + i, "w1").qualify("L" + i, "w1");
            }
        }
        small.publish();

        assertEquals(4, small.projection().leadCount(), "three newest plus the open L2");
        assertNotNull(small.lead("L2", 1), "open: kept however old");
        assertNull(small.lead("L1", 1));
        assertNull(small.lead("L3", 1));
        assertNotNull(small.lead("L4", 1));
        assertNotNull(small.lead("L6", 1));
        assertEquals(4, small.leads().size(), "the removals were published too");
    }

    @Test
    void shouldTakeAnEvictedLeadOffTheBoardAndShowItsNextLifeFromEpisodeOne()
    {
        script.at(T0 - MINUTE).config(ROSTER + "leads: {evictAfter: 1h}\n").presence("w1", PresenceStatus.AVAILABLE);
        script.at(T0).lead("L1", "Ada", "us-west", "").form("L1").at(T0 + SECOND).call("L1", "w1").qualify("L1", "w1");
        script.publish();
        assertEquals("closed", script.lead("L1", 1).get("state").asText(), "qualified: finished");

        script.at(T0 + 2 * 60 * MINUTE).tick();
        script.publish();
        assertNull(script.lead("L1", 1), "evicted: its episodes left the board");
        assertEquals(0, script.projection().leadCount());

        final long back = T0 + 3 * 60 * MINUTE;
        script.at(back).lead("L1", "Ada", "us-west", "").form("L1");
        script.publish();
        final JsonNode again = script.lead("L1", 1);
        assertNotNull(again, "named again, its first episode is on the board: " + script.leads().keySet());
        assertEquals("open", again.get("state").asText());
        assertEquals(back / 1_000_000, again.get("hotAt").asLong());
    }

    @Test
    void shouldPublishNothingWhenNothingChanged()
    {
        configured().at(T0).lead("L1", "Ada", "us-west", "").form("L1");
        script.publish();
        script.at(T0 + SECOND).tick();

        assertTrue(script.publish().isEmpty());
    }

    @Test
    void shouldNeverGiveTwoTenantsLeadsTheSameKey()
    {
        assertEquals("acme/L1/1", BoardLead.key("acme", "L1", 1));
        assertTrue(!BoardLead.key("a", "b/c", 1).equals(BoardLead.key("a/b", "c", 1)));
        assertTrue(!BoardLead.key("a%2Fb", "c", 1).equals(BoardLead.key("a/b", "c", 1)));
    }

    private static List<String> texts(final JsonNode array)
    {
        final java.util.ArrayList<String> texts = new java.util.ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
