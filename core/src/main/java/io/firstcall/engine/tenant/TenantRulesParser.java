package io.firstcall.engine.tenant;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.firstcall.engine.routing.Roster;
import io.firstcall.engine.scoring.HotCriteria;
import io.firstcall.engine.scoring.ScoringModel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one tenant's rules from YAML (see docs/configuration.md; scoring and hot-lead criteria in
 * docs/scoring.md, parsed by {@link ScoringRulesParser}). The one parser of tenant rules: the
 * launcher, {@code check-config} and the engine all use it, and the launcher leaves what it parsed
 * in a {@link TenantRulesCache} so the engine thread does not parse again. Unknown keys are errors:
 * a typo must not silently fall back to a default.
 * <p>
 * Pure: the same document always gives the same rules or the same error message, on any JVM, since
 * a rejected change's message is journaled (so lists of allowed keys keep their order).
 */
public final class TenantRulesParser
{
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final List<String> TOP_KEYS = List.of("tenant", "scoring", "hot", "claim", "routing", "teams", "reps", "leads");
    private static final List<String> LEADS_KEYS = List.of("evictAfter");
    /** Longer than any lead could matter (and far from overflowing engine time). */
    private static final long MAX_EVICTION_NS = TimeUnit.DAYS.toNanos(3650);
    private static final List<String> HOT_KEYS = List.of("mode", "score", "forms", "sources", "trial", "returnVisit", "cooldown");
    private static final List<String> CLAIM_KEYS = List.of("window", "managerQueue");

    private TenantRulesParser()
    {
    }

    /**
     * @param expectedTenant the tenant the change was sent for, or null to take it from the document.
     * @throws InvalidConfigException naming the key at fault.
     */
    public static TenantRules parse(final String expectedTenant, final String yaml)
    {
        final JsonNode root;
        try
        {
            root = YAML.readTree(yaml);
        }
        catch (final JsonProcessingException ex)
        {
            throw new InvalidConfigException("not valid YAML: " + describe(ex));
        }
        catch (final RuntimeException ex)
        {
            throw new InvalidConfigException("not valid YAML: " + ex.getClass().getSimpleName());
        }
        if (null == root || !root.isObject())
        {
            throw new InvalidConfigException("a tenant configuration must be a mapping");
        }
        checkKeys(root, TOP_KEYS, "");

        final String tenant = text(root, "tenant", expectedTenant, "");
        if (null == tenant || tenant.isEmpty() || tenant.getBytes(StandardCharsets.UTF_8).length > 32)
        {
            throw new InvalidConfigException("tenant: required, 1..32 bytes");
        }
        if (null != expectedTenant && !expectedTenant.equals(tenant))
        {
            throw new InvalidConfigException("tenant: '" + tenant + "' does not match the change's tenant '" + expectedTenant + "'");
        }

        final ScoringModel scoring = ScoringRulesParser.scoring(root.get("scoring"));
        final JsonNode hot = root.get("hot");
        if (null != hot && !hot.isNull())
        {
            checkKeys(hot, HOT_KEYS, "hot.");
        }
        final long cooldownNs = duration(hot, "cooldown", HotCriteria.DEFAULT_COOLDOWN_NS, "hot.");
        final HotCriteria criteria = HotCriteriaParser.parse(hot, scoring.pages(), cooldownNs);

        long claimWindowNs = Roster.DEFAULT_CLAIM_WINDOW_NS;
        String managerQueue = tenant + "-managers";
        final JsonNode claim = root.get("claim");
        if (null != claim)
        {
            checkKeys(claim, CLAIM_KEYS, "claim.");
            claimWindowNs = duration(claim, "window", claimWindowNs, "claim.");
            managerQueue = text(claim, "managerQueue", managerQueue, "claim.");
        }
        if (claimWindowNs <= 0)
        {
            throw new InvalidConfigException("claim.window: must be positive");
        }

        long leadEvictionNs = 0;
        final JsonNode leads = root.get("leads");
        if (null != leads && !leads.isNull())
        {
            checkKeys(leads, LEADS_KEYS, "leads.");
            leadEvictionNs = duration(leads, "evictAfter", 0, "leads.");
            if (leadEvictionNs > MAX_EVICTION_NS)
            {
                throw new InvalidConfigException("leads.evictAfter: at most 3650d, or 0 to keep leads forever");
            }
        }

        return new TenantRules(tenant, version(yaml), scoring, criteria, RosterParser.parse(root, claimWindowNs, managerQueue),
            leadEvictionNs);
    }

    /**
     * A stable 63-bit version of a configuration document: the first 8 bytes of its SHA-256.
     */
    public static long version(final String yaml)
    {
        try
        {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8));
            long version = 0;
            for (int i = 0; i < 8; i++)
            {
                version = (version << 8) | (digest[i] & 0xFF);
            }
            return version & Long.MAX_VALUE;
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * @param text like "250ms", "90s", "5m", "24h", "7d", or a number of milliseconds.
     */
    public static long parseDurationNs(final String text, final String key)
    {
        final Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches())
        {
            throw new InvalidConfigException(key + ": '" + text + "' is not a duration (e.g. 500ms, 90s, 5m, 24h, 7d)");
        }
        final long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2))
        {
            case "ms":
                return TimeUnit.MILLISECONDS.toNanos(amount);
            case "s":
                return TimeUnit.SECONDS.toNanos(amount);
            case "m":
                return TimeUnit.MINUTES.toNanos(amount);
            case "h":
                return TimeUnit.HOURS.toNanos(amount);
            default:
                return TimeUnit.DAYS.toNanos(amount);
        }
    }

    static long duration(final JsonNode node, final String key, final long defaultNs, final String path)
    {
        final JsonNode value = null == node ? null : node.get(key);
        if (null == value || value.isNull())
        {
            return defaultNs;
        }
        if (value.isIntegralNumber() && value.asLong() >= 0)
        {
            return TimeUnit.MILLISECONDS.toNanos(value.asLong());
        }
        if (value.isTextual())
        {
            return parseDurationNs(value.asText(), path + key);
        }
        throw new InvalidConfigException(path + key + ": must be a duration (e.g. 5m) or milliseconds");
    }

    private static String text(final JsonNode node, final String key, final String defaultValue, final String path)
    {
        final JsonNode value = node.get(key);
        if (null == value)
        {
            return defaultValue;
        }
        if (!value.isTextual() && !value.isNumber())
        {
            throw new InvalidConfigException(path + key + ": must be a string");
        }
        return value.asText();
    }

    /**
     * The parser's own message and where, without the source excerpt Jackson may add.
     */
    private static String describe(final JsonProcessingException ex)
    {
        final JsonLocation location = ex.getLocation();
        final String message = null == ex.getOriginalMessage() ? ex.getClass().getSimpleName() : ex.getOriginalMessage();
        return null == location ? message : message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /**
     * @param allowed in the order an error message lists them.
     */
    static void checkKeys(final JsonNode node, final List<String> allowed, final String path)
    {
        if (!node.isObject())
        {
            throw new InvalidConfigException(path.substring(0, Math.max(0, path.length() - 1)) + ": must be a mapping");
        }
        final Iterator<String> names = node.fieldNames();
        while (names.hasNext())
        {
            final String name = names.next();
            if (!allowed.contains(name))
            {
                throw new InvalidConfigException(path + name + ": unknown key (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }
}
