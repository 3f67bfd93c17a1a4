package io.firstcall.engine.scoring;

import io.firstcall.support.DocExamples;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.firstcall.engine.scoring.ScoringHarness.HOUR;
import static io.firstcall.engine.scoring.ScoringHarness.MINUTE;
import static io.firstcall.engine.scoring.ScoringHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reasons a HOT decision and its alert carry are exactly the criteria that fired, with the
 * score breakdown behind them.
 */
class HotReasonsTest
{
    static final String FIT = """
        scoring:
          firmographic:
            industry: {saas: 15}
            employees:
              - {min: 50, max: 999, points: 5}
            region: {emea: 5}
            source: {partner: 10}
        """;
    static final String ANY = "tenant: acme\n" + FIT + "hot:\n  sources: [partner]\n";
    static final String ALL = "tenant: acme\n" + FIT + """
        hot:
          mode: all
          score: 60
          forms: [demo_request]
          sources: [partner]
          trial: []
          returnVisit: null
        """;

    private final ScoringHarness harness = new ScoringHarness();

    @Test
    void shouldCarryCriteriaAndBreakdownInDecisionAndAlert()
    {
        harness.config(ANY, T0 - HOUR);
        harness.lead("L1", "saas", 120, "emea", "web", T0)
            .visit("L1", "/blog/post", T0 + MINUTE)
            .form("L1", "demo_request", T0 + MINUTE);

        final long version = harness.machine.configVersion("acme");
        final String breakdown = "{\"criteria\":[\"form:demo_request\",\"score>=50\"],\"score\":66," +
            "\"firmographic\":{\"total\":25,\"industry\":15,\"employees\":5,\"region\":5}," +
            "\"behavioural\":{\"total\":41,\"signals\":[{\"signal\":\"page:blog\",\"points\":1}," +
            "{\"signal\":\"form:demo_request\",\"points\":40}],\"more\":0},\"external\":0";
        final ScoringHarness.Decision hot = harness.decisions("HOT").get(0);
        assertEquals(breakdown + ",\"episode\":1}", hot.detail());
        assertTrue(DocExamples.jsonBlocks("scoring.md").contains(hot.detail()), "docs/scoring.md's Reasons example");
        assertEquals(version, hot.configVersion());

        final ScoringHarness.Alert alert = harness.alerts().get(0);
        assertEquals(breakdown + "}", alert.reasons());
        assertEquals(66, alert.score());
        assertEquals(25, alert.firmographic());
        assertEquals(41, alert.behavioural());
        assertEquals(version, alert.configVersion());
    }

    @Test
    void shouldListOnlyTheCriteriaThatHoldInAnyMode()
    {
        harness.config(ANY, T0 - HOUR);
        harness.lead("L1", null, -1, null, "partner", T0)
            .lead("L2", null, 2_000, null, "web", T0)
            .form("L2", "free_trial", T0);

        assertEquals(List.of("[\"source:partner\"]", "[\"form:free_trial\"]"), harness.hotCriteria());
        assertTrue(harness.decisions("HOT").get(0).detail().contains("\"firmographic\":{\"total\":10,\"source\":10}"),
            harness.decisions("HOT").get(0).detail());
    }

    @Test
    void shouldRequireEveryCriterionInAllMode()
    {
        harness.config(ALL, T0 - HOUR);
        harness.lead("web-fit", "saas", 120, "emea", "web", T0).form("web-fit", "demo_request", T0 + MINUTE);
        harness.lead("partner-lowfit", null, -1, null, "partner", T0).form("partner-lowfit", "demo_request", T0 + MINUTE);
        harness.lead("partner-fit", "saas", 120, "emea", "partner", T0).score("partner-fit", 20, T0 + MINUTE);
        assertEquals(List.of(), harness.hotCriteria(), "no lead meets all three yet");

        harness.form("partner-fit", "demo_request", T0 + 2 * MINUTE);

        assertEquals(List.of("[\"form:demo_request\",\"source:partner\",\"score>=60\"]"), harness.hotCriteria());
        final ScoringHarness.Alert alert = harness.alerts().get(0);
        assertEquals("partner-fit", alert.lead());
        assertEquals(35 + 40 + 20, alert.score());
        assertEquals(35, alert.firmographic());
        assertEquals(40, alert.behavioural());
    }

    @Test
    void shouldRecordSuppressedSignalWithItsCriteriaInsideCooldown()
    {
        harness.config(ANY, T0 - HOUR);
        harness.form("L1", "demo_request", T0).trial("L1", "activated", T0 + HOUR);

        final List<ScoringHarness.Decision> notHot = harness.decisions("NOT_HOT");
        assertEquals(1, notHot.size());
        assertEquals("{\"criteria\":[\"trial:activated\",\"score>=50\"],\"score\":65,\"firmographic\":{\"total\":0}," +
            "\"behavioural\":{\"total\":65,\"signals\":[{\"signal\":\"form:demo_request\",\"points\":40}," +
            "{\"signal\":\"trial:activated\",\"points\":25}],\"more\":0},\"external\":0," +
            "\"suppressed\":\"cooldown\",\"episode\":1}", notHot.get(0).detail(),
            "the criteria, score and episode v1 recorded, with the breakdown v1 left out");
        assertEquals(1, harness.alerts().size());
    }

    /**
     * v2: the reasons are typed groups, not text in a 254-byte field, so the alert carries the whole
     * breakdown the decision records (v1 dropped the oldest signals to fit).
     */
    @Test
    void shouldCarryTheFullBreakdownInTheAlert()
    {
        harness.config(ANY + "  score: null\n  returnVisit: null\n", T0 - HOUR);
        harness.lead("L1", "saas", 120, "emea", "web", T0);
        for (int i = 0; i < 12; i++)
        {
            harness.visit("L1", i % 2 == 0 ? "/pricing" : "/comparison", T0 + i * MINUTE);
        }
        harness.lead("L1", null, -1, null, "partner", T0 + HOUR);

        final ScoringHarness.Decision hot = harness.decisions("HOT").get(0);
        assertEquals("[\"source:partner\"]", ScoringHarness.criteriaOf(hot.detail()));
        assertEquals(ScoreTable.SIGNAL_CAPACITY, hot.detail().split("\"signal\"").length - 1, "the record lists every kept signal");
        assertTrue(hot.detail().contains("\"more\":4"), "12 visits scored, the newest 8 kept: " + hot.detail());
        assertTrue(hot.detail().endsWith(",\"episode\":1}"), hot.detail());

        final ScoringHarness.Alert alert = harness.alerts().get(0);
        assertEquals(hot.detail().replace(",\"episode\":1}", "}"), alert.reasons(), "the alert's reasons are the decision's");
        assertTrue(alert.reasons().length() > 254, "longer than v1's reasons field: " + alert.reasons().length());
    }
}
