package io.firstcall.gateway.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;

/**
 * The one Jackson factory of the codec. Factories are thread safe and hold the shared symbol
 * table and buffer recycling, so one per process is both allowed and best.
 */
final class JsonSupport
{
    /**
     * Field names are canonicalized (so a known name costs no String per event) but not
     * String.intern()ed: a client sending random names must not grow the JVM's string table.
     * No root separator: each output line is written and flushed on its own.
     */
    static final JsonFactory FACTORY = new JsonFactoryBuilder()
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .rootValueSeparator((String)null)
        .build();

    private JsonSupport()
    {
    }
}
