package io.firstcall.engine;

import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.engine.lead.LeadTable;
import io.firstcall.event.EventWriter;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leads with no activity and no open episode for the tenant's {@code leads.evictAfter} are evicted
 * on the journaled tick that reaches the horizon, recorded as {@code LeadEvicted}; never one with an
 * open episode; a lead named again afterwards starts fresh; a stream of new leads stays bounded.
 */
class LeadEvictionTest
{
    private static final long T0 = TimeUnit.DAYS.toNanos(20_000);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);
    private static final String EVICT_AFTER_HOUR = "tenant: acme\nleads:\n  evictAfter: 1h\n";
    private static final String OWNED_TEAM = EVICT_AFTER_HOUR +
        "routing:\n  holdFor: 3h\nteams:\n  - {id: west, visibility: owned}\nreps:\n  - {id: r1, team: west}\n";

    private final CapturedOutputs outputs = new CapturedOutputs();
    private final MachineDriver driver = new MachineDriver(outputs, 16);
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[64 * 1024]));
    private long sequence;
    private int id;

    @Test
    void shouldEvictAnInactiveLeadAtTheFirstTickAtItsHorizonAndNotBefore()
    {
        config(EVICT_AFTER_HOUR, T0);
        send(writer.lead("acme", id(), "L1", "a@b.c", "Ann", "Co", "saas", "emea", 10, "web", null), T0);

        tick(T0 + HOUR - 1);
        assertEquals(List.of(), evictions());
        assertEquals(1, leads().size());

        tick(T0 + HOUR);
        assertEquals(List.of("Decision seq=3 kind=LEAD_EVICTED tenant=acme lead=L1 detail={\"lastActivity\":\"" +
            iso(T0) + "\"}"), evictions());
        assertEquals(0, leads().size());

        tick(T0 + 10 * HOUR);
        assertEquals(1, evictions().size(), "evicted once");
    }

    @Test
    void shouldCountTheHorizonFromTheLastEventThatNamedTheLead()
    {
        config(EVICT_AFTER_HOUR, T0);
        send(writer.lead("acme", id(), "L1", "a@b.c", "Ann", "Co", "saas", "emea", 10, "web", null), T0);
        send(writer.visit("acme", id(), "L1", "/blog"), T0 + 30 * MINUTE);
        send(writer.email("acme", id(), "L1", "r1"), T0 + 40 * MINUTE);

        tick(T0 + HOUR);
        tick(T0 + 100 * MINUTE - 1);
        assertEquals(List.of(), evictions());
        tick(T0 + 100 * MINUTE);
        assertEquals(1, evictions().size());
        assertTrue(evictions().get(0).contains(iso(T0 + 40 * MINUTE)), evictions().toString());
    }

    @Test
    void shouldNeverEvictALeadWaitingInTheManagerQueue()
    {
        config(EVICT_AFTER_HOUR, T0);
        send(writer.lead("acme", id(), "L1", "a@b.c", "Ann", "Co", "saas", "emea", 10, "web", null), T0);
        send(writer.form("acme", id(), "L1", "demo_request"), T0);
        assertEquals(1, outputs.linesStartingWith("Alert").size(), "no owner: the manager queue is alerted");

        for (long at = T0 + HOUR; at <= T0 + 30 * 24 * HOUR; at += HOUR)
        {
            tick(at);
        }
        assertEquals(List.of(), evictions(), "the queue waits for a claim without a deadline");

        final long claimedAt = T0 + 30 * 24 * HOUR + MINUTE;
        send(writer.call("acme", id(), "L1", "manager", CallOutcome.STARTED), claimedAt);
        assertEquals(1, outputs.linesStartingWith("Decision seq=" + (sequence - 1) + " kind=CLAIMED").size());
        tick(claimedAt + HOUR - 1);
        assertEquals(List.of(), evictions());
        tick(claimedAt + HOUR);
        assertEquals(1, evictions().size(), "claimed by someone outside the roster: nothing held, evicted at the horizon");
    }

    @Test
    void shouldWaitForACapacityHoldToEndAndEvictOnTheTickThatEndsIt()
    {
        config(OWNED_TEAM, T0);
        send(writer.presence("acme", id(), "r1", PresenceStatus.AVAILABLE), T0);
        send(writer.lead("acme", id(), "L1", "a@b.c", "Ann", "Co", "saas", "emea", 10, "web", null), T0);
        send(writer.form("acme", id(), "L1", "demo_request"), T0);
        send(writer.call("acme", id(), "L1", "r1", CallOutcome.STARTED), T0 + MINUTE);
        assertEquals(1, outputs.linesStartingWith("Assignment").stream().filter(l -> l.contains("reason=CLAIM")).count());

        tick(T0 + MINUTE + HOUR);
        tick(T0 + MINUTE + 3 * HOUR - 1);
        assertEquals(List.of(), evictions(), "r1 holds the lead for 3 hours");
        tick(T0 + MINUTE + 3 * HOUR);
        assertEquals(1, evictions().size(), "the tick that ends the hold");
        assertTrue(evictions().get(0).contains(iso(T0 + MINUTE)), evictions().toString());
    }

    @Test
    void shouldStartAFreshLeadWhenAnEvictedOneIsNamedAgain()
    {
        config(EVICT_AFTER_HOUR + "hot:\n  cooldown: 30d\n", T0);
        send(writer.lead("acme", id(), "L1", "a@b.c", "Ann", "Co", "saas", "emea", 10, "web", "owner1"), T0);
        send(writer.form("acme", id(), "L1", "demo_request"), T0);
        send(writer.call("acme", id(), "L1", "owner1", CallOutcome.STARTED), T0 + MINUTE);
        tick(T0 + MINUTE + HOUR);
        assertEquals(1, evictions().size());

        send(writer.form("acme", id(), "L1", "demo_request"), T0 + 2 * HOUR);
        final List<String> created = outputs.linesStartingWith("Decision").stream().filter(l -> l.contains("kind=LEAD_CREATED")).toList();
        assertEquals(2, created.size(), "created afresh");
        final List<String> hot = outputs.linesStartingWith("Decision").stream().filter(l -> l.contains("kind=HOT")).toList();
        assertEquals(2, hot.size(), "the cooldown of the forgotten lead does not apply: " + hot);
        assertTrue(hot.get(1).contains("\"episode\":1"), "episodes count from 1 again: " + hot.get(1));
        assertEquals(List.of(), outputs.linesStartingWith("Alert").stream().filter(l -> l.contains("rep=owner1") &&
            l.contains("seq=" + (sequence - 1))).toList(), "the owner was forgotten with the profile");
    }

    @Test
    void shouldSpreadAMassEvictionOverTicksInTheOrderTheLeadsFellDue()
    {
        config(EVICT_AFTER_HOUR, T0);
        final int leads = 10_000;
        for (int i = 0; i < leads; i++)
        {
            send(writer.visit("acme", id(), "L" + i, "/"), T0);
            send(writer.score("acme", id(), "L" + i, 5), T0);
        }
        assertEquals(leads, leads().size());

        tick(T0 + HOUR);
        assertEquals(LeadEvictions.MAX_CHECKS_PER_TICK, evictions().size());
        tick(T0 + HOUR + 1);
        assertEquals(2 * LeadEvictions.MAX_CHECKS_PER_TICK, evictions().size());
        tick(T0 + HOUR + 2);
        final List<String> evicted = evictions();
        assertEquals(leads, evicted.size());
        for (int i = 0; i < leads; i++)
        {
            assertTrue(evicted.get(i).contains(" lead=L" + i + " "), "in creation order: " + evicted.get(i));
        }
    }

    @Test
    void shouldHoldAStreamOfNewLeadsInBoundedMemory()
    {
        config(EVICT_AFTER_HOUR, T0);
        int mostLive = 0;
        for (int minute = 0; minute < 24 * 60; minute++)
        {
            final long at = T0 + minute * MINUTE;
            for (int i = 0; i < 20; i++)
            {
                send(writer.score("acme", id(), "L" + minute + "-" + i, 5), at);
            }
            tick(at);
            mostLive = Math.max(mostLive, leads().size());
        }

        assertEquals(24 * 60 * 20 - 60 * 20, evictions().size(), "every lead of the last hour is kept, every older one gone");
        assertEquals(60 * 20, mostLive, "live leads after each tick: the last hour's");
        assertTrue(leads().limit() <= 61 * 20, "indices are reused, so the tables stay this long: " + leads().limit());
    }

    @Test
    void shouldArmEveryLeadWhenEvictionIsSwitchedOnAndNoneWhenOff()
    {
        config("tenant: acme\n", T0);
        send(writer.score("acme", id(), "L1", 5), T0);
        send(writer.score("acme", id(), "L2", 5), T0 + HOUR);
        tick(T0 + 10 * HOUR);
        assertEquals(List.of(), evictions(), "off by default");

        config(EVICT_AFTER_HOUR.replace("1h", "2h"), T0 + 10 * HOUR);
        tick(T0 + 10 * HOUR);
        assertEquals(2, evictions().size(), "both past the new horizon at the first tick after the change");

        send(writer.score("acme", id(), "L3", 5), T0 + 11 * HOUR);
        config("tenant: acme\nleads: {evictAfter: 0}\n", T0 + 11 * HOUR);
        tick(T0 + 20 * HOUR);
        assertEquals(2, evictions().size(), "switched off again");
    }

    @Test
    void shouldDecideTheSameWhenRunTwice()
    {
        final List<String> first = scriptedRun();
        final List<String> second = new LeadEvictionTest().scriptedRun();
        assertEquals(first, second);
        assertTrue(first.stream().anyMatch(l -> l.contains("kind=LEAD_EVICTED")));
    }

    private List<String> scriptedRun()
    {
        config(OWNED_TEAM, T0);
        send(writer.presence("acme", id(), "r1", PresenceStatus.AVAILABLE), T0);
        for (int i = 0; i < 300; i++)
        {
            final long at = T0 + i * MINUTE;
            final String lead = "L" + (i % 70);
            send(i % 5 == 0 ? writer.form("acme", id(), lead, "demo_request") : writer.visit("acme", id(), lead, "/pricing"), at);
            if (i % 7 == 0)
            {
                send(writer.call("acme", id(), lead, "r1", CallOutcome.STARTED), at);
            }
            tick(at);
        }
        tick(T0 + 48 * HOUR);
        return outputs.lines();
    }

    private LeadTable leads()
    {
        return driver.machine().leads("acme");
    }

    private List<String> evictions()
    {
        return outputs.linesStartingWith("Decision").stream().filter(l -> l.contains("kind=LEAD_EVICTED")).toList();
    }

    private void config(final String yaml, final long nowNs)
    {
        send(writer.config("acme", id(), yaml), nowNs);
    }

    private void tick(final long nowNs)
    {
        send(writer.tick(), nowNs);
    }

    private void send(final int length, final long nowNs)
    {
        driver.send(writer.buffer(), length, sequence++, nowNs);
    }

    private String id()
    {
        return "e" + id++;
    }

    private static String iso(final long ns)
    {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC)
            .format(Instant.ofEpochSecond(0, ns));
    }
}
