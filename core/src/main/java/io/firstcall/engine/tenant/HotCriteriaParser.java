package io.firstcall.engine.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcall.engine.scoring.HotCriteria;
import io.firstcall.engine.scoring.PageCategories;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the {@code hot} section of a tenant's rules: the criteria that make a lead hot and how
 * they combine (see docs/scoring.md). Every key is optional; {@code null} or {@code []} switches a
 * criterion off. Errors name the path of the key at fault.
 */
final class HotCriteriaParser
{
    static final int MAX_THRESHOLD = 1_000_000;

    private static final List<String> RETURN_VISIT_KEYS = List.of("pages", "within", "after");

    private HotCriteriaParser()
    {
    }

    /**
     * @param hot        the {@code hot} node (its keys already checked), or null.
     * @param cooldownNs the parsed {@code hot.cooldown}.
     */
    static HotCriteria parse(final JsonNode hot, final PageCategories pages, final long cooldownNs)
    {
        final JsonNode node = null == hot || hot.isNull() ? null : hot;
        final boolean all = mode(node);
        final Integer score = score(node);
        final List<String> forms = names(node, "forms", HotCriteria.DEFAULT_FORMS);
        final List<String> sources = names(node, "sources", List.of());
        final List<String> trial = names(node, "trial", HotCriteria.DEFAULT_TRIAL);

        List<String> returnPages = new ArrayList<>();
        long withinNs = HotCriteria.DEFAULT_RETURN_WITHIN_NS;
        long afterNs = HotCriteria.DEFAULT_RETURN_AFTER_NS;
        final JsonNode returnVisit = null == node ? null : node.get("returnVisit");
        if (null == returnVisit)
        {
            // The default names the default categories; a tenant that replaced them keeps those it still has.
            for (final String page : HotCriteria.DEFAULT_RETURN_PAGES)
            {
                if (pages.categoryIndex(page) >= 0)
                {
                    returnPages.add(page);
                }
            }
        }
        else if (!returnVisit.isNull())
        {
            TenantRulesParser.checkKeys(returnVisit, RETURN_VISIT_KEYS, "hot.returnVisit.");
            returnPages = ScoringRulesParser.names(returnVisit, "pages", HotCriteria.DEFAULT_RETURN_PAGES, "hot.returnVisit.");
            for (final String page : returnPages)
            {
                if (pages.categoryIndex(page) < 0)
                {
                    throw new InvalidConfigException("hot.returnVisit.pages: '" + page +
                        "' is not a category of scoring.behaviour.pages " + pages.categoryNames());
                }
            }
            withinNs = TenantRulesParser.duration(returnVisit, "within", withinNs, "hot.returnVisit.");
            afterNs = TenantRulesParser.duration(returnVisit, "after", afterNs, "hot.returnVisit.");
            if (withinNs <= afterNs)
            {
                throw new InvalidConfigException("hot.returnVisit.within: must be longer than hot.returnVisit.after");
            }
        }

        final HotCriteria criteria = new HotCriteria(all, score, forms, sources, trial, returnPages, pages, withinNs, afterNs, cooldownNs);
        if (all)
        {
            if (0 == criteria.enabled())
            {
                throw new InvalidConfigException("hot.mode: 'all' needs at least one criterion");
            }
            if (Integer.bitCount(criteria.enabled() & HotCriteria.EVENT_CRITERIA) > 1)
            {
                throw new InvalidConfigException("hot.mode: 'all' can combine at most one of forms, trial and returnVisit, " +
                    "since each is a single event; set the others to [] (or returnVisit to null)");
            }
        }
        return criteria;
    }

    private static boolean mode(final JsonNode hot)
    {
        final JsonNode mode = null == hot ? null : hot.get("mode");
        if (null == mode || mode.isNull() || "any".equals(mode.asText()))
        {
            return false;
        }
        if ("all".equals(mode.asText()))
        {
            return true;
        }
        throw new InvalidConfigException("hot.mode: must be 'any' or 'all'");
    }

    private static Integer score(final JsonNode hot)
    {
        if (null == hot || !hot.has("score"))
        {
            return HotCriteria.DEFAULT_SCORE;
        }
        final JsonNode score = hot.get("score");
        if (score.isNull())
        {
            return null;
        }
        if (!score.isIntegralNumber() || Math.abs(score.asLong()) > MAX_THRESHOLD)
        {
            throw new InvalidConfigException("hot.score: must be an integer threshold (or null for off)");
        }
        return score.asInt();
    }

    private static List<String> names(final JsonNode hot, final String key, final List<String> defaults)
    {
        return ScoringRulesParser.names(hot, key, defaults, "hot.");
    }
}
