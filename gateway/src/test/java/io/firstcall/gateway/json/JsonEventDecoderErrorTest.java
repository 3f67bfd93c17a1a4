package io.firstcall.gateway.json;

import io.firstcall.codec.CallActivityDecoder;
import io.firstcall.codec.LeadUpsertDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.OpportunityCreatedDecoder;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.RepPresenceDecoder;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonEventDecoderErrorTest
{
    private static final byte[] TENANT = "acme".getBytes(StandardCharsets.UTF_8);
    private static final String ID_64 = "\uD83D\uDE00".repeat(16);
    private static final String TEXT_254 = "€".repeat(84) + "ß";

    private final JsonEventDecoder decoder = new JsonEventDecoder();
    private final UnsafeBuffer dst = new UnsafeBuffer(new byte[JsonEventDecoder.MAX_ENCODED_LENGTH]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "{\"type\":\"visit\",\"id\":\"v\"",
        "{\"type\":\"visit\",\"id\":",
        "{\"type\":\"visit\",\"id\":\"v",
        "{\"type\":\"score\",\"id\":\"s\",\"lead\":\"L\",\"score\":12",
        "{\"type\":\"visit\",\"x\":[1,2,{\"a\":",
        "[]",
        "[{\"type\":\"visit\"}]",
        "42",
        "\"visit\"",
        "null",
        "{\"type\":\"converted\",\"id\":\"x\",\"lead\":\"L\"} {\"type\":\"converted\"}",
        "{\"type\":\"converted\",\"id\":\"x\",\"lead\":\"L\"}x",
        "{\"type\":\"converted\",\"id\":\"x\",\"lead\":\"L\"} 1",
        "{\"type\":\"converted\",\"id\":\"x\",\"lead\":\"L\"} t",
        "{\"type\":\"converted\",\"id\":\"x\",\"lead\":\"L\"}}",
        "{\"type\":\"converted\",\"id\":\"x\",\"lead\":\"L\",}",
        "{type:\"converted\"}",
        "{\"type\":\"converted\",\"id\":'x'}",
        "{\"type\":\"converted\",\"id\":\"a\nb\",\"lead\":\"L\"}" })
    void shouldRejectMalformedJson(final String line)
    {
        assertError(line, JsonErrorCode.MALFORMED_JSON, null);
        assertValidLineStillDecodes();
    }

    @Test
    void shouldRejectInvalidUtf8AsMalformed()
    {
        final byte[] line = "{\"type\":\"converted\",\"id\":\"x\",\"lead\":\"L?\"}".getBytes(StandardCharsets.UTF_8);
        line[line.length - 4] = (byte)0xC3; // a two-byte lead followed by '"', not a continuation byte
        assertEquals(JsonEventDecoder.ERROR, decoder.decode(line, 0, line.length, TENANT, 0, dst, 0));
        assertEquals(JsonErrorCode.MALFORMED_JSON, decoder.errorCode());
        assertValidLineStillDecodes();
    }

    /**
     * Jackson decodes these into characters without complaint; the protocol says bad UTF-8 is malformed.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "C0 AF|overlong '/'",
        "C1 BF|overlong DEL",
        "E0 80 AF|overlong '/' in three bytes",
        "F0 80 80 AF|overlong '/' in four bytes",
        "ED A0 80|a high surrogate half",
        "ED BF BF|a low surrogate half",
        "ED A0 BD ED B8 80|a surrogate pair encoded as two halves (CESU-8)",
        "F4 90 80 80|above U+10FFFF",
        "F5 80 80 80|a lead byte beyond U+10FFFF",
        "E2 82|a three-byte sequence cut short",
        "F0 9F 98|a four-byte sequence cut short",
        "80|a stray continuation byte",
        "FE|a byte that is never UTF-8"})
    void shouldRejectEveryInvalidUtf8SequenceAsMalformed(final String hex, final String what)
    {
        for (final String template : new String[] {
            "{\"type\":\"visit\",\"id\":\"v-1\",\"lead\":\"L1\",\"page\":\"/p@\"}",
            "{\"type\":\"visit\",\"id\":\"v@\",\"lead\":\"L1\",\"page\":\"/p\"}",
            "{\"type\":\"visit\",\"id\":\"v-1\",\"lead\":\"L1\",\"page\":\"/p\",\"x@\":1}",
            "{\"type\":\"visit\",\"id\":\"v-1\",\"lead\":\"L1\",\"page\":\"/p\"}@"})
        {
            final byte[] line = withBytes(template, hex);
            assertEquals(JsonEventDecoder.ERROR, decoder.decode(line, 0, line.length, TENANT, 0, dst, 0), what);
            assertEquals(JsonErrorCode.MALFORMED_JSON, decoder.errorCode(), what + " in " + template);
            assertNull(decoder.errorField());
            assertEquals(0, decoder.idLength(), "no id is repeated from a line that is not UTF-8");
            assertValidLineStillDecodes();
        }

        final byte[] hello = withBytes("{\"type\":\"hello\",\"tenant\":\"acme@\",\"token\":\"t\"}", hex);
        assertNull(decoder.decodeHello(hello, 0, hello.length));
        assertEquals(JsonErrorCode.MALFORMED_JSON, decoder.errorCode(), what + " in a hello");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"id\":\"e\",\"lead\":\"L\"}|MISSING_FIELD|type",
        "{\"type\":null,\"id\":\"e\",\"lead\":\"L\"}|MISSING_FIELD|type",
        "{\"type\":7,\"id\":\"e\",\"lead\":\"L\"}|INVALID_FIELD|type",
        "{\"type\":\"teleport\",\"id\":\"e\",\"lead\":\"L\"}|UNKNOWN_TYPE|type",
        "{\"type\":\"Lead\",\"id\":\"e\",\"lead\":\"L\"}|UNKNOWN_TYPE|type",
        "{\"type\":\"lead\",\"lead\":\"L\"}|MISSING_FIELD|id",
        "{\"type\":\"lead\",\"id\":\"e\"}|MISSING_FIELD|lead",
        "{\"type\":\"lead\",\"id\":\"e\",\"lead\":null}|MISSING_FIELD|lead",
        "{\"type\":\"form\",\"id\":\"e\",\"lead\":\"L\"}|MISSING_FIELD|form",
        "{\"type\":\"visit\",\"id\":\"e\",\"lead\":\"L\"}|MISSING_FIELD|page",
        "{\"type\":\"trial\",\"id\":\"e\",\"lead\":\"L\"}|MISSING_FIELD|milestone",
        "{\"type\":\"score\",\"id\":\"e\",\"lead\":\"L\"}|MISSING_FIELD|score",
        "{\"type\":\"presence\",\"id\":\"e\",\"rep\":\"R\"}|MISSING_FIELD|status",
        "{\"type\":\"presence\",\"id\":\"e\",\"status\":\"busy\"}|MISSING_FIELD|rep",
        "{\"type\":\"call\",\"id\":\"e\",\"lead\":\"L\",\"rep\":\"R\"}|MISSING_FIELD|outcome",
        "{\"type\":\"email\",\"id\":\"e\",\"lead\":\"L\"}|MISSING_FIELD|rep",
        "{\"type\":\"sms\",\"id\":\"e\",\"rep\":\"R\"}|MISSING_FIELD|lead",
        "{\"type\":\"qualify\",\"id\":\"e\",\"lead\":\"L\",\"rep\":\"R\"}|MISSING_FIELD|result",
        "{\"type\":\"opportunity\",\"id\":\"e\",\"lead\":\"L\",\"rep\":\"R\"}|MISSING_FIELD|amount",
        "{\"type\":\"converted\",\"id\":\"e\"}|MISSING_FIELD|lead",
        "{\"type\":\"lead\",\"id\":\"e\",\"lead\":\"L\",\"colour\":\"red\"}|UNKNOWN_FIELD|colour",
        "{\"type\":\"lead\",\"id\":\"e\",\"lead\":\"L\",\"nested\":{\"a\":[1,{}]}}|UNKNOWN_FIELD|nested",
        "{\"type\":\"visit\",\"id\":\"e\",\"lead\":\"L\",\"page\":\"/\",\"email\":\"a@b\"}|UNKNOWN_FIELD|email",
        "{\"type\":\"visit\",\"id\":\"e\",\"lead\":\"L\",\"page\":\"/\",\"rep\":null}|UNKNOWN_FIELD|rep",
        "{\"type\":\"hello\",\"tenant\":\"t\",\"token\":\"s\"}|FORBIDDEN_TYPE|type",
        "{\"type\":\"lead\",\"id\":\"\",\"lead\":\"L\"}|INVALID_FIELD|id",
        "{\"type\":\"lead\",\"id\":\"e\",\"lead\":\"\"}|INVALID_FIELD|lead",
        "{\"type\":\"lead\",\"id\":\"e\",\"lead\":42}|INVALID_FIELD|lead",
        "{\"type\":\"lead\",\"id\":\"e\",\"lead\":\"L\",\"email\":[\"a\"]}|INVALID_FIELD|email",
        "{\"type\":\"lead\",\"id\":\"e\",\"lead\":\"L\",\"email\":true}|INVALID_FIELD|email",
        "{\"type\":\"lead\",\"id\":\"e\",\"lead\":\"L\",\"lead\":\"M\"}|INVALID_FIELD|lead",
        "{\"type\":\"lead\",\"id\":\"e\",\"lead\":\"L\",\"employees\":-1}|INVALID_FIELD|employees",
        "{\"type\":\"lead\",\"id\":\"e\",\"lead\":\"L\",\"employees\":2.5}|INVALID_FIELD|employees",
        "{\"type\":\"lead\",\"id\":\"e\",\"lead\":\"L\",\"employees\":\"10\"}|INVALID_FIELD|employees",
        "{\"type\":\"lead\",\"id\":\"e\",\"lead\":\"L\",\"employees\":2147483648}|INVALID_FIELD|employees",
        "{\"type\":\"score\",\"id\":\"e\",\"lead\":\"L\",\"score\":1e2}|INVALID_FIELD|score",
        "{\"type\":\"score\",\"id\":\"e\",\"lead\":\"L\",\"score\":99999999999999999999}|INVALID_FIELD|score",
        "{\"type\":\"presence\",\"id\":\"e\",\"rep\":\"R\",\"status\":\"away\"}|INVALID_FIELD|status",
        "{\"type\":\"call\",\"id\":\"e\",\"lead\":\"L\",\"rep\":\"R\",\"outcome\":\"NO_ANSWER\"}|INVALID_FIELD|outcome",
        "{\"type\":\"qualify\",\"id\":\"e\",\"lead\":\"L\",\"rep\":\"R\",\"result\":1}|INVALID_FIELD|result",
        "{\"type\":\"opportunity\",\"id\":\"e\",\"lead\":\"L\",\"rep\":\"R\",\"amount\":-5}|INVALID_FIELD|amount",
        "{\"type\":\"opportunity\",\"id\":\"e\",\"lead\":\"L\",\"rep\":\"R\",\"amount\":0.125}|INVALID_FIELD|amount",
        "{\"type\":\"opportunity\",\"id\":\"e\",\"lead\":\"L\",\"rep\":\"R\",\"amount\":\"10\"}|INVALID_FIELD|amount",
        "{\"type\":\"opportunity\",\"id\":\"e\",\"lead\":\"L\",\"rep\":\"R\",\"amount\":1e300}|INVALID_FIELD|amount",
        "{\"type\":\"converted\",\"id\":\"e\",\"lead\":\"L\",\"at\":\"2026-11-26 10:15:30Z\"}|INVALID_FIELD|at",
        "{\"type\":\"converted\",\"id\":\"e\",\"lead\":\"L\",\"at\":\"2026-11-26T10:15:30+1:00\"}|INVALID_FIELD|at",
        "{\"type\":\"converted\",\"id\":\"e\",\"lead\":\"L\",\"at\":\"2026-02-29T10:15:30Z\"}|INVALID_FIELD|at",
        "{\"type\":\"converted\",\"id\":\"e\",\"lead\":\"L\",\"at\":\"2026-11-26T24:00:00Z\"}|INVALID_FIELD|at",
        "{\"type\":\"converted\",\"id\":\"e\",\"lead\":\"L\",\"at\":\"2026-11-26T10:15:30.Z\"}|INVALID_FIELD|at",
        "{\"type\":\"converted\",\"id\":\"e\",\"lead\":\"L\",\"at\":-1}|INVALID_FIELD|at",
        "{\"type\":\"converted\",\"id\":\"e\",\"lead\":\"L\",\"at\":1.5}|INVALID_FIELD|at",
        "{\"type\":\"converted\",\"id\":\"e\",\"lead\":\"L\",\"at\":true}|INVALID_FIELD|at",
        "{\"type\":\"converted\",\"id\":\"e\",\"lead\":\"\\ud800x\"}|INVALID_FIELD|lead" })
    void shouldNameTheFieldAtFault(final String line, final JsonErrorCode code, final String field)
    {
        assertError(line, code, field);
        assertValidLineStillDecodes();
    }

    /**
     * Valid JSON past Jackson's default read limits (1000 digits, 1000 levels, 50,000-character names) is
     * still one JSON object: a bad field, answered with the connection kept open, not malformed_json.
     */
    @Test
    void shouldJudgeValidJsonPastJacksonsDefaultLimitsByItsFields()
    {
        final String digits = "1" + "0".repeat(1500);
        assertError("{\"type\":\"score\",\"id\":\"s\",\"lead\":\"L\",\"score\":" + digits + "}",
            JsonErrorCode.INVALID_FIELD, "score");
        assertError("{\"type\":\"opportunity\",\"id\":\"o\",\"lead\":\"L\",\"rep\":\"r\",\"amount\":" + digits + ".5}",
            JsonErrorCode.INVALID_FIELD, "amount");
        assertError("{\"type\":\"converted\",\"id\":\"c\",\"lead\":\"L\",\"at\":" + digits + "}",
            JsonErrorCode.INVALID_FIELD, "at");
        assertError("{\"type\":\"converted\",\"id\":\"c\",\"lead\":\"L\",\"x\":" + "[".repeat(3000) + "]".repeat(3000) + "}",
            JsonErrorCode.UNKNOWN_FIELD, "x");
        assertError("{\"type\":\"converted\",\"id\":\"c\",\"lead\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}",
            JsonErrorCode.INVALID_FIELD, "lead");
        final String name = "n".repeat(50_001);
        assertError("{\"type\":\"converted\",\"id\":\"c\",\"lead\":\"L\",\"" + name + "\":1}", JsonErrorCode.UNKNOWN_FIELD, name);
        assertValidLineStillDecodes();
    }

    @Test
    void shouldReportTheClientIdWhenItWasRead()
    {
        assertError("{\"lead\":\"L\",\"colour\":\"red\",\"type\":\"lead\",\"id\":\"e-42\"}",
            JsonErrorCode.UNKNOWN_FIELD, "colour");
        assertEquals("e-42", decoder.idAsString());
        assertEquals(4, decoder.idLength());
        assertEquals("e-42", new String(decoder.idBuffer(), decoder.idOffset(), 4, StandardCharsets.UTF_8));
        assertTrue(decoder.errorMessage().toString().startsWith("colour: "), decoder.errorMessage().toString());

        assertError("{\"type\":\"lead\",\"id\":\"" + "x".repeat(65) + "\",\"lead\":\"L\"}",
            JsonErrorCode.FIELD_TOO_LONG, "id");
        assertNoIdRead();
    }

    @Test
    void shouldReportTheFirstFieldErrorInDocumentOrder()
    {
        assertError("{\"type\":\"lead\",\"id\":\"e\",\"lead\":\"L\",\"employees\":-3,\"bogus\":1,\"email\":7}",
            JsonErrorCode.INVALID_FIELD, "employees");
        assertError("{\"type\":\"lead\",\"id\":\"e\",\"bogus\":1,\"lead\":\"L\",\"employees\":-3}",
            JsonErrorCode.UNKNOWN_FIELD, "bogus");
        assertError("{\"id\":\"e\",\"bogus\":1,\"type\":\"teleport\"}", JsonErrorCode.UNKNOWN_TYPE, "type");
    }

    @Test
    void shouldAcceptTextAtItsBoundInMultiByteUtf8()
    {
        assertEquals(64, ID_64.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(254, TEXT_254.getBytes(StandardCharsets.UTF_8).length);

        final int length = decode("{\"type\":\"lead\",\"id\":\"" + ID_64 + "\",\"lead\":\"" + ID_64 + "\",\"name\":\"" +
            TEXT_254 + "\",\"company\":\"\"}");
        assertTrue(length > 0, () -> decoder.errorMessage().toString());

        final LeadUpsertDecoder d = new LeadUpsertDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals("acme", d.tenant());
        assertEquals(ID_64, d.eventId());
        assertEquals(ID_64, d.lead());
        assertEquals("", d.email());
        assertEquals("", d.phone());
        assertEquals(TEXT_254, d.name());
        assertEquals("", d.company());
    }

    @Test
    void shouldAcceptEscapedCharactersCountingTheirUtf8Bytes()
    {
        // \u20ac is 3 bytes and a surrogate pair 4: 84 of one plus ß make exactly 254 bytes.
        final String escaped = "\\u20ac".repeat(84) + "\\u00df";
        decode("{\"type\":\"visit\",\"id\":\"\\ud83d\\ude00\",\"lead\":\"L\",\"page\":\"" + escaped + "\"}");
        assertError("{\"type\":\"visit\",\"id\":\"v\",\"lead\":\"L\",\"page\":\"" + escaped + "x\"}",
            JsonErrorCode.FIELD_TOO_LONG, "page");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "id|65|{\"type\":\"lead\",\"lead\":\"L\",\"id\":\"%s\"}",
        "lead|65|{\"type\":\"lead\",\"id\":\"e\",\"lead\":\"%s\"}",
        "rep|65|{\"type\":\"sms\",\"id\":\"e\",\"lead\":\"L\",\"rep\":\"%s\"}",
        "name|255|{\"type\":\"lead\",\"id\":\"e\",\"lead\":\"L\",\"name\":\"%s\"}",
        "timezone|255|{\"type\":\"form\",\"id\":\"e\",\"lead\":\"L\",\"form\":\"f\",\"timezone\":\"%s\"}",
        "reason|255|{\"type\":\"qualify\",\"id\":\"e\",\"lead\":\"L\",\"rep\":\"R\",\"result\":\"qualified\",\"reason\":\"%s\"}",
        "page|255|{\"type\":\"visit\",\"id\":\"e\",\"lead\":\"L\",\"page\":\"%s\"}" })
    void shouldRejectTextOverItsBoundByOneByte(final String field, final int bytes, final String template)
    {
        // Multi-byte text one byte over the bound: two-byte chars, then one or two ASCII.
        final String text = "é".repeat((bytes - 1) / 2) + "x".repeat(bytes - 2 * ((bytes - 1) / 2));
        assertEquals(bytes, text.getBytes(StandardCharsets.UTF_8).length);
        assertError(String.format(template, text), JsonErrorCode.FIELD_TOO_LONG, field);

        final String atBound = text.substring(0, text.length() - 1);
        assertEquals(bytes - 1, atBound.getBytes(StandardCharsets.UTF_8).length);
        decode(String.format(template, atBound));
    }

    @Test
    void shouldRejectFourByteCharacterCrossingTheBound()
    {
        // 63 bytes of ASCII and one 4-byte character: 67 bytes, but only 65 chars.
        assertError("{\"type\":\"converted\",\"id\":\"e\",\"lead\":\"" + "x".repeat(63) + "\uD83D\uDE00\"}",
            JsonErrorCode.FIELD_TOO_LONG, "lead");
    }

    @Test
    void shouldDefaultRepOnRepConnection()
    {
        decoder.connectionRep("R1".getBytes(StandardCharsets.UTF_8));

        decode("{\"type\":\"call\",\"id\":\"c\",\"lead\":\"L\",\"outcome\":\"started\"}");
        final CallActivityDecoder call = new CallActivityDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals("acme", call.tenant());
        assertEquals("c", call.eventId());
        assertEquals("L", call.lead());
        assertEquals("R1", call.rep());

        decode("{\"type\":\"opportunity\",\"id\":\"o\",\"lead\":\"L\",\"rep\":\"R1\",\"amount\":10}");
        final OpportunityCreatedDecoder opportunity = new OpportunityCreatedDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(1000L, opportunity.amountCents());
        assertEquals("acme", opportunity.tenant());
        assertEquals("o", opportunity.eventId());
        assertEquals("L", opportunity.lead());
        assertEquals("R1", opportunity.rep());

        decode("{\"type\":\"email\",\"id\":\"m\",\"lead\":\"L\",\"rep\":null}");
        decode("{\"type\":\"sms\",\"id\":\"s\",\"lead\":\"L\"}");
        decode("{\"type\":\"qualify\",\"id\":\"q\",\"lead\":\"L\",\"result\":\"qualified\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = { "\"call\",\"outcome\":\"started\"", "\"email\"", "\"sms\"",
        "\"qualify\",\"result\":\"qualified\"", "\"opportunity\",\"amount\":1" })
    void shouldRejectAnotherRepOnRepConnection(final String typeAndFields)
    {
        decoder.connectionRep("R1".getBytes(StandardCharsets.UTF_8));
        assertError("{\"type\":" + typeAndFields + ",\"id\":\"c\",\"lead\":\"L\",\"rep\":\"R2\"}",
            JsonErrorCode.FORBIDDEN_REP, "rep");
        assertEquals("c", decoder.idAsString());
        assertError("{\"type\":" + typeAndFields + ",\"id\":\"c\",\"lead\":\"L\",\"rep\":\"R1x\"}",
            JsonErrorCode.FORBIDDEN_REP, "rep");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"lead\",\"id\":\"e\",\"lead\":\"L\"}",
        "{\"type\":\"form\",\"id\":\"e\",\"lead\":\"L\",\"form\":\"f\"}",
        "{\"type\":\"visit\",\"id\":\"e\",\"lead\":\"L\",\"page\":\"/\"}",
        "{\"type\":\"trial\",\"id\":\"e\",\"lead\":\"L\",\"milestone\":\"m\"}",
        "{\"type\":\"score\",\"id\":\"e\",\"lead\":\"L\",\"score\":1}",
        "{\"type\":\"converted\",\"id\":\"e\",\"lead\":\"L\"}" })
    void shouldRejectOtherTypesOnRepConnection(final String line)
    {
        decoder.connectionRep("R1".getBytes(StandardCharsets.UTF_8));
        assertError(line, JsonErrorCode.FORBIDDEN_TYPE, "type");
        assertEquals("e", decoder.idAsString());

        decoder.connectionRep(null);
        decode(line);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"visit\",\"id\":\"e\",\"lead\":\"L\",\"page\":\"/\"}|FORBIDDEN_TYPE|type",
        "{\"type\":\"hello\",\"token\":\"s\"}|MISSING_FIELD|tenant",
        "{\"type\":\"hello\",\"tenant\":\"t\"}|MISSING_FIELD|token",
        "{\"type\":\"hello\",\"tenant\":\"\",\"token\":\"s\"}|INVALID_FIELD|tenant",
        "{\"type\":\"hello\",\"tenant\":\"123456789012345678901234567890123\",\"token\":\"s\"}|FIELD_TOO_LONG|tenant",
        "{\"type\":\"hello\",\"tenant\":\"t\",\"token\":\"s\",\"role\":\"admin\"}|INVALID_FIELD|role",
        "{\"type\":\"hello\",\"tenant\":\"t\",\"token\":\"s\",\"role\":\"rep\"}|MISSING_FIELD|rep",
        "{\"type\":\"hello\",\"tenant\":\"t\",\"token\":\"s\",\"rep\":\"R\"}|INVALID_FIELD|rep",
        "{\"type\":\"hello\",\"tenant\":\"t\",\"token\":\"s\",\"at\":0}|UNKNOWN_FIELD|at",
        "{\"type\":\"hello\",\"tenant\":\"t\"|MALFORMED_JSON|" })
    void shouldRejectBadHello(final String line, final JsonErrorCode code, final String field)
    {
        final byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertNull(decoder.decodeHello(bytes, 0, bytes.length));
        assertEquals(code, decoder.errorCode());
        assertEquals(field, decoder.errorField());
    }

    @Test
    void shouldNotAllocatePerEventOnceWarm()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        final byte[][] lines = {
            bytes("{\"type\":\"lead\",\"id\":\"e-1\",\"at\":\"2026-11-26T10:15:30.123Z\",\"lead\":\"L1\"," +
                "\"email\":\"zoë@example.com\",\"name\":\"" + TEXT_254 + "\",\"employees\":250}"),
            bytes("{\"type\":\"opportunity\",\"id\":\"o\",\"lead\":\"L\",\"rep\":\"R\",\"amount\":1234.56}"),
            bytes("{\"type\":\"call\",\"id\":\"c\",\"lead\":\"L\",\"rep\":\"R\",\"outcome\":\"no_answer\",\"at\":17}") };

        for (int i = 0; i < 20_000; i++)
        {
            final byte[] line = lines[i % lines.length];
            decoder.decode(line, 0, line.length, TENANT, i, dst, 0);
        }

        final int events = 30_000;
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < events; i++)
        {
            final byte[] line = lines[i % lines.length];
            if (decoder.decode(line, 0, line.length, TENANT, i, dst, 0) <= 0)
            {
                throw new AssertionError(decoder.errorMessage().toString());
            }
        }
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        // A little slack for the measurement itself; one object per event would be >= 480 KB.
        assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes for " + events + " events");
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldLetARepReportOnlyTheirOwnPresence()
    {
        decoder.connectionRep("R1".getBytes(StandardCharsets.UTF_8));

        decode("{\"type\":\"presence\",\"id\":\"p\",\"status\":\"available\"}");
        final RepPresenceDecoder presence = new RepPresenceDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(PresenceStatus.AVAILABLE, presence.status());
        assertEquals("acme", presence.tenant());
        assertEquals("p", presence.eventId());
        assertEquals("R1", presence.rep(), "a rep's presence is their own");

        assertError("{\"type\":\"presence\",\"id\":\"p\",\"rep\":\"R2\",\"status\":\"offline\"}",
            JsonErrorCode.FORBIDDEN_REP, "rep");
    }

    private int decode(final String line)
    {
        final byte[] bytes = bytes(line);
        final int length = decoder.decode(bytes, 0, bytes.length, TENANT, 0, dst, 0);
        assertTrue(length > 0, () -> decoder.errorCode() + " " + decoder.errorMessage());
        return length;
    }

    private void assertError(final String line, final JsonErrorCode code, final String field)
    {
        final byte[] bytes = bytes(line);
        assertEquals(JsonEventDecoder.ERROR, decoder.decode(bytes, 0, bytes.length, TENANT, 0, dst, 0), line);
        assertEquals(code, decoder.errorCode(), () -> line + " -> " + decoder.errorMessage());
        assertEquals(field, decoder.errorField(), line);
        assertTrue(decoder.errorMessage().length() > 0);
    }

    private void assertNoIdRead()
    {
        assertEquals(0, decoder.idLength());
        assertNull(decoder.idAsString());
    }

    /**
     * @return the template's UTF-8 bytes with its '@' replaced by the hex bytes.
     */
    private static byte[] withBytes(final String template, final String hex)
    {
        final String[] parts = hex.split(" ");
        final byte[] bytes = template.getBytes(StandardCharsets.UTF_8);
        final int at = template.indexOf('@');
        final byte[] line = new byte[bytes.length - 1 + parts.length];
        System.arraycopy(bytes, 0, line, 0, at);
        for (int i = 0; i < parts.length; i++)
        {
            line[at + i] = (byte)Integer.parseInt(parts[i], 16);
        }
        System.arraycopy(bytes, at + 1, line, at + parts.length, bytes.length - at - 1);
        return line;
    }

    private void assertValidLineStillDecodes()
    {
        decode("{\"type\":\"converted\",\"id\":\"ok\",\"lead\":\"L\"}");
        assertNull(decoder.errorCode());
    }
}
