package io.firstcall.engine.routing;

import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.AlertWithdrawnDecoder;
import io.firstcall.codec.AssignmentDecoder;
import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.ClaimDecisionDecoder;
import io.firstcall.codec.ClaimRejectedDecoder;
import io.firstcall.codec.EscalationDecoder;
import io.firstcall.codec.HotDecisionDecoder;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.QualificationResult;
import io.firstcall.codec.RoutingDecisionDecoder;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.tenant.TenantRulesCache;
import io.firstcall.journal.RecordHeader;
import io.firstcall.event.EventWriter;
import io.firstcall.support.SteadyStateAllocation;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.firstcall.engine.routing.RoutingHarness.HOUR;
import static io.firstcall.engine.routing.RoutingHarness.T0;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routing allocates nothing per event once leads and reps exist: 100,000 events of a routing mix
 * (presence changes, hot leads in three visibility modes, claims and races, qualifications, ticks
 * that escalate to backups and queues) after a warm-up, counted by the JVM's per-thread allocation
 * counter.
 */
class RoutingAllocationTest
{
    static final String RULES = String.join("\n",
        "tenant: acme",
        "hot:",
        "  forms: [demo_request]",
        "  cooldown: 30s",
        "claim:",
        "  window: 10s",
        "teams:",
        "  - {id: west, visibility: owned, backupWindow: 5s, backup: r7, territory: {regions: [us-west]}}",
        "  - {id: emea, visibility: all, backup: r0, territory: {regions: [emea]}}",
        "  - {id: apac, visibility: role}",
        "reps:",
        "  - {id: r0, team: west, weight: 3, backup: r1, hours: {days: [mon, tue, wed, thu, fri, sat, sun], start: '00:00', " +
            "end: '24:00', timezone: America/New_York}}",
        "  - {id: r1, team: west, weight: 1, capacity: 40, roles: {industries: [fintech]}}",
        "  - {id: r2, team: west, weight: 2, hours: {start: '06:00', end: '02:00', timezone: Asia/Tokyo}}",
        "  - {id: r3, team: emea}",
        "  - {id: r4, team: emea, capacity: 30}",
        "  - {id: r5, team: apac, roles: {industries: [saas]}}",
        "  - {id: r6, team: apac, roles: {industries: [fintech]}}",
        "  - {id: r7, team: apac, roles: {regions: [apac]}}",
        "");
    static final int LEADS = 400;
    static final int MIX = 2_000;
    static final long STEP_NS = 100_000_000L;

    @Test
    void shouldNotAllocatePerEventInSteadyState()
    {
        final long[] outputs = new long[128];
        final OutputBatch batch = new OutputBatch();
        final LeadStateMachine machine = new LeadStateMachine(batch, LEADS, new TenantRulesCache());
        final UnsafeBuffer[] events = new UnsafeBuffer[MIX];
        final int[] lengths = new int[MIX];
        final UnsafeBuffer config = new UnsafeBuffer(new byte[4096]);
        SteadyStateAllocation.applyOne(machine, batch, config, new EventWriter(config).config("acme", "cfg", RULES), T0 - HOUR);
        encode(events, lengths);

        final long allocated = SteadyStateAllocation.measure(machine, batch, events, lengths, T0, STEP_NS, written ->
        {
            for (int i = 0; i < written.count(); i++)
            {
                outputs[written.buffer().getShort(written.recordOffset(i) + RecordHeader.LENGTH + 2) - 100]++;
            }
        });
        for (final int template : new int[]{AlertDecoder.TEMPLATE_ID, AssignmentDecoder.TEMPLATE_ID,
            EscalationDecoder.TEMPLATE_ID, AlertWithdrawnDecoder.TEMPLATE_ID, ClaimRejectedDecoder.TEMPLATE_ID,
            RoutingDecisionDecoder.TEMPLATE_ID, ClaimDecisionDecoder.TEMPLATE_ID, HotDecisionDecoder.TEMPLATE_ID})
        {
            assertTrue(outputs[template - 100] > 1_000, "template " + template + " emitted " + outputs[template - 100] + " times");
        }

        assertTrue(allocated < 16 * 1024, allocated + " bytes allocated over 100,000 routing events");
        assertTrue(machine.leads("acme").size() > LEADS / 2);
    }

    private static void encode(final UnsafeBuffer[] events, final int[] lengths)
    {
        final Random random = new Random(5);
        final String[] regions = {"us-west", "emea", "apac", "latam"};
        final String[] industries = {"saas", "fintech", "retail"};
        final PresenceStatus[] presence = {PresenceStatus.AVAILABLE, PresenceStatus.AVAILABLE, PresenceStatus.BUSY,
            PresenceStatus.OFFLINE};
        for (int i = 0; i < events.length; i++)
        {
            events[i] = new UnsafeBuffer(new byte[1024]);
            final EventWriter writer = new EventWriter(events[i]);
            final String id = "e" + i;
            final String lead = "L" + random.nextInt(LEADS);
            final String rep = "r" + random.nextInt(8);
            final int dice = random.nextInt(100);
            if (i % 10 == 0)
            {
                lengths[i] = writer.tick();
            }
            else if (dice < 10)
            {
                lengths[i] = writer.presence("acme", id, rep, presence[random.nextInt(presence.length)]);
            }
            else if (dice < 30)
            {
                lengths[i] = writer.lead("acme", id, lead, lead + "@example.com", "Name " + lead, "Co",
                    industries[random.nextInt(3)], regions[random.nextInt(4)], 100, "web", random.nextInt(3) == 0 ? rep : null);
            }
            else if (dice < 55)
            {
                lengths[i] = writer.form("acme", id, lead, "demo_request");
            }
            else if (dice < 65)
            {
                lengths[i] = writer.visit("acme", id, lead, "/pricing");
            }
            else if (dice < 90)
            {
                lengths[i] = writer.call("acme", id, lead, rep, CallOutcome.STARTED);
            }
            else
            {
                lengths[i] = writer.qualify("acme", id, lead, rep, QualificationResult.QUALIFIED, "fit");
            }
        }
    }
}
