package io.firstcall.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcall.engine.tenant.InvalidConfigException;
import io.firstcall.engine.tenant.TenantRulesParser;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Typed reads of YAML values that fail with the key's path and what was found instead. Strict on
 * purpose: {@code "4096"} is not an integer and {@code 4096.0} is not either, so a typo never
 * turns silently into a default.
 */
final class YamlValues
{
    private YamlValues()
    {
    }

    static String text(final JsonNode value, final String path)
    {
        if (!value.isTextual() || value.asText().isEmpty())
        {
            throw new ConfigException(path + ": must be a non-empty string, got " + describe(value));
        }
        return value.asText();
    }

    static String text(final JsonNode value, final String path, final int maxUtf8Bytes)
    {
        final String text = text(value, path);
        final int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxUtf8Bytes)
        {
            throw new ConfigException(path + ": must be at most " + maxUtf8Bytes + " bytes of UTF-8, got " + bytes);
        }
        return text;
    }

    /**
     * As {@link #text(JsonNode, String, int)} for a secret (a token): no error message shows the value.
     */
    static String secretText(final JsonNode value, final String path, final int maxUtf8Bytes)
    {
        if (!value.isTextual() || value.asText().isEmpty())
        {
            throw new ConfigException(path + ": must be a non-empty string, got " + describeKind(value) +
                " (secret values are never printed)");
        }
        final int bytes = value.asText().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxUtf8Bytes)
        {
            throw new ConfigException(path + ": must be at most " + maxUtf8Bytes + " bytes of UTF-8, got " + bytes);
        }
        return value.asText();
    }

    static String choice(final JsonNode value, final String path, final String... allowed)
    {
        final String text = value.isTextual() ? value.asText() : null;
        if (null == text || !Arrays.asList(allowed).contains(text))
        {
            throw new ConfigException(path + ": must be one of " + String.join(", ", allowed) + ", got " + describe(value));
        }
        return text;
    }

    static int intAtLeast(final JsonNode value, final String path, final int min)
    {
        if (!value.isIntegralNumber())
        {
            throw new ConfigException(path + ": must be an integer, got " + describe(value));
        }
        if (!value.canConvertToInt())
        {
            throw new ConfigException(path + ": must be at most " + Integer.MAX_VALUE + ", got " + value.asText());
        }
        final int number = value.asInt();
        if (number < min)
        {
            throw new ConfigException(path + ": must be >= " + min + ", got " + number);
        }
        return number;
    }

    static int intInRange(final JsonNode value, final String path, final int min, final int max)
    {
        final int number = intAtLeast(value, path, min);
        if (number > max)
        {
            throw new ConfigException(path + ": must be at most " + max + ", got " + number);
        }
        return number;
    }

    static boolean bool(final JsonNode value, final String path)
    {
        if (!value.isBoolean())
        {
            throw new ConfigException(path + ": must be true or false, got " + describe(value));
        }
        return value.asBoolean();
    }

    static int port(final JsonNode value, final String path)
    {
        final int port = intAtLeast(value, path, 0);
        if (port > 65_535)
        {
            throw new ConfigException(path + ": must be a port 0..65535 (0 = any free port), got " + port);
        }
        return port;
    }

    static int powerOfTwo(final JsonNode value, final String path)
    {
        final int number = intAtLeast(value, path, 2);
        if (Integer.bitCount(number) != 1)
        {
            throw new ConfigException(path + ": must be a power of two, got " + number);
        }
        return number;
    }

    /**
     * @return a duration in milliseconds: an integer is milliseconds, a string has a unit (500ms, 90s, 5m, 24h, 7d).
     */
    static long durationMs(final JsonNode value, final String path, final long minMs)
    {
        final long ms;
        if (value.isIntegralNumber() && value.canConvertToLong())
        {
            ms = value.asLong();
        }
        else if (value.isTextual())
        {
            try
            {
                ms = TimeUnit.NANOSECONDS.toMillis(TenantRulesParser.parseDurationNs(value.asText(), path));
            }
            catch (final InvalidConfigException ex)
            {
                throw new ConfigException(ex.getMessage(), ex);
            }
        }
        else
        {
            throw new ConfigException(path + ": must be a duration such as 5m or a number of milliseconds, got " +
                describe(value));
        }
        if (ms < minMs)
        {
            throw new ConfigException(path + ": must be at least " + minMs + " ms, got " + ms + " ms");
        }
        return ms;
    }

    /**
     * @return the shortest exact form of a duration: 300000 → "5m", 100 → "100ms".
     */
    static String formatDurationMs(final long ms)
    {
        final long[] unitsMs = { TimeUnit.DAYS.toMillis(1), TimeUnit.HOURS.toMillis(1), 60_000, 1_000 };
        final String[] names = { "d", "h", "m", "s" };
        for (int i = 0; i < unitsMs.length; i++)
        {
            if (ms > 0 && ms % unitsMs[i] == 0)
            {
                return ms / unitsMs[i] + names[i];
            }
        }
        return ms + "ms";
    }

    static void requireMapping(final JsonNode node, final String path)
    {
        if (!node.isObject())
        {
            throw new ConfigException(path + ": must be a mapping of keys to values, got " + describe(node));
        }
    }

    static void checkKeys(final JsonNode mapping, final String prefix, final Set<String> known)
    {
        final Iterator<String> names = mapping.fieldNames();
        while (names.hasNext())
        {
            final String name = names.next();
            if (!known.contains(name))
            {
                final String retired = RETIRED_KEYS.get(prefix + name);
                throw new ConfigException(prefix + name + ": " + (null != retired ? retired :
                    "unknown key (known keys: " + String.join(", ", known) + ")"));
            }
        }
    }

    /**
     * Keys earlier versions took, with what replaced them, so an old configuration fails with a way forward.
     */
    private static final Map<String, String> RETIRED_KEYS = Map.of(
        "engine.dedupWindow", "no longer a setting: the duplicate window is a time now, engine.dedupHorizon " +
            "(default 24h), with a per-tenant cap, engine.dedupMaxIds (docs/configuration.md)");

    static String describe(final JsonNode value)
    {
        if (value instanceof SecretReferences.Resolved)
        {
            return "the value of " + ((SecretReferences.Resolved)value).reference();
        }
        if (value.isNull() || value.isMissingNode())
        {
            return "nothing (null)";
        }
        if (value.isTextual())
        {
            return "'" + value.asText() + "' (a string)";
        }
        if (value.isNumber())
        {
            return value.asText() + (value.isIntegralNumber() ? " (an integer)" : " (a decimal number)");
        }
        if (value.isBoolean())
        {
            return value.asText() + " (a boolean)";
        }
        return value.isArray() ? "a list" : "a mapping";
    }

    /**
     * @return what kind of value it is, without the value.
     */
    static String describeKind(final JsonNode value)
    {
        if (value instanceof SecretReferences.Resolved)
        {
            return describe(value);
        }
        if (value.isNull() || value.isMissingNode())
        {
            return "nothing (null)";
        }
        if (value.isTextual())
        {
            return value.asText().isEmpty() ? "an empty string" : "a string";
        }
        if (value.isNumber())
        {
            return value.isIntegralNumber() ? "an integer" : "a decimal number";
        }
        if (value.isBoolean())
        {
            return "a boolean";
        }
        return value.isArray() ? "a list" : "a mapping";
    }
}
