package io.firstcall.gateway;

import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind of bad input on the JSON lines port gets its documented answer, and the gateway keeps
 * serving a bystander connection throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayBadInputTest
{
    private static final int MAX_LINE_BYTES = 1024;

    private GatewayFixture fixture;
    private LineClient bystander;
    private int bystanderEvents;

    @BeforeAll
    void launch(@TempDir final Path dataDir)
    {
        fixture = new GatewayFixture(dataDir);
        fixture.gatewayContext().maxLineBytes(MAX_LINE_BYTES);
        fixture.launch();
        bystander = fixture.acmeSource();
    }

    @AfterAll
    void close()
    {
        bystander.close();
        fixture.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON      |{\"type\":\"visit\",\"id\":\"x\",                                      |malformed_json|      |true",
        "not an object       |[1,2,3]                                                              |malformed_json|      |true",
        "unknown type        |{\"type\":\"teleport\",\"id\":\"x\"}                                  |unknown_type  |type  |false",
        "missing field       |{\"type\":\"visit\",\"id\":\"x\",\"page\":\"/\"}                      |missing_field |lead  |false",
        "wrong field type    |{\"type\":\"score\",\"id\":\"x\",\"lead\":\"L\",\"score\":\"high\"}   |invalid_field |score |false",
        "unknown field       |{\"type\":\"visit\",\"id\":\"x\",\"lead\":\"L\",\"page\":\"/\",\"x\":1}|unknown_field |x     |false",
        "tenant in an event  |{\"type\":\"visit\",\"id\":\"x\",\"tenant\":\"globex\",\"lead\":\"L\",\"page\":\"/\"}|unknown_field|tenant|false",
    })
    void shouldAnswerBadLineAndKeepServingOthers(
        final String name, final String line, final String code, final String field, final boolean closes)
    {
        try (LineClient client = fixture.acmeSource())
        {
            client.send(line.trim());
            assertAnswered(client, code, field, closes);
        }
        assertBystanderServed();
    }

    @Test
    void shouldAnswerOversizedFieldAndStayOpen()
    {
        try (LineClient client = fixture.acmeSource())
        {
            client.send("{\"type\":\"visit\",\"id\":\"x\",\"lead\":\"" + "L".repeat(65) + "\",\"page\":\"/\"}");
            assertAnswered(client, "field_too_long", "lead", false);
            client.send("{\"type\":\"visit\",\"id\":\"" + "i".repeat(65) + "\",\"lead\":\"L\",\"page\":\"/\"}");
            assertAnswered(client, "field_too_long", "id", false);
        }
        assertBystanderServed();
    }

    @Test
    void shouldCloseOnOverLongLine()
    {
        try (LineClient client = fixture.acmeSource())
        {
            client.send("{\"type\":\"visit\",\"id\":\"x\",\"lead\":\"L\",\"page\":\"" + "p".repeat(MAX_LINE_BYTES) + "\"}");
            assertAnswered(client, "line_too_long", null, true);
        }
        assertBystanderServed();
    }

    @Test
    void shouldCloseOnGarbageBytes()
    {
        try (LineClient client = fixture.acmeSource())
        {
            client.sendRaw(new byte[]{0, (byte)0xFF, (byte)0xFE, 7, '\n'});
            assertAnswered(client, "malformed_json", null, true);
        }
        assertBystanderServed();
    }

    @Test
    void shouldCloseOnLineCutOffByEndOfInput()
    {
        try (LineClient client = fixture.acmeSource())
        {
            client.sendRaw("{\"type\":\"visit\",\"id\":\"x\"".getBytes(StandardCharsets.UTF_8));
            client.shutdownOutput();
            assertAnswered(client, "truncated_frame", null, true);
        }
        assertBystanderServed();
    }

    private static void assertAnswered(
        final LineClient client, final String code, final String field, final boolean closes)
    {
        final Map<String, Object> error = client.read();
        assertEquals("error", error.get("type"), error.toString());
        assertEquals(code, error.get("code"), error.toString());
        if (null != field)
        {
            assertEquals(field, error.get("field"), error.toString());
        }
        if (closes)
        {
            assertTrue(client.isClosedByServer(), "closed after " + code);
        }
        else
        {
            client.send("{\"type\":\"visit\",\"id\":\"after-" + code + "\",\"lead\":\"L\",\"page\":\"/\"}");
            assertEquals("ack", client.read().get("type"), "still open after " + code);
        }
    }

    private void assertBystanderServed()
    {
        final String id = "bystander-" + bystanderEvents++;
        bystander.send("{\"type\":\"visit\",\"id\":\"" + id + "\",\"lead\":\"L\",\"page\":\"/\"}");
        final Map<String, Object> ack = bystander.read();
        assertEquals("ack", ack.get("type"));
        assertEquals(id, ack.get("id"));
    }
}
