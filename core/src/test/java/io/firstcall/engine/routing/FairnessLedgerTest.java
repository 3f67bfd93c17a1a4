package io.firstcall.engine.routing;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.firstcall.engine.routing.RoutingHarness.HOUR;
import static io.firstcall.engine.routing.RoutingHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weighted round robin over 10,000 leads while reps go offline and come back: every rep's count
 * stays within 2% of its weighted share of the leads routed while it was eligible, and a rep back
 * from a long absence gets no burst of leads.
 */
class FairnessLedgerTest
{
    static final String TEAM = String.join("\n",
        "tenant: acme",
        "hot:",
        "  forms: [demo_request]",
        "teams:",
        "  - id: west",
        "    visibility: owned",
        "reps:",
        "  - {id: r1, team: west, weight: 1}",
        "  - {id: r2, team: west, weight: 2}",
        "  - {id: r3, team: west, weight: 3}",
        "  - {id: r4, team: west, weight: 4}",
        "");
    static final String[] REPS = {"r1", "r2", "r3", "r4"};
    static final int[] WEIGHTS = {1, 2, 3, 4};
    static final int LEADS = 10_000;

    @Test
    void staysWithinTwoPercentOfTheWeightsWhileRepsComeAndGo()
    {
        final RoutingHarness harness = new RoutingHarness();
        harness.config(TEAM, T0 - HOUR).online(T0 - HOUR, REPS).clear();
        final double[] expected = new double[REPS.length];
        final boolean[] online = {true, true, true, true};
        for (int i = 0; i < LEADS; i++)
        {
            final long now = T0 + i;
            toggle(harness, online, i, now);
            int totalWeight = 0;
            for (int r = 0; r < REPS.length; r++)
            {
                totalWeight += online[r] ? WEIGHTS[r] : 0;
            }
            for (int r = 0; r < REPS.length; r++)
            {
                expected[r] += online[r] ? (double)WEIGHTS[r] / totalWeight : 0;
            }
            harness.hotLead("L" + i, "us-west", now);
        }

        final List<String> reps = RoutingHarness.field(harness.lines("Alert"), "rep");
        assertEquals(LEADS, reps.size());
        final Map<String, Integer> counts = new HashMap<>();
        reps.forEach(rep -> counts.merge(rep, 1, Integer::sum));
        for (int r = 0; r < REPS.length; r++)
        {
            final int count = counts.getOrDefault(REPS[r], 0);
            final double error = Math.abs(count - expected[r]) / expected[r];
            assertTrue(error <= 0.02, REPS[r] + " got " + count + ", its weighted share is " + expected[r]);
        }

        for (int i = 2000; i < 3000; i++)
        {
            assertTrue(!"r2".equals(reps.get(i)), "r2 was offline for lead " + i);
        }
        final long r1AfterReturn = reps.subList(7000, 7020).stream().filter("r1"::equals).count();
        assertTrue(r1AfterReturn <= 3, "r1 came back after 1,000 leads away and got " + r1AfterReturn +
            " of the next 20 leads; its share is 2");
    }

    /**
     * r2 is away for leads 2,000..2,999, r1 for 6,000..6,999, r4 for 5,000..5,499 and 8,000..8,199.
     */
    private static void toggle(final RoutingHarness harness, final boolean[] online, final int lead, final long now)
    {
        away(harness, online, 1, lead, 2000, 3000, now);
        away(harness, online, 0, lead, 6000, 7000, now);
        away(harness, online, 3, lead, 5000, 5500, now);
        away(harness, online, 3, lead, 8000, 8200, now);
    }

    private static void away(
        final RoutingHarness harness, final boolean[] online, final int rep, final int lead, final int from, final int to, final long now)
    {
        if (lead == from)
        {
            harness.offline(now, REPS[rep]);
            online[rep] = false;
        }
        else if (lead == to)
        {
            harness.online(now, REPS[rep]);
            online[rep] = true;
        }
    }
}
