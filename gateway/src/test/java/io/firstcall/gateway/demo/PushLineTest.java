package io.firstcall.gateway.demo;

import io.firstcall.gateway.json.JsonOutputEncoder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PushLineTest
{
    private final PushLine push = new PushLine();

    @Test
    void shouldReadTheServersAck()
    {
        final JsonOutputEncoder encoder = new JsonOutputEncoder();
        final byte[] id = "e-7".getBytes(StandardCharsets.UTF_8);
        final int length = encoder.ack(id, 0, id.length, 42, true);
        final String line = new String(encoder.buffer().byteArray(), 0, length - 1, StandardCharsets.UTF_8);

        assertTrue(push.parse(line), line);
        assertEquals("ack", push.type);
        assertEquals("e-7", push.id);
        assertEquals(42, push.seq);
        assertTrue(push.duplicate);
    }

    @Test
    void shouldReadAnAlertAndSkipNestedValues()
    {
        assertTrue(push.parse("{\"type\":\"alert\",\"seq\":9,\"at\":\"2026-11-26T10:15:30.123Z\",\"episode\":2," +
            "\"extra\":{\"a\":[1,{\"lead\":\"wrong\"}]},\"tenant\":\"demo\",\"lead\":\"L1\",\"rep\":\"r2\"}"));

        assertEquals("alert", push.type);
        assertEquals(9, push.seq);
        assertEquals(2, push.episode);
        assertEquals("L1", push.lead);
        assertEquals("r2", push.rep);
        assertFalse(push.duplicate);
    }

    @Test
    void shouldRefuseWhatIsNotATypedObject()
    {
        assertFalse(push.parse("[1]"));
        assertFalse(push.parse("{\"seq\":1}"));
        assertFalse(push.parse("{\"type\":"));
    }
}
