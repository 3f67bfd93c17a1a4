package io.firstcall.gateway.demo;

/**
 * Builds one JSON object line from string and number fields, for the simulated clients.
 */
final class JsonLine
{
    private final StringBuilder builder = new StringBuilder(256);

    JsonLine type(final String type)
    {
        builder.setLength(0);
        builder.append('{');
        return text("type", type);
    }

    JsonLine text(final String name, final String value)
    {
        if (null == value)
        {
            return this;
        }
        name(name);
        builder.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            if ('"' == c || '\\' == c)
            {
                builder.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                builder.append(String.format("\\u%04x", (int)c));
            }
            else
            {
                builder.append(c);
            }
        }
        builder.append('"');
        return this;
    }

    JsonLine number(final String name, final long value)
    {
        name(name);
        builder.append(value);
        return this;
    }

    String end()
    {
        return builder.append('}').toString();
    }

    private void name(final String name)
    {
        if (builder.length() > 1)
        {
            builder.append(',');
        }
        builder.append('"').append(name).append("\":");
    }
}
