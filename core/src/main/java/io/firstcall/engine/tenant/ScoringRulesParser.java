package io.firstcall.engine.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcall.engine.scoring.EmployeeBands;
import io.firstcall.engine.scoring.PageCategories;
import io.firstcall.engine.scoring.PointsTable;
import io.firstcall.engine.scoring.ScoringModel;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the {@code scoring} section of a tenant's rules (see docs/scoring.md); the {@code hot}
 * section is {@link HotCriteriaParser}'s. Every key is optional and falls back to a tight default;
 * a key that is given replaces its default as a whole. Errors name the path of the key at fault.
 */
final class ScoringRulesParser
{
    static final int MAX_POINTS = 1_000;
    static final int MAX_NAME_BYTES = 64;
    static final int MAX_PREFIX_BYTES = 254;

    private static final List<String> SCORING_KEYS = List.of("firmographic", "behaviour");
    private static final List<String> FIRMOGRAPHIC_KEYS = List.of("industry", "employees", "region", "product", "source");
    private static final List<String> BEHAVIOUR_KEYS = List.of("forms", "pages", "trial", "halfLife");
    private static final List<String> BAND_KEYS = List.of("min", "max", "points");
    private static final List<String> PAGE_KEYS = List.of("prefix", "category", "points");

    private ScoringRulesParser()
    {
    }

    /**
     * @param scoring the {@code scoring} node, or null.
     */
    static ScoringModel scoring(final JsonNode scoring)
    {
        if (null != scoring && !scoring.isNull())
        {
            TenantRulesParser.checkKeys(scoring, SCORING_KEYS, "scoring.");
        }
        final JsonNode firmographic = section(scoring, "firmographic", FIRMOGRAPHIC_KEYS, "scoring.");
        final JsonNode behaviour = section(scoring, "behaviour", BEHAVIOUR_KEYS, "scoring.");
        final String f = "scoring.firmographic.";
        final String b = "scoring.behaviour.";
        final long halfLifeNs = TenantRulesParser.duration(behaviour, "halfLife", ScoringModel.DEFAULT_HALF_LIFE_NS, b);
        if (halfLifeNs <= 0)
        {
            throw new InvalidConfigException(b + "halfLife: must be positive");
        }
        return new ScoringModel(
            points(firmographic, "industry", Map.of(), f),
            employees(firmographic, f + "employees"),
            points(firmographic, "region", Map.of(), f),
            points(firmographic, "product", Map.of(), f),
            points(firmographic, "source", Map.of(), f),
            points(behaviour, "forms", ScoringModel.DEFAULT_FORM_POINTS, b),
            pages(behaviour, b + "pages"),
            points(behaviour, "trial", ScoringModel.DEFAULT_TRIAL_POINTS, b),
            halfLifeNs);
    }

    private static PointsTable points(final JsonNode node, final String key, final Map<String, Integer> defaults, final String path)
    {
        final JsonNode value = null == node ? null : node.get(key);
        if (null == value || value.isNull())
        {
            return new PointsTable(defaults);
        }
        if (!value.isObject())
        {
            throw new InvalidConfigException(path + key + ": must be a mapping of name to points");
        }
        final Map<String, Integer> entries = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonNode> field : value.properties())
        {
            final String name = field.getKey();
            checkName(name, path + key);
            entries.put(name, pointsValue(field.getValue(), path + key + "." + name));
        }
        return new PointsTable(entries);
    }

    private static EmployeeBands employees(final JsonNode firmographic, final String path)
    {
        final JsonNode value = null == firmographic ? null : firmographic.get("employees");
        if (null == value || value.isNull())
        {
            return new EmployeeBands(new int[0], new int[0], new int[0]);
        }
        if (!value.isArray())
        {
            throw new InvalidConfigException(path + ": must be a list of {min, max, points} bands");
        }
        final int[] min = new int[value.size()];
        final int[] max = new int[value.size()];
        final int[] points = new int[value.size()];
        for (int i = 0; i < value.size(); i++)
        {
            final JsonNode band = value.get(i);
            final String at = path + "[" + i + "]";
            TenantRulesParser.checkKeys(band, BAND_KEYS, at + ".");
            min[i] = count(band.get("min"), at + ".min", 0);
            max[i] = band.has("max") && !band.get("max").isNull() ? count(band.get("max"), at + ".max", min[i]) : EmployeeBands.OPEN;
            points[i] = pointsValue(band.get("points"), at + ".points");
            for (int j = 0; j < i; j++)
            {
                if (min[i] <= max[j] && min[j] <= max[i])
                {
                    throw new InvalidConfigException(at + ": overlaps " + path + "[" + j + "]");
                }
            }
        }
        return new EmployeeBands(min, max, points);
    }

    private static PageCategories pages(final JsonNode behaviour, final String path)
    {
        final JsonNode value = null == behaviour ? null : behaviour.get("pages");
        if (null == value || value.isNull())
        {
            return new PageCategories(ScoringModel.DEFAULT_PAGES);
        }
        if (!value.isArray())
        {
            throw new InvalidConfigException(path + ": must be a list of {prefix, category, points}");
        }
        final List<PageCategories.Entry> entries = new ArrayList<>();
        for (int i = 0; i < value.size(); i++)
        {
            final JsonNode page = value.get(i);
            final String at = path + "[" + i + "]";
            TenantRulesParser.checkKeys(page, PAGE_KEYS, at + ".");
            final JsonNode prefix = page.get("prefix");
            if (null == prefix || !prefix.isTextual() || prefix.asText().isEmpty() ||
                prefix.asText().getBytes(StandardCharsets.UTF_8).length > MAX_PREFIX_BYTES)
            {
                throw new InvalidConfigException(at + ".prefix: required, a path prefix of 1.." + MAX_PREFIX_BYTES + " bytes");
            }
            final JsonNode category = page.get("category");
            if (null == category)
            {
                throw new InvalidConfigException(at + ".category: required");
            }
            entries.add(new PageCategories.Entry(prefix.asText(), name(category, at + ".category"),
                pointsValue(page.get("points"), at + ".points")));
        }
        return new PageCategories(entries);
    }

    private static JsonNode section(final JsonNode parent, final String key, final List<String> allowed, final String path)
    {
        final JsonNode node = null == parent || parent.isNull() ? null : parent.get(key);
        if (null == node || node.isNull())
        {
            return null;
        }
        TenantRulesParser.checkKeys(node, allowed, path + key + ".");
        return node;
    }

    /**
     * A list of names at {@code path + key}: the defaults when absent, empty when null.
     */
    static List<String> names(final JsonNode node, final String key, final List<String> defaults, final String path)
    {
        final JsonNode value = null == node ? null : node.get(key);
        if (null == value)
        {
            return defaults;
        }
        final List<String> names = new ArrayList<>();
        if (value.isNull())
        {
            return names;
        }
        if (!value.isArray())
        {
            throw new InvalidConfigException(path + key + ": must be a list of names");
        }
        for (final JsonNode entry : value)
        {
            names.add(name(entry, path + key));
        }
        return names;
    }

    private static int pointsValue(final JsonNode value, final String path)
    {
        if (null == value || !value.isIntegralNumber() || Math.abs(value.asLong()) > MAX_POINTS)
        {
            throw new InvalidConfigException(path + ": must be an integer number of points in -" + MAX_POINTS + ".." + MAX_POINTS);
        }
        return value.asInt();
    }

    private static int count(final JsonNode value, final String path, final int min)
    {
        if (null == value || !value.isIntegralNumber() || value.asLong() < min || value.asLong() > Integer.MAX_VALUE - 1)
        {
            throw new InvalidConfigException(path + ": must be an integer, at least " + min);
        }
        return value.asInt();
    }

    static String name(final JsonNode value, final String path)
    {
        if (!value.isTextual())
        {
            throw new InvalidConfigException(path + ": every entry must be a non-empty string");
        }
        checkName(value.asText(), path);
        return value.asText();
    }

    private static void checkName(final String name, final String path)
    {
        final int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (0 == bytes || bytes > MAX_NAME_BYTES)
        {
            throw new InvalidConfigException(path + ": '" + name + "' must be a non-empty string of at most " +
                MAX_NAME_BYTES + " bytes");
        }
    }
}
