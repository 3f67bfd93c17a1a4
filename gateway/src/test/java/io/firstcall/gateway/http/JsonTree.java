package io.firstcall.gateway.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON document into maps, lists and scalars with Jackson's streaming parser (the gateway
 * has no databind), rejecting duplicate names and trailing content.
 */
final class JsonTree
{
    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    private JsonTree()
    {
    }

    static Map<String, Object> parseObject(final String json)
    {
        try (JsonParser parser = FACTORY.createParser(json))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                throw new IllegalArgumentException("not an object: " + json);
            }
            @SuppressWarnings("unchecked")
            final Map<String, Object> root = (Map<String, Object>)read(parser);
            if (null != parser.nextToken())
            {
                throw new IllegalArgumentException("trailing content after the object: " + json);
            }
            return root;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(final Map<String, Object> parent, final String name)
    {
        final Object child = parent.get(name);
        if (!(child instanceof Map))
        {
            throw new AssertionError("no object '" + name + "' in " + parent);
        }
        return (Map<String, Object>)child;
    }

    private static Object read(final JsonParser parser) throws IOException
    {
        switch (parser.currentToken())
        {
            case START_OBJECT:
                final Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME)
                {
                    final String name = parser.currentName();
                    parser.nextToken();
                    object.put(name, read(parser));
                }
                return object;

            case START_ARRAY:
                final List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY)
                {
                    array.add(read(parser));
                }
                return array;

            case VALUE_NUMBER_INT:
                return parser.getLongValue();

            case VALUE_NUMBER_FLOAT:
                return parser.getDecimalValue();

            case VALUE_STRING:
                return parser.getText();

            case VALUE_TRUE:
            case VALUE_FALSE:
                return parser.getBooleanValue();

            case VALUE_NULL:
                return null;

            default:
                throw new IllegalArgumentException("unexpected " + parser.currentToken());
        }
    }
}
