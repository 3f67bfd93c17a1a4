package io.firstcall.gateway.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

/**
 * JSON plumbing shared by the endpoint writers: the one Jackson factory (streaming only) and the
 * small write helpers callbacks need.
 */
final class OpsJson
{
    static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /**
     * Generators must not close the response body stream: the handler owns it.
     */
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
        .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();

    private OpsJson()
    {
    }

    /**
     * @param out where the document goes; not closed by the generator.
     * @return a UTF-8 generator; close it to flush.
     */
    static JsonGenerator generator(final OutputStream out) throws IOException
    {
        return FACTORY.createGenerator(out);
    }

    /**
     * End a document with a newline, so {@code curl} leaves the shell prompt on its own line.
     */
    static void endDocument(final JsonGenerator json) throws IOException
    {
        json.writeRaw('\n');
    }

    /**
     * Write {@code {"error":<error>,<detailName>:<detailValue>}}.
     *
     * @param detailName name of the one detail field, or null for none.
     */
    static void writeError(
        final OutputStream out, final String error, final String detailName, final String detailValue)
        throws IOException
    {
        try (JsonGenerator json = generator(out))
        {
            json.writeStartObject();
            json.writeStringField("error", error);
            if (null != detailName)
            {
                json.writeStringField(detailName, detailValue);
            }
            json.writeEndObject();
            endDocument(json);
        }
    }

    /**
     * Write {@code {"status":"down","problems":["...",...]}}.
     */
    static void writeDown(final OutputStream out, final List<String> problems) throws IOException
    {
        try (JsonGenerator json = generator(out))
        {
            json.writeStartObject();
            json.writeStringField("status", "down");
            json.writeArrayFieldStart("problems");
            for (final String problem : problems)
            {
                json.writeString(problem);
            }
            json.writeEndArray();
            json.writeEndObject();
            endDocument(json);
        }
    }

    /**
     * For callbacks such as {@code ObjLongConsumer} that cannot throw {@link IOException}.
     */
    static void writeNumberField(final JsonGenerator json, final String name, final long value)
    {
        try
        {
            json.writeNumberField(name, value);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Write nanoseconds as microseconds with exactly three decimals ({@code 12345} → {@code 12.345}),
     * exact because it is a decimal shift, not a double division.
     */
    static void writeMicrosField(final JsonGenerator json, final String name, final long valueNs)
        throws IOException
    {
        json.writeFieldName(name);
        json.writeNumber(BigDecimal.valueOf(valueNs, 3));
    }
}
