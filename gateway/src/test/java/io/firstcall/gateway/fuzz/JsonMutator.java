package io.firstcall.gateway.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Breaks valid JSON events the ways a buggy or hostile client would: wrong JSON types, missing,
 * unknown and repeated fields, texts over their bounds or empty, values outside their choices, unknown
 * types, deep nesting, huge numbers, bad times, invalid UTF-8 and lone surrogates, truncated objects,
 * trailing data, things that are not objects, a second hello, another rep's name, random byte damage
 * and garbage. Whether the result is still valid is the oracle's business.
 */
final class JsonMutator
{
    private static final String[] WRONG_VALUES = {"5", "-1", "true", "false", "[]", "[\"a\"]", "{}", "{\"a\":1}", "\"\"",
        "\"x\"", "null", "1.5", "1e3", "\"5\""};
    private static final String[] HUGE_NUMBERS = {"2147483648", "-2147483649", "1e400", "-1e400", "1.5", "1E-400",
        "9223372036854775808", "123456789012345678901234567890", "0.001", "1e30", "1e999999999999", "-0.0"};
    private static final String[] BAD_AT = {"\"2026-13-01T00:00:00Z\"", "\"2026-11-26 10:15:30\"", "\"yesterday\"", "-5",
        "1.5", "\"2026-02-29T00:00:00Z\"", "\"2024-02-29T00:00:00Z\"", "\"2026-11-26T10:15:30+01:00\"",
        "\"2026-11-26T10:15:30-18:00\"", "\"2026-11-26T10:15:30+18:01\"",
        "\"2026-11-26T10:15:30+0200\"", "\"2026-11-26T10:15:30+02\"", "\"2026-11-26T10:15:30.123456789-00:30\"",
        "\"2026-11-26T10:15:30z\"", "\"2026-11-26T10:15:30+02:60\"",
        "\"2026-11-26T24:00:00Z\"", "\"2026-11-26T10:15:60Z\"", "\"2026-11-26T10:15:30.1234567890Z\"",
        "\"2026-11-26T10:15:30.Z\"", "\"+2026-11-26T10:15:30Z\"", "9223372036854775807", "9223372036854775808"};
    private static final String[] NOT_OBJECTS = {"[1,2]", "\"hello\"", "42", "null", "   ", "{", "}", "{}}", "{\"type\"}",
        "{\"type\":\"visit\",}", "{'type':'visit'}", "{\"type\":\"visit\" \"id\":\"x\"}", "\ufeff{}", "{\"a\":01}",
        "{\"a\":NaN}", "{\"a\":\"\t\"}", "// comment", "{\"a\":1}{\"b\":2}", "{\"a\":1} x"};
    private static final byte[][] BAD_UTF8 = {
        {(byte)0xC0, (byte)0xAF}, {(byte)0xED, (byte)0xA0, (byte)0x80}, {(byte)0xF4, (byte)0x90, (byte)0x80, (byte)0x80},
        {(byte)0xE2, (byte)0x82}, {(byte)0x80}, {(byte)0xFF}, {(byte)0xC1, (byte)0xBF}};

    /** Of the broken inputs, how many per mille close the connection (or may): each costs a reconnect. */
    private static final int CLOSING_PER_MILLE = 15;

    private final int maxLineBytes;

    JsonMutator(final int maxLineBytes)
    {
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * @param rep the connection's rep, or null on a source connection.
     */
    Unit mutate(final Event valid, final String rep, final String otherTenant, final SplittableRandom random)
    {
        final Event event = valid.copy();
        final List<String> names = new ArrayList<>(event.fields().keySet());
        names.add("type");
        final String name = names.get(random.nextInt(names.size()));
        return random.nextInt(1000) < CLOSING_PER_MILLE ?
            closing(event, otherTenant, random) : answered(valid, event, name, rep, otherTenant, random);
    }

    /**
     * Faults answered with the connection kept open, or no fault at all.
     */
    private Unit answered(
        final Event valid, final Event event, final String name, final String rep, final String otherTenant,
        final SplittableRandom random)
    {
        final int pick = random.nextInt(100);
        if (pick < 10)
        {
            return line(replace(event, name, WRONG_VALUES[random.nextInt(WRONG_VALUES.length)], random), "json:wrong-type");
        }
        if (pick < 16)
        {
            return line(("type".equals(name) ? event.put("type", null) : event.remove(name)).json(random), "json:missing");
        }
        if (pick < 23)
        {
            final String[] unknown = {"tenant", "token", "role", "score", "page", "status", "x-" + random.nextInt(100), "",
                "Lead"};
            final String field = unknown[random.nextInt(unknown.length)];
            return line(insert(event.json(random), JsonText.quoted(field) + ":" + JsonText.quoted(otherTenant)),
                "json:unknown-field");
        }
        if (pick < 28)
        {
            final String value = random.nextBoolean() ? "\"other\"" : jsonValue(event.get(name));
            return line(insert(event.json(random), JsonText.quoted(name) + ":" + value), "json:repeated");
        }
        if (pick < 36)
        {
            return line(replace(event, name, JsonText.quoted(longText(name, random)), random), "json:too-long");
        }
        if (pick < 40)
        {
            return line(replace(event, name, "\"\"", random), "json:empty");
        }
        if (pick < 45)
        {
            final String[] choices = {"status", "outcome", "result", "type"};
            final String[] values = {"\"away\"", "\"STARTED\"", "\"maybe\"", "\"teleport\"", "\"Lead\"", "\" visit\"",
                "\"hello\""};
            return line(replace(event, choices[random.nextInt(choices.length)], values[random.nextInt(values.length)], random),
                "json:choice");
        }
        if (pick < 50)
        {
            return line(nested(event, name, random), "json:deep-nesting");
        }
        if (pick < 58)
        {
            final String[] numeric = {"score", "employees", "amount", "at", "score"};
            return line(replace(event, numeric[random.nextInt(numeric.length)], hugeNumber(random), random),
                "json:huge-number");
        }
        if (pick < 63)
        {
            return line(replace(event, "at", BAD_AT[random.nextInt(BAD_AT.length)], random), "json:bad-at");
        }
        if (pick < 67)
        {
            final String[] surrogates = {"\\ud800", "\\udc00", "a\\ud83d", "\\ud83d\\ude80", "\\ude80\\ud83d"};
            return line(replace(event, name, "\"x" + surrogates[random.nextInt(surrogates.length)] + "\"", random),
                "json:surrogate");
        }
        if (pick < 72 && null != rep)
        {
            return line(random.nextBoolean() ? event.put("rep", rep + "-other").json(random) :
                new Event("lead").put("id", valid.id()).put("lead", "x").json(random), "json:rep-limits");
        }
        if (pick < 76)
        {
            return line(event.put("email", null).json(random), "json:null-optional");
        }
        if (pick < 82)
        {
            return new Unit(random.nextBoolean() ? new byte[] {'\n'} : new byte[] {'\r', '\n'}, "json:keepalive");
        }
        if (pick < 86)
        {
            return padded(event.json(random), maxLineBytes - random.nextInt(3), random.nextBoolean(), random);
        }
        if (pick < 93)
        {
            // Damage that keeps the line one object: a changed letter inside a string.
            return line(event.json(random).replaceFirst("\"([a-z])", "\"" + (char)('a' + random.nextInt(26))), "json:letter");
        }
        return line(" " + event.json(random) + "\t ", "json:spaces");
    }

    /**
     * Input that closes the connection, or may: not UTF-8, not one object, a second hello, too long.
     */
    private Unit closing(final Event event, final String otherTenant, final SplittableRandom random)
    {
        switch (random.nextInt(8))
        {
            case 0:
            case 1:
                return new Unit(damage(bytes(event.json(random) + "\n"), random), "json:byte-damage");
            case 2:
            {
                final byte[] line = bytes(event.json(random));
                final byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
                return new Unit(newline(SbeBytes.insert(line, 1 + indexOfQuote(line, random), bad)), "json:bad-utf8");
            }
            case 3:
            {
                final String json = event.json(random);
                return line(json.substring(0, random.nextInt(json.length())), "json:truncated");
            }
            case 4:
                return line(NOT_OBJECTS[random.nextInt(NOT_OBJECTS.length)], "json:not-an-object");
            case 5:
            {
                final byte[] garbage = new byte[random.nextInt(200)];
                random.nextBytes(garbage);
                return new Unit(newline(garbage), "json:garbage");
            }
            case 6:
                return line("{\"type\":\"hello\",\"tenant\":\"" + otherTenant + "\",\"token\":\"t\"}", "json:second-hello");
            default:
                // One byte over the limit, then a newline; or two, which the gateway refuses before any newline.
                final int length = maxLineBytes + 1 + random.nextInt(2);
                return new Unit(Arrays.copyOf(bytes(event.json(random) + " ".repeat(maxLineBytes)), length),
                    "json:line-too-long");
        }
    }

    private static Unit line(final String json, final String kind)
    {
        return new Unit(newline(bytes(json)), kind);
    }

    private static byte[] newline(final byte[] line)
    {
        return SbeBytes.insert(line, line.length, new byte[] {'\n'});
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return the event as JSON with member {@code name} holding the raw JSON {@code value} (added when absent).
     */
    private static String replace(final Event event, final String name, final String value, final SplittableRandom random)
    {
        return event.put(name, new Event.Raw(value)).json(random);
    }

    private static String insert(final String json, final String member)
    {
        return json.substring(0, json.length() - 1) + (json.length() > 2 ? "," : "") + member + "}";
    }

    private static String jsonValue(final Object value)
    {
        return value instanceof String ? JsonText.quoted((String)value) : String.valueOf(value);
    }

    private static String longText(final String name, final SplittableRandom random)
    {
        final int bound = "id".equals(name) || "lead".equals(name) || "rep".equals(name) ? 64 : 254;
        final String text = "y".repeat(bound - 1 + random.nextInt(3));
        return random.nextBoolean() ? text.substring(0, bound - 1) + "é" : text;
    }

    private static String nested(final Event event, final String name, final SplittableRandom random)
    {
        final int[] depths = {8, 100, 499, 501, 999, 1001, 2000, 5000};
        final int depth = depths[random.nextInt(depths.length)];
        final boolean arrays = random.nextBoolean();
        final String value = (arrays ? "[" : "{\"a\":").repeat(depth - 1) + (arrays ? "[]" : "{}") +
            (arrays ? "]" : "}").repeat(depth - 1);
        final String field = random.nextBoolean() ? name : "nest";
        return "nest".equals(field) ? insert(event.json(random), "\"nest\":" + value) : replace(event, field, value, random);
    }

    private static String hugeNumber(final SplittableRandom random)
    {
        if (random.nextInt(4) == 0)
        {
            final int digits = new int[] {100, 999, 1000, 1001, 3000}[random.nextInt(5)];
            return "1" + "0".repeat(digits - 1) + (random.nextBoolean() ? "" : ".5");
        }
        return HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)];
    }

    /**
     * @return the event as a line of {@code length} bytes, padded with spaces, ending "\n" or "\r\n"; the
     * "\r\n" of a line at the limit is split, so the gateway reads the "\r" before the "\n".
     */
    private Unit padded(final String json, final int length, final boolean crlf, final SplittableRandom random)
    {
        final byte[] line = bytes(json);
        final byte[] padded = new byte[length + (crlf ? 2 : 1)];
        Arrays.fill(padded, (byte)' ');
        final int at = random.nextBoolean() ? 0 : length - line.length;
        System.arraycopy(line, 0, padded, at, line.length);
        padded[padded.length - 1] = '\n';
        if (crlf)
        {
            padded[length] = '\r';
        }
        return new Unit(padded, (length == maxLineBytes ? "json:line-at-limit" : "json:long-line") + (crlf ? "-crlf" : ""),
            crlf ? length + 1 : -1);
    }

    private static byte[] damage(final byte[] line, final SplittableRandom random)
    {
        byte[] damaged = line.clone();
        for (int i = 1 + random.nextInt(3); i > 0; i--)
        {
            final int at = random.nextInt(damaged.length);
            switch (random.nextInt(4))
            {
                case 0:
                    damaged[at] ^= (byte)(1 << random.nextInt(8));
                    break;
                case 1:
                    damaged[at] = (byte)random.nextInt(256);
                    break;
                case 2:
                    damaged = SbeBytes.insert(damaged, at, new byte[] {(byte)random.nextInt(256)});
                    break;
                default:
                    damaged = damaged.length > 2 ? remove(damaged, at) : damaged;
                    break;
            }
        }
        return damaged;
    }

    private static byte[] remove(final byte[] bytes, final int at)
    {
        final byte[] result = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, result, 0, at);
        System.arraycopy(bytes, at + 1, result, at, bytes.length - at - 1);
        return result;
    }

    private static int indexOfQuote(final byte[] line, final SplittableRandom random)
    {
        final int start = random.nextInt(line.length);
        for (int i = start; i < line.length; i++)
        {
            if ('"' == line[i])
            {
                return i;
            }
        }
        return 0;
    }
}
