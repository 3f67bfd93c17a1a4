package io.firstcall.gateway.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.firstcall.codec.AlertWithdrawnEncoder;
import io.firstcall.codec.LeadConvertedEncoder;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.event.Utf8;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonOutputEncoderTest
{
    /** 2026-11-26T10:15:30.123456789Z */
    private static final long TIME_NS = 1_795_688_130_123_456_789L;
    private static final String TIME = "2026-11-26T10:15:30.123Z";

    private final JsonOutputEncoder encoder = new JsonOutputEncoder();
    private final UnsafeBuffer src = new UnsafeBuffer(new byte[128 * 1024]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    /**
     * Outputs are rendered by the core's renderer (every template is tested there, in
     * OutputRendererTest); the encoder hands them out in the same buffer as its own lines.
     */
    @Test
    void shouldEncodeOutputsWithTheCoreRendererIntoItsBuffer()
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + new AlertWithdrawnEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(43).timeNs(TIME_NS).episode(5).tenant("acme").lead("L1").rep("R1").claimedBy("R2").encodedLength();
        final byte[] id = "a".getBytes(StandardCharsets.UTF_8);
        encoder.ack(id, 0, 1, 1, false);

        final Map<String, Object> json = parse(encoder.encode(src, 0, length));
        assertEquals("withdrawn", json.get("type"));
        assertEquals(43L, json.get("seq"));
        assertEquals(TIME, json.get("at"));
        assertEquals(5L, json.get("episode"));
        assertEquals("acme", json.get("tenant"));
        assertEquals("L1", json.get("lead"));
        assertEquals("R1", json.get("rep"));
        assertEquals("R2", json.get("claimedBy"));
        assertEquals(8, json.size());
    }

    @Test
    void shouldRefuseInputMessages()
    {
        new LeadConvertedEncoder().wrapAndApplyHeader(src, 0, header).tenant("acme").eventId("e").lead("L");
        assertEquals(JsonOutputEncoder.NOT_AN_OUTPUT, encoder.encode(src, 0, src.capacity()));
    }

    @Test
    void shouldEncodeAck()
    {
        final byte[] id = "xx-é-1".getBytes(StandardCharsets.UTF_8);
        final Map<String, Object> json = parse(encoder.ack(id, 3, id.length - 3, 1234, true));
        assertEquals("ack", json.get("type"));
        assertEquals("é-1", json.get("id"));
        assertEquals(1234L, json.get("seq"));
        assertEquals(true, json.get("duplicate"));
        assertEquals(4, json.size());
    }

    @Test
    void shouldEncodeErrorFromDecoder()
    {
        final JsonEventDecoder decoder = new JsonEventDecoder();
        final byte[] line = "{\"type\":\"visit\",\"id\":\"v\\\"1\",\"lead\":\"L\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(JsonEventDecoder.ERROR,
            decoder.decode(line, 0, line.length, "t".getBytes(StandardCharsets.UTF_8), 0, src, 0));

        final Map<String, Object> json = parse(encoder.error(decoder));
        assertEquals("error", json.get("type"));
        assertEquals("v\"1", json.get("id"));
        assertEquals("missing_field", json.get("code"));
        assertEquals("page", json.get("field"));
        assertEquals("page: is required", json.get("message"));
        assertEquals(5, json.size());
    }

    @Test
    void shouldEncodeErrorWithoutIdOrField()
    {
        final Map<String, Object> json = parse(encoder.error(null, 0, 0, "line_too_long", null, "line over 8 KB"));
        assertEquals("error", json.get("type"));
        assertEquals("line_too_long", json.get("code"));
        assertEquals("line over 8 KB", json.get("message"));
        assertFalse(json.containsKey("id"));
        assertEquals(3, json.size());
    }

    @Test
    void shouldLeaveOutAnIdThatIsNotUtf8()
    {
        final byte[] overlong = {'e', '-', (byte)0xC0, (byte)0xAF};
        final int length = encoder.error(overlong, 0, overlong.length, "invalid_field", "eventId", "eventId: is not valid UTF-8");
        final byte[] line = new byte[length];
        encoder.buffer().getBytes(0, line);
        assertTrue(Utf8.isValid(new UnsafeBuffer(line), 0, length));

        final Map<String, Object> json = parse(length);
        assertFalse(json.containsKey("id"));
        assertEquals("eventId", json.get("field"));
    }

    @Test
    void shouldEncodeWelcome()
    {
        final Map<String, Object> client = parse(encoder.welcome(new Hello("acme", "s", null), 1_795_688_130_123L));
        assertEquals("welcome", client.get("type"));
        assertEquals(2L, client.get("protocol"), "protocol v2: reasons and activity are JSON, not strings");
        assertEquals("acme", client.get("tenant"));
        assertEquals(TIME, client.get("at"));
        assertEquals(4, client.size());

        final Map<String, Object> rep = parse(encoder.welcome(new Hello("acme", "s", "R1"), 0));
        assertEquals("rep", rep.get("role"));
        assertEquals("R1", rep.get("rep"));
        assertEquals("1970-01-01T00:00:00.000Z", rep.get("at"));
        assertEquals(6, rep.size());
    }

    @Test
    void shouldWriteOneLinePerCallFromOffsetZero()
    {
        final byte[] id = "a".getBytes(StandardCharsets.UTF_8);
        final int first = encoder.ack(id, 0, 1, 1, false);
        final int second = encoder.ack(id, 0, 1, 2, false);
        assertEquals(first, second);
        assertEquals("{\"type\":\"ack\",\"id\":\"a\",\"seq\":2,\"duplicate\":false}\n",
            encoder.buffer().getStringWithoutLengthUtf8(0, second));
    }

    /**
     * Parse the line back with Jackson into a flat map: these lines have no nested values.
     */
    private Map<String, Object> parse(final int length)
    {
        final byte[] line = new byte[length];
        encoder.buffer().getBytes(0, line);
        assertEquals('\n', line[length - 1]);
        for (int i = 0; i < length - 1; i++)
        {
            assertFalse('\n' == line[i], "one line only");
        }

        final Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(line))
        {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                final JsonToken value = parser.nextToken();
                final Object previous = fields.put(name, switch (value)
                {
                    case VALUE_STRING -> parser.getText();
                    case VALUE_NUMBER_INT -> parser.getLongValue();
                    case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
                    case VALUE_NULL -> null;
                    default -> throw new AssertionError("unexpected " + value);
                });
                assertEquals(null, previous, "duplicate " + name);
            }
            assertEquals(null, parser.nextToken());
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }

        return fields;
    }
}
