package io.firstcall.engine.output;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DetailBuilderTest
{
    @Test
    void shouldEscapeQuotesBackslashesAndControlBytesOnly()
    {
        final Map<String, String> cases = Map.of(
            "", "",
            "plain", "plain",
            "a\"b", "a\\\"b",
            "\"", "\\\"",
            "back\\slash", "back\\\\slash",
            "tab\there", "tab\\u0009here",
            "end\n", "end\\u000a",
            "Zo\u00eb \u00dcnal \u6771\u4eac", "Zo\u00eb \u00dcnal \u6771\u4eac");
        cases.forEach((input, expected) ->
        {
            final byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
            final DetailBuilder fromBuffer = new DetailBuilder().raw('[');
            fromBuffer.escaped(new UnsafeBuffer(bytes), 0, bytes.length).raw(']');
            final DetailBuilder fromArray = new DetailBuilder().raw('[');
            fromArray.escaped(bytes).raw(']');

            assertEquals("[" + expected + "]", fromBuffer.buffer().getStringWithoutLengthUtf8(0, fromBuffer.length()), input);
            assertEquals("[" + expected + "]", fromArray.buffer().getStringWithoutLengthUtf8(0, fromArray.length()), input);
        });
    }
}
