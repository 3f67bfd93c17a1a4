package io.firstcall.gateway.dashboard;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes one JSON object to a String with Jackson's streaming generator, so every name a client sent
 * (lead, company, rep) is escaped. Used off the engine thread, once per changed row, so it allocates.
 */
final class CardJson
{
    private static final JsonFactory FACTORY = new JsonFactory();

    @FunctionalInterface
    interface Body
    {
        void write(JsonGenerator g) throws IOException;
    }

    private CardJson()
    {
    }

    static String object(final Body body)
    {
        final StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out))
        {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    static void stringOrNull(final JsonGenerator g, final String name, final String value) throws IOException
    {
        if (null == value || value.isEmpty())
        {
            g.writeNullField(name);
        }
        else
        {
            g.writeStringField(name, value);
        }
    }

    /**
     * @return {@code value} as a JSON string literal, escaped.
     */
    static String quoted(final String value)
    {
        final StringWriter out = new StringWriter(value.length() + 2);
        try (JsonGenerator g = FACTORY.createGenerator(out))
        {
            g.writeString(value);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    static long ms(final long epochNs)
    {
        return epochNs / 1_000_000L;
    }
}
