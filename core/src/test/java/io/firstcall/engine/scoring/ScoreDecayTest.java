package io.firstcall.engine.scoring;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.firstcall.engine.scoring.ScoringHarness.HOUR;
import static io.firstcall.engine.scoring.ScoringHarness.MINUTE;
import static io.firstcall.engine.scoring.ScoringHarness.SECOND;
import static io.firstcall.engine.scoring.ScoringHarness.T0;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Behavioural points halve every half-life; a lead hot by score is watched, and the journaled tick
 * that finds its score under the threshold records SCORE_DECAYED. Only the score criterion is on,
 * with a one-hour half-life, so the arithmetic is easy to follow:
 * contact_sales 30 + pricing_inquiry 30 = 60 at T0; 60 x 2^(-t / 1h) rounds under 50 once it is
 * below 49.5, i.e. after 1h x log2(60 / 49.5) = 999.1 s.
 */
class ScoreDecayTest
{
    static final String RULES = """
        tenant: acme
        scoring:
          behaviour:
            halfLife: 1h
        hot:
          forms: []
          trial: []
          returnVisit: null
          cooldown: 24h
        """;

    @Test
    void shouldRecordScoreDecayedOnTheFirstTickAfterTheScoreFallsUnderTheThreshold()
    {
        final ScoringHarness harness = hotByScoreAtT0();

        for (long s = 990; s <= 1_010; s++)
        {
            harness.tick(T0 + s * SECOND);
        }

        final List<ScoringHarness.Decision> decayed = harness.decisions("SCORE_DECAYED");
        assertEquals(1, decayed.size(), harness.outputs.lines().toString());
        assertEquals(999.1, 3_600 * Math.log(60 / 49.5) / Math.log(2), 0.05);
        assertEquals(firstTickSequence(harness) + (1_000 - 990), decayed.get(0).inputSeq(), "the tick at 1000 s, not 999 s");
        assertEquals("{\"score\":49,\"threshold\":50,\"firmographic\":0,\"behavioural\":49,\"external\":0,\"episode\":1}",
            decayed.get(0).detail());
        assertEquals(harness.machine.configVersion("acme"), decayed.get(0).configVersion());
    }

    @Test
    void shouldLookAgainWhenNewPointsKeepTheLeadAboveTheThreshold()
    {
        final ScoringHarness harness = hotByScoreAtT0();
        harness.visit("L1", "/pricing", T0 + 10 * MINUTE);

        // 60 x 2^(-10/60) + 15 = 68.45 at 10 min; under 49.5 after 60 x log2(68.45 / 49.5) = 28.06 min more.
        for (int minute = 11; minute <= 60; minute++)
        {
            harness.tick(T0 + minute * MINUTE);
        }

        final List<ScoringHarness.Decision> decayed = harness.decisions("SCORE_DECAYED");
        assertEquals(1, decayed.size(), harness.outputs.lines().toString());
        assertEquals(harness.sequence() - 1 - (60 - 39), decayed.get(0).inputSeq(), "the tick at 39 min");
        assertTrue(decayed.get(0).detail().startsWith("{\"score\":49,"), decayed.get(0).detail());
    }

    @Test
    void shouldNotWatchLeadHotByFormAlone()
    {
        final ScoringHarness harness = new ScoringHarness();
        harness.config(RULES.replace("forms: []", "forms: [demo_request]"), T0 - HOUR);
        harness.form("L1", "demo_request", T0);
        assertEquals(1, harness.alerts().size());

        harness.tick(T0 + 4 * HOUR);

        assertEquals(List.of(), harness.decisions("SCORE_DECAYED"));
        assertEquals(0, harness.machine.pendingTimers());
    }

    @Test
    void shouldNotScheduleDecayWhenFitAloneHoldsTheScore()
    {
        final ScoringHarness harness = new ScoringHarness();
        harness.config(RULES.replace("scoring:\n", "scoring:\n  firmographic:\n    industry: {saas: 50}\n"), T0 - HOUR);
        harness.lead("L1", "saas", -1, null, null, T0).form("L1", "contact_sales", T0 + MINUTE);

        assertEquals(List.of("[\"score>=50\"]"), harness.hotCriteria(), "hot when the profile arrives");
        assertEquals(0, harness.machine.pendingTimers(), "no decay timer; an ownerless lead waits in the manager queue untimed");
        harness.tick(T0 + 10 * HOUR);
        assertEquals(List.of(), harness.decisions("SCORE_DECAYED"));
        assertEquals(0, harness.machine.pendingTimers());
    }

    @Test
    void shouldDecideTheSameBytesOnEveryRun()
    {
        final List<byte[]> first = runWithTicks();
        final List<byte[]> second = runWithTicks();

        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++)
        {
            assertArrayEquals(first.get(i), second.get(i), "output " + i);
        }
    }

    private static List<byte[]> runWithTicks()
    {
        final ScoringHarness harness = hotByScoreAtT0();
        harness.visit("L1", "/pricing", T0 + 7 * MINUTE + 13 * SECOND);
        for (int minute = 1; minute <= 90; minute++)
        {
            harness.tick(T0 + minute * MINUTE + minute * 37L);
        }
        assertEquals(1, harness.decisions("SCORE_DECAYED").size());
        return harness.outputs.raw();
    }

    private static ScoringHarness hotByScoreAtT0()
    {
        final ScoringHarness harness = new ScoringHarness();
        harness.config(RULES, T0 - HOUR);
        harness.form("L1", "contact_sales", T0).form("L1", "pricing_inquiry", T0);
        assertEquals(List.of("[\"score>=50\"]"), harness.hotCriteria());
        return harness;
    }

    private static long firstTickSequence(final ScoringHarness harness)
    {
        return harness.sequence() - (1_010 - 990 + 1);
    }
}
