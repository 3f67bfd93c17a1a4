package io.firstcall.gateway.fuzz;

import java.util.SplittableRandom;

/**
 * Writes JSON members by hand, so the storm controls every byte: strings are escaped as JSON requires
 * and, at random, with more {@code \}u escapes than needed (a surrogate pair as two escapes), so the
 * decoder's unescaping is exercised as well as its UTF-8.
 */
final class JsonText
{
    private JsonText()
    {
    }

    static void member(final StringBuilder out, final String name, final Object value, final SplittableRandom random)
    {
        string(out, name, random);
        out.append(':');
        value(out, value, random);
    }

    static void value(final StringBuilder out, final Object value, final SplittableRandom random)
    {
        if (null == value)
        {
            out.append("null");
        }
        else if (value instanceof String)
        {
            string(out, (String)value, random);
        }
        else
        {
            out.append(value);
        }
    }

    static void string(final StringBuilder out, final String value, final SplittableRandom random)
    {
        string(out, value, random.nextInt(16) == 0, random);
    }

    private static void string(
        final StringBuilder out, final String value, final boolean escapeSome, final SplittableRandom random)
    {
        out.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if ('"' == c || '\\' == c)
            {
                out.append('\\').append(c);
            }
            else if (c < 0x20 || (escapeSome && random.nextInt(4) == 0))
            {
                out.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                out.append(c);
            }
        }
        out.append('"');
    }

    static String quoted(final String value)
    {
        final StringBuilder out = new StringBuilder(value.length() + 2);
        string(out, value, false, null);
        return out.toString();
    }
}
