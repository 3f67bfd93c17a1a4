package io.firstcall.engine.scoring;

import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.HotDecisionDecoder;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.tenant.TenantRulesCache;
import io.firstcall.journal.RecordHeader;
import io.firstcall.event.EventWriter;
import io.firstcall.support.SteadyStateAllocation;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.firstcall.engine.scoring.ScoringHarness.HOUR;
import static io.firstcall.engine.scoring.ScoringHarness.T0;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scoring and hot-lead decisions allocate nothing per event once leads exist: 100,000 mixed lead
 * signals (upserts, forms, visits, trial milestones, scores, calls, ticks) after a warm-up, counted
 * by the JVM's per-thread allocation counter.
 */
class ScoringAllocationTest
{
    static final String RULES = """
        tenant: acme
        scoring:
          firmographic:
            industry: {saas: 15, fintech: 10}
            employees: [{min: 1, max: 49, points: 0}, {min: 50, max: 999, points: 5}, {min: 1000, points: 10}]
            region: {emea: 5}
          behaviour:
            halfLife: 2h
        hot:
          sources: [partner]
          cooldown: 1h
        """;
    static final int LEADS = 500;
    static final int MIX = 2_000;
    static final long STEP_NS = 50_000_000L;

    @Test
    void shouldNotAllocatePerEventInSteadyState()
    {
        final OutputBatch outputs = new OutputBatch();
        final LeadStateMachine machine = new LeadStateMachine(outputs, LEADS, new TenantRulesCache());
        final UnsafeBuffer[] events = new UnsafeBuffer[MIX];
        final int[] lengths = new int[MIX];
        final UnsafeBuffer config = new UnsafeBuffer(new byte[4096]);
        SteadyStateAllocation.applyOne(machine, outputs, config, new EventWriter(config).config("acme", "cfg", RULES), T0 - HOUR);
        encode(events, lengths);
        final long[] hot = new long[1];

        final long allocated = SteadyStateAllocation.measure(machine, outputs, events, lengths, T0, STEP_NS,
            batch -> hot[0] += countOf(batch, HotDecisionDecoder.TEMPLATE_ID));

        assertTrue(allocated < 16 * 1024, allocated + " bytes allocated over 100,000 events");
        assertTrue(hot[0] > 1_000, hot[0] + " hot decisions");
        assertTrue(machine.leads("acme").size() > LEADS / 2);
    }

    static int countOf(final OutputBatch batch, final int templateId)
    {
        int count = 0;
        for (int i = 0; i < batch.count(); i++)
        {
            count += templateId == batch.buffer().getShort(batch.recordOffset(i) + RecordHeader.LENGTH + 2) ? 1 : 0;
        }
        return count;
    }

    private static void encode(final UnsafeBuffer[] events, final int[] lengths)
    {
        final Random random = new Random(11);
        final String[] forms = {"demo_request", "free_trial", "pricing_inquiry", "ebook_download", "webinar", "contact_sales"};
        final String[] pages = {"/pricing", "/compare/x", "/blog/speed-to-lead", "/about", "https://acme.io/pricing?p=1"};
        for (int i = 0; i < events.length; i++)
        {
            events[i] = new UnsafeBuffer(new byte[1024]);
            final EventWriter writer = new EventWriter(events[i]);
            final String lead = "L" + random.nextInt(LEADS);
            final int dice = random.nextInt(100);
            if (i % 20 == 0)
            {
                lengths[i] = writer.tick();
            }
            else if (dice < 15)
            {
                lengths[i] = writer.lead("acme", "e" + i, lead, lead + "@x.io", "N", "Co", random.nextBoolean() ? "saas" : "retail",
                    "emea", random.nextInt(2_000), random.nextInt(10) == 0 ? "partner" : "web", random.nextBoolean() ? "r1" : null);
            }
            else if (dice < 35)
            {
                lengths[i] = writer.form("acme", "e" + i, lead, forms[random.nextInt(forms.length)]);
            }
            else if (dice < 75)
            {
                lengths[i] = writer.visit("acme", "e" + i, random.nextInt(10) == 0 ? "anon" + i : lead,
                    pages[random.nextInt(pages.length)]);
            }
            else if (dice < 82)
            {
                lengths[i] = writer.trial("acme", "e" + i, lead, random.nextBoolean() ? "activated" : "invited_team");
            }
            else if (dice < 90)
            {
                lengths[i] = writer.score("acme", "e" + i, lead, random.nextInt(40));
            }
            else
            {
                lengths[i] = writer.call("acme", "e" + i, lead, "r" + random.nextInt(4), CallOutcome.STARTED);
            }
        }
    }
}
