package io.firstcall.gateway.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;

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
     * <p>
     * No read limits of Jackson's own: a line is bounded by max.line.bytes already, and Jackson's
     * defaults (numbers of 1000 digits, 1000 levels of nesting, names of 50,000 characters) would make a
     * line that is one valid JSON object malformed_json and close the connection, where the protocol
     * answers a bad field and keeps it open. None of it costs more without them: the decoder reads a
     * number's value only when its type fits 64 bits, skips nested values token by token, and drops the
     * parser (with its symbol table and nesting contexts) after a rejected line.
     */
    static final JsonFactory FACTORY = new JsonFactoryBuilder()
        .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
        .rootValueSeparator((String)null)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNumberLength(Integer.MAX_VALUE)
            .maxNestingDepth(Integer.MAX_VALUE)
            .maxNameLength(Integer.MAX_VALUE)
            .build())
        .build();

    private JsonSupport()
    {
    }
}
