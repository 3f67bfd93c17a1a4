package io.firstcall.engine.scoring;

import io.firstcall.engine.tenant.InvalidConfigException;
import io.firstcall.engine.tenant.TenantRules;
import io.firstcall.engine.tenant.TenantRulesParser;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code scoring} and {@code hot} sections: tight documented defaults, every key optional, and
 * errors that name the key at fault.
 */
class ScoringConfigTest
{
    @Test
    void shouldApplyTightDefaults()
    {
        final TenantRules rules = TenantRulesParser.parse("acme", "tenant: acme\n");
        final ScoringModel model = rules.scoring();
        final HotCriteria hot = rules.hot();

        assertEquals(List.of("demo_request", "pricing_inquiry", "free_trial", "contact_sales", "webinar", "ebook_download"),
            model.forms().names());
        assertEquals(40, points(model.forms(), "demo_request"));
        assertEquals(5, points(model.forms(), "ebook_download"));
        assertEquals(List.of("pricing", "comparison", "blog"), model.pages().categoryNames());
        assertEquals(0, model.industry().size() + model.employees().size() + model.region().size() + model.product().size() +
            model.source().size(), "no firmographic fit by default");
        assertEquals(TimeUnit.DAYS.toNanos(7), model.halfLifeNs());

        assertFalse(hot.all());
        assertEquals(50, hot.scoreThreshold());
        assertEquals(List.of("demo_request", "pricing_inquiry", "free_trial"), hot.forms().strings());
        assertEquals(List.of(), hot.sources().strings());
        assertEquals(List.of("activated"), hot.trial().strings());
        assertEquals(List.of("pricing", "comparison"), hot.returnPages());
        assertEquals(TimeUnit.DAYS.toNanos(7), hot.returnWithinNs());
        assertEquals(TimeUnit.MINUTES.toNanos(30), hot.returnAfterNs());
        assertEquals(TimeUnit.HOURS.toNanos(24), rules.cooldownNs());
        assertTrue(points(model.forms(), "ebook_download") < hot.scoreThreshold(), "an ebook download alone is never hot");
    }

    @Test
    void shouldReadAFullConfiguration()
    {
        final TenantRules rules = TenantRulesParser.parse("acme", """
            tenant: acme
            scoring:
              firmographic:
                industry: {saas: 15}
                employees: [{min: 1, max: 49, points: 0}, {min: 50, points: 5}]
                region: {emea: 5}
                product: {platform: 8}
                source: {partner: 10}
              behaviour:
                forms: {demo_request: 45}
                pages: [{prefix: /pricing, category: pricing, points: 12}, {prefix: /docs, category: docs, points: 2}]
                trial: {first_report: 20}
                halfLife: 3d
            hot:
              mode: all
              score: 70
              forms: []
              sources: [partner]
              trial: []
              returnVisit: {pages: [docs], within: 2d, after: 1h}
              cooldown: 12h
            claim:
              window: 2m
            """);

        assertEquals(45, points(rules.scoring().forms(), "demo_request"));
        assertEquals(5, rules.scoring().employees().points(rules.scoring().employees().find(10_000)));
        assertEquals(TimeUnit.DAYS.toNanos(3), rules.scoring().halfLifeNs());
        assertTrue(rules.hot().all());
        assertEquals(HotCriteria.SCORE | HotCriteria.SOURCE | HotCriteria.RETURN_VISIT, rules.hot().enabled());
        assertTrue(rules.hot().isReturnCategory(rules.scoring().pages().categoryIndex("docs")));
        assertFalse(rules.hot().isReturnCategory(rules.scoring().pages().categoryIndex("pricing")));
        assertEquals(TimeUnit.HOURS.toNanos(12), rules.cooldownNs());
    }

    @Test
    void shouldTurnCriteriaOffWithNullOrEmpty()
    {
        final HotCriteria hot = TenantRulesParser.parse("acme",
            "hot:\n  score: null\n  forms: []\n  trial: null\n  returnVisit: null\n  sources: [partner]\n").hot();

        assertFalse(hot.scoreEnabled());
        assertEquals(HotCriteria.SOURCE, hot.enabled());
    }

    @Test
    void shouldKeepTheDefaultReturnVisitToTheCategoriesATenantStillHas()
    {
        final TenantRules rules = TenantRulesParser.parse("acme",
            "scoring:\n  behaviour:\n    pages: [{prefix: /pricing, category: pricing, points: 10}]\n");

        assertEquals(List.of("pricing"), rules.hot().returnPages());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "scoring.firmographic.industri: unknown key | scoring:\\n  firmographic:\\n    industri: {saas: 1}",
        "scoring.behavior: unknown key | scoring:\\n  behavior: {}",
        "scoring.firmographic.industry.saas: must be an integer | scoring:\\n  firmographic:\\n    industry: {saas: lots}",
        "scoring.firmographic.industry.saas: must be an integer | scoring:\\n  firmographic:\\n    industry: {saas: 5000}",
        "scoring.firmographic.industry: must be a mapping | scoring:\\n  firmographic:\\n    industry: [saas]",
        "scoring.firmographic.employees[1]: overlaps scoring.firmographic.employees[0] | " +
            "scoring:\\n  firmographic:\\n    employees: [{min: 1, max: 100, points: 1}, {min: 50, points: 2}]",
        "scoring.firmographic.employees[0].max: must be an integer, at least 10 | " +
            "scoring:\\n  firmographic:\\n    employees: [{min: 10, max: 5, points: 1}]",
        "scoring.firmographic.employees[0].pts: unknown key | scoring:\\n  firmographic:\\n    employees: [{min: 1, pts: 1}]",
        "scoring.behaviour.pages[0].catgory: unknown key | " +
            "scoring:\\n  behaviour:\\n    pages: [{prefix: /pricing, catgory: pricing, points: 1}]",
        "scoring.behaviour.pages[0].prefix: required | scoring:\\n  behaviour:\\n    pages: [{category: pricing, points: 1}]",
        "scoring.behaviour.pages[0].points: must be an integer | scoring:\\n  behaviour:\\n    pages: [{prefix: /p, category: p}]",
        "scoring.behaviour.halfLife: 'soon' is not a duration | scoring:\\n  behaviour:\\n    halfLife: soon",
        "scoring.behaviour.halfLife: must be positive | scoring:\\n  behaviour:\\n    halfLife: 0",
        "hot.sorces: unknown key | hot:\\n  sorces: [partner]",
        "hot.mode: must be 'any' or 'all' | hot:\\n  mode: most",
        "hot.score: must be an integer threshold | hot:\\n  score: high",
        "hot.forms: must be a list | hot:\\n  forms: demo_request",
        "hot.trial: must be a list | hot:\\n  trial: activated",
        "hot.returnVisit.pages: 'faq' is not a category | hot:\\n  returnVisit: {pages: [faq]}",
        "hot.returnVisit.within: must be longer than hot.returnVisit.after | hot:\\n  returnVisit: {within: 10m, after: 30m}",
        "hot.returnVisit.wihtin: unknown key | hot:\\n  returnVisit: {wihtin: 1d}",
        "hot.mode: 'all' can combine at most one of forms, trial and returnVisit | hot:\\n  mode: all",
        "hot.mode: 'all' needs at least one criterion | " +
            "hot:\\n  mode: all\\n  score: null\\n  forms: []\\n  trial: []\\n  returnVisit: null",
        "scoring: must be a mapping | scoring: 5",
    })
    void shouldNameTheKeyAtFault(final String expected, final String yaml)
    {
        final InvalidConfigException ex = assertThrows(InvalidConfigException.class,
            () -> TenantRulesParser.parse("acme", yaml.replace("\\n", "\n")));
        assertTrue(ex.getMessage().contains(expected.trim()), ex.getMessage());
    }

    @Test
    void shouldMatchPagesByLongestPrefixOfThePath()
    {
        final PageCategories pages = new PageCategories(List.of(
            new PageCategories.Entry("/pricing", "pricing", 15),
            new PageCategories.Entry("/pricing/enterprise", "enterprise", 25),
            new PageCategories.Entry("/blog", "blog", 1)));

        assertEquals("pricing", category(pages, "/pricing"));
        assertEquals("pricing", category(pages, "/Pricing?plan=pro"));
        assertEquals("enterprise", category(pages, "/pricing/enterprise/quote"));
        assertEquals("enterprise", category(pages, "https://acme.io/pricing/enterprise"));
        assertEquals("blog", category(pages, "http://acme.io/blog/speed-to-lead"));
        assertNull(category(pages, "https://acme.io"));
        assertNull(category(pages, "/about"));
        assertNull(category(pages, ""));
    }

    @Test
    void shouldDecayByHalfLifeAndSolveForTheCrossingTime()
    {
        final long hourNs = TimeUnit.HOURS.toNanos(1);
        final ScoringModel model = new ScoringModel(PointsTable.EMPTY, EmployeeBands.EMPTY, PointsTable.EMPTY, PointsTable.EMPTY,
            PointsTable.EMPTY, PointsTable.EMPTY, new PageCategories(List.of()), PointsTable.EMPTY, hourNs);

        assertEquals(1.0, model.decay(0));
        assertEquals(0.5, model.decay(hourNs));
        assertEquals(0.25, model.decay(2 * hourNs));
        final long waitNs = model.nsUntilBelow(60, 49.5);
        assertTrue(60 * model.decay(waitNs) < 49.5);
        assertTrue(60 * model.decay(waitNs - 2) >= 49.5);
        assertEquals(Long.MAX_VALUE, model.nsUntilBelow(60, -0.5));
        assertEquals(1, model.nsUntilBelow(10, 49.5));
        final java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 100_000; i++)
        {
            final long elapsedNs = (long)(random.nextDouble() * 40 * hourNs);
            final double expected = StrictMath.pow(0.5, (double)elapsedNs / hourNs);
            assertEquals(expected, model.decay(elapsedNs), expected * 1e-14, "elapsed " + elapsedNs);
        }
        assertEquals(0.0, model.decay(Long.MAX_VALUE));
        assertEquals(50, ScoringModel.round(49.5));
        assertEquals(49, ScoringModel.round(49.4999));
    }

    private static int points(final PointsTable table, final String name)
    {
        final byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return table.points(table.find(new UnsafeBuffer(bytes), 0, bytes.length));
    }

    private static String category(final PageCategories pages, final String page)
    {
        final byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        final int entry = pages.match(new UnsafeBuffer(bytes), 0, bytes.length);
        return PageCategories.MISSING == entry ? null : pages.categoryNames().get(pages.category(entry));
    }
}
