package io.firstcall.engine.scoring;

import io.firstcall.support.DocExamples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.firstcall.engine.scoring.ScoringHarness.DAY;
import static io.firstcall.engine.scoring.ScoringHarness.HOUR;
import static io.firstcall.engine.scoring.ScoringHarness.MINUTE;
import static io.firstcall.engine.scoring.ScoringHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worked example of docs/scoring.md, event for event, and the doc's JSON examples checked
 * against what the engine rendered: if this test changes, change the doc.
 */
class WorkedExampleTest
{
    static final String RULES = """
        tenant: acme
        scoring:
          firmographic:
            industry: {saas: 15, fintech: 10}
            employees:
              - {min: 50, max: 999, points: 5}
              - {min: 1000, points: 10}
            region: {emea: 5}
        hot:
          cooldown: 24h
        """;

    @Test
    void shouldDecideAsTheDocumentationShows()
    {
        final ScoringHarness harness = new ScoringHarness();
        harness.config(RULES, T0 - HOUR);
        final long version = harness.machine.configVersion("acme");

        harness.lead("L1", "saas", 120, "emea", "web", T0)
            .visit("L1", "/blog/speed-to-lead", T0 + 5 * MINUTE)
            .visit("L1", "/pricing", T0 + 20 * MINUTE);
        assertEquals(List.of(), harness.hotCriteria());

        harness.visit("L1", "/pricing", T0 + 2 * DAY);
        final String firmographic = "\"firmographic\":{\"total\":25,\"industry\":15,\"employees\":5,\"region\":5}";
        final String reasons = "{\"criteria\":[\"returnVisit:pricing\",\"score>=50\"],\"score\":53," + firmographic +
            ",\"behavioural\":{\"total\":28,\"signals\":[{\"signal\":\"page:blog\",\"points\":1}," +
            "{\"signal\":\"page:pricing\",\"points\":12},{\"signal\":\"page:pricing\",\"points\":15}],\"more\":0}," +
            "\"external\":0";
        final List<String> docs = DocExamples.jsonBlocks("scoring.md");
        assertEquals(reasons + ",\"episode\":1}", harness.decisions("HOT").get(0).detail());
        assertTrue(docs.contains(harness.decisions("HOT").get(0).detail()), "docs/scoring.md shows the HOT detail");
        assertEquals(version, harness.decisions("HOT").get(0).configVersion());
        final ScoringHarness.Alert alert = harness.alerts().get(0);
        assertEquals(reasons + "}", alert.reasons(), "the whole breakdown: no field to fit any more");
        assertTrue(docs.contains(alert.reasons()), "docs/scoring.md shows the alert's reasons");
        assertEquals(List.of(53, 25, 28), List.of(alert.score(), alert.firmographic(), alert.behavioural()));

        harness.form("L1", "demo_request", T0 + 2 * DAY + HOUR);
        assertEquals("{\"criteria\":[\"form:demo_request\",\"score>=50\"],\"score\":93," + firmographic +
            ",\"behavioural\":{\"total\":68,\"signals\":[{\"signal\":\"page:blog\",\"points\":1}," +
            "{\"signal\":\"page:pricing\",\"points\":12},{\"signal\":\"page:pricing\",\"points\":15}," +
            "{\"signal\":\"form:demo_request\",\"points\":40}],\"more\":0},\"external\":0," +
            "\"suppressed\":\"cooldown\",\"episode\":1}", harness.decisions("NOT_HOT").get(0).detail());
        assertTrue(docs.contains(harness.decisions("NOT_HOT").get(0).detail()), "docs/scoring.md shows the NOT_HOT detail");

        final long firstTick = harness.sequence();
        for (int hour = 49; hour < 24 * 30; hour++)
        {
            harness.tick(T0 + hour * HOUR);
        }
        final ScoringHarness.Decision decayed = harness.decisions("SCORE_DECAYED").get(0);
        assertEquals(12 * 24 + 9, 49 + decayed.inputSeq() - firstTick, "day 13 18:00, the hour after T0 (day 1 09:00)");
        assertEquals("{\"score\":49,\"threshold\":50,\"firmographic\":25,\"behavioural\":24,\"external\":0,\"episode\":1}",
            decayed.detail());
        assertTrue(docs.contains(decayed.detail()), "docs/scoring.md shows the SCORE_DECAYED detail");
    }
}
