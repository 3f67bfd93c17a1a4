package io.firstcall.engine.scoring;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static io.firstcall.engine.scoring.ScoringHarness.DAY;
import static io.firstcall.engine.scoring.ScoringHarness.HOUR;
import static io.firstcall.engine.scoring.ScoringHarness.MINUTE;
import static io.firstcall.engine.scoring.ScoringHarness.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The article's hot-lead examples, as a table: a lead's events, then the one decision expected
 * (the criteria of the HOT decision, or none). Firmographic fit is configured; everything else
 * (form points, page categories, criteria, cooldown) is the documented default.
 */
class HotLeadScenariosTest
{
    static final String RULES = """
        tenant: acme
        scoring:
          firmographic:
            industry: {saas: 15, fintech: 10, education: -10}
            employees:
              - {min: 1, max: 49, points: 0}
              - {min: 50, max: 999, points: 5}
              - {min: 1000, points: 10}
            region: {emea: 5, na: 5}
        """;

    static Stream<Arguments> scenarios()
    {
        return Stream.of(
            scenario("demo request -> hot",
                h -> h.form("L1", "demo_request", T0),
                "[\"form:demo_request\"]"),
            scenario("demo request by a good-fit lead -> hot, by form and by score",
                h -> h.lead("L1", "saas", 120, "emea", "web", T0).form("L1", "demo_request", T0 + MINUTE),
                "[\"form:demo_request\",\"score>=50\"]"),
            scenario("free trial signup -> hot",
                h -> h.form("L1", "free_trial", T0),
                "[\"form:free_trial\"]"),
            scenario("pricing inquiry -> hot",
                h -> h.form("L1", "pricing_inquiry", T0),
                "[\"form:pricing_inquiry\"]"),
            scenario("ebook download -> not hot",
                h -> h.form("L1", "ebook_download", T0),
                null),
            scenario("ebook download by a good-fit lead -> not hot",
                h -> h.lead("L1", "saas", 120, "emea", "web", T0).form("L1", "ebook_download", T0 + MINUTE),
                null),
            scenario("score crossing 50 -> hot (fit 25 + webinar 10 + pricing page 15)",
                h -> h.lead("L1", "saas", 120, "emea", "web", T0)
                    .form("L1", "webinar", T0 + MINUTE)
                    .visit("L1", "/pricing", T0 + 2 * MINUTE),
                "[\"score>=50\"]"),
            scenario("score at 35 -> not hot yet",
                h -> h.lead("L1", "saas", 120, "emea", "web", T0).form("L1", "webinar", T0 + MINUTE),
                null),
            scenario("external score crossing 50 -> hot",
                h -> h.lead("L1", "saas", 120, "emea", "web", T0).score("L1", 30, T0 + MINUTE),
                "[\"score>=50\"]"),
            scenario("return to pricing 2h after an earlier visit -> hot",
                h -> h.lead("L1", null, -1, null, null, T0)
                    .visit("L1", "/pricing", T0 + MINUTE)
                    .visit("L1", "/pricing/enterprise", T0 + MINUTE + 2 * HOUR),
                "[\"returnVisit:pricing\"]"),
            scenario("comparison page 3 days after pricing -> hot",
                h -> h.lead("L1", null, -1, null, null, T0)
                    .visit("L1", "https://acme.io/pricing?plan=pro", T0)
                    .visit("L1", "/compare/acme-vs-globex", T0 + 3 * DAY),
                "[\"returnVisit:comparison\"]"),
            scenario("second pricing visit within 30m (same session) -> not hot",
                h -> h.lead("L1", null, -1, null, null, T0)
                    .visit("L1", "/pricing", T0)
                    .visit("L1", "/pricing", T0 + 10 * MINUTE),
                null),
            scenario("second pricing visit 8 days later (beyond 7d) -> not hot",
                h -> h.lead("L1", null, -1, null, null, T0)
                    .visit("L1", "/pricing", T0)
                    .visit("L1", "/pricing", T0 + 8 * DAY),
                null),
            scenario("low-fit lead with one blog visit -> not hot",
                h -> h.lead("L1", "education", 5, "apac", "web", T0).visit("L1", "/blog/speed-to-lead", T0 + MINUTE),
                null),
            scenario("trial activated -> hot",
                h -> h.trial("L1", "activated", T0),
                "[\"trial:activated\"]"),
            scenario("trial team invite alone -> not hot",
                h -> h.trial("L1", "invited_team", T0),
                null),
            scenario("anonymous pricing visits -> not hot, no lead",
                h -> h.visit("anon-1", "/pricing", T0).visit("anon-1", "/pricing", T0 + 2 * HOUR),
                null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void shouldDecideAsTheArticleSays(final String name, final Consumer<ScoringHarness> events, final String expectedCriteria)
    {
        final ScoringHarness harness = new ScoringHarness();
        harness.config(RULES, T0 - HOUR);
        assertTrue(harness.decisions("CONFIG_APPLIED").size() == 1, harness.outputs.lines().toString());

        events.accept(harness);

        if (null == expectedCriteria)
        {
            assertEquals(List.of(), harness.hotCriteria(), name);
            assertEquals(List.of(), harness.alerts(), name);
        }
        else
        {
            assertEquals(List.of(expectedCriteria), harness.hotCriteria(), name);
            assertEquals(1, harness.alerts().size(), name);
            assertEquals(harness.sequence() - 1, harness.decisions("HOT").get(0).inputSeq(), "hot on the last event");
        }
        assertEquals(List.of(), harness.decisions("NOT_HOT"), name);
    }

    private static Arguments scenario(final String name, final Consumer<ScoringHarness> events, final String expectedCriteria)
    {
        return Arguments.of(name, events, expectedCriteria);
    }
}
