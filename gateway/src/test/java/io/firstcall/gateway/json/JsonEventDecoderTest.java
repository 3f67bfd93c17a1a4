package io.firstcall.gateway.json;

import io.firstcall.codec.CallActivityDecoder;
import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.EmailSentDecoder;
import io.firstcall.codec.FormSubmittedDecoder;
import io.firstcall.codec.LeadConvertedDecoder;
import io.firstcall.codec.LeadUpsertDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.OpportunityCreatedDecoder;
import io.firstcall.codec.PageVisitedDecoder;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.QualificationDecoder;
import io.firstcall.codec.QualificationResult;
import io.firstcall.codec.RepPresenceDecoder;
import io.firstcall.codec.ScoreUpdatedDecoder;
import io.firstcall.codec.SmsSentDecoder;
import io.firstcall.codec.TrialMilestoneDecoder;
import io.firstcall.event.InputFault;
import io.firstcall.event.InputValidator;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonEventDecoderTest
{
    static final byte[] TENANT = "acme".getBytes(StandardCharsets.UTF_8);
    static final long RECEIVE_NS = 1_795_691_730_987_654_321L;
    static final long RECEIVE_MS = 1_795_691_730_987L;
    /** 2026-11-26T10:15:30.123Z */
    static final long AT_MS = 1_795_688_130_123L;

    private final JsonEventDecoder decoder = new JsonEventDecoder();
    private final UnsafeBuffer dst = new UnsafeBuffer(new byte[JsonEventDecoder.MAX_ENCODED_LENGTH + 16]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    @Test
    void shouldDecodeLeadWithEveryField()
    {
        final int length = decode("{\"type\":\"lead\",\"id\":\"e-1\",\"at\":\"2026-11-26T10:15:30.123Z\"," +
            "\"lead\":\"L1\",\"email\":\"zoë@example.com\",\"phone\":\"+44 20\",\"name\":\"Zoë Ünïcödé\"," +
            "\"company\":\"Acme \\\"Ltd\\\"\",\"industry\":\"saas\",\"region\":\"emea\",\"employees\":250," +
            "\"product\":\"pro\",\"source\":\"web\",\"owner\":\"rep-7\",\"timezone\":\"Europe/London\"}");

        final LeadUpsertDecoder d = new LeadUpsertDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(AT_MS, d.eventTimeMs());
        assertEquals(RECEIVE_NS, d.receiveTimeNs());
        assertEquals(250, d.employees());
        assertEquals("acme", d.tenant());
        assertEquals("e-1", d.eventId());
        assertEquals("L1", d.lead());
        assertEquals("zoë@example.com", d.email());
        assertEquals("+44 20", d.phone());
        assertEquals("Zoë Ünïcödé", d.name());
        assertEquals("Acme \"Ltd\"", d.company());
        assertEquals("saas", d.industry());
        assertEquals("emea", d.region());
        assertEquals("pro", d.product());
        assertEquals("web", d.source());
        assertEquals("rep-7", d.owner());
        assertEquals("Europe/London", d.timezone());
        assertEquals(length, MessageHeaderDecoder.ENCODED_LENGTH + d.encodedLength());
    }

    @Test
    void shouldWriteAbsentOptionalFieldsAsEmptyAndNullEmployees()
    {
        decode("{\"lead\":\"L1\",\"id\":\"e-1\",\"type\":\"lead\",\"email\":null}");

        final LeadUpsertDecoder d = new LeadUpsertDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(RECEIVE_MS, d.eventTimeMs());
        assertEquals(LeadUpsertDecoder.employeesNullValue(), d.employees());
        assertEquals("acme", d.tenant());
        assertEquals("e-1", d.eventId());
        assertEquals("L1", d.lead());
        assertEquals("", d.email());
        assertEquals("", d.phone());
        assertEquals("", d.name());
        assertEquals("", d.company());
        assertEquals("", d.industry());
        assertEquals("", d.region());
        assertEquals("", d.product());
        assertEquals("", d.source());
        assertEquals("", d.owner());
        assertEquals("", d.timezone());
    }

    @Test
    void shouldDecodeFormWithInlineLeadFields()
    {
        decode("{\"type\":\"form\",\"id\":\"f-1\",\"at\":1795688130123,\"lead\":\"L2\",\"form\":\"demo-request\"," +
            "\"email\":\"a@b.c\",\"phone\":\"1\",\"name\":\"N\",\"company\":\"C\",\"industry\":\"I\",\"region\":\"R\"," +
            "\"employees\":0,\"product\":\"P\",\"source\":\"S\",\"owner\":\"O\",\"timezone\":\"UTC\"}");

        final FormSubmittedDecoder d = new FormSubmittedDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(AT_MS, d.eventTimeMs());
        assertEquals(RECEIVE_NS, d.receiveTimeNs());
        assertEquals(0, d.employees());
        assertEquals("acme", d.tenant());
        assertEquals("f-1", d.eventId());
        assertEquals("L2", d.lead());
        assertEquals("demo-request", d.form());
        assertEquals("a@b.c", d.email());
        assertEquals("1", d.phone());
        assertEquals("N", d.name());
        assertEquals("C", d.company());
        assertEquals("I", d.industry());
        assertEquals("R", d.region());
        assertEquals("P", d.product());
        assertEquals("S", d.source());
        assertEquals("O", d.owner());
        assertEquals("UTC", d.timezone());
    }

    @Test
    void shouldDecodeFormWithoutLeadFields()
    {
        decode("{\"type\":\"form\",\"id\":\"f-2\",\"lead\":\"L2\",\"form\":\"\"}");

        final FormSubmittedDecoder d = new FormSubmittedDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(FormSubmittedDecoder.employeesNullValue(), d.employees());
        assertEquals("acme", d.tenant());
        assertEquals("f-2", d.eventId());
        assertEquals("L2", d.lead());
        assertEquals("", d.form());
        assertEquals("", d.email());
    }

    @Test
    void shouldDecodeVisit()
    {
        decode("{\"type\":\"visit\",\"id\":\"v-1\",\"lead\":\"L3\",\"page\":\"/pricing?plan=pro\"}");

        final PageVisitedDecoder d = new PageVisitedDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(RECEIVE_MS, d.eventTimeMs());
        assertEquals(RECEIVE_NS, d.receiveTimeNs());
        assertEquals("acme", d.tenant());
        assertEquals("v-1", d.eventId());
        assertEquals("L3", d.lead());
        assertEquals("/pricing?plan=pro", d.page());
    }

    @Test
    void shouldDecodeTrial()
    {
        decode("{\"type\":\"trial\",\"id\":\"t-1\",\"lead\":\"L4\",\"milestone\":\"invited_team\"}");

        final TrialMilestoneDecoder d = new TrialMilestoneDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(RECEIVE_MS, d.eventTimeMs());
        assertEquals("acme", d.tenant());
        assertEquals("t-1", d.eventId());
        assertEquals("L4", d.lead());
        assertEquals("invited_team", d.milestone());
    }

    @Test
    void shouldDecodeScore()
    {
        decode("{\"type\":\"score\",\"id\":\"s-1\",\"lead\":\"L5\",\"score\":-17}");

        final ScoreUpdatedDecoder d = new ScoreUpdatedDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(RECEIVE_MS, d.eventTimeMs());
        assertEquals(-17, d.score());
        assertEquals("acme", d.tenant());
        assertEquals("s-1", d.eventId());
        assertEquals("L5", d.lead());
    }

    @ParameterizedTest
    @CsvSource({ "available,AVAILABLE", "busy,BUSY", "offline,OFFLINE" })
    void shouldDecodePresence(final String status, final PresenceStatus expected)
    {
        decode("{\"type\":\"presence\",\"id\":\"p-1\",\"rep\":\"R1\",\"status\":\"" + status + "\"}");

        final RepPresenceDecoder d = new RepPresenceDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(RECEIVE_MS, d.eventTimeMs());
        assertEquals(expected, d.status());
        assertEquals("acme", d.tenant());
        assertEquals("p-1", d.eventId());
        assertEquals("R1", d.rep());
    }

    @ParameterizedTest
    @CsvSource({ "started,STARTED", "connected,CONNECTED", "no_answer,NO_ANSWER", "voicemail,VOICEMAIL" })
    void shouldDecodeCall(final String outcome, final CallOutcome expected)
    {
        decode("{\"type\":\"call\",\"id\":\"c-1\",\"lead\":\"L6\",\"rep\":\"R1\",\"outcome\":\"" + outcome + "\"}");

        final CallActivityDecoder d = new CallActivityDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(RECEIVE_MS, d.eventTimeMs());
        assertEquals(expected, d.outcome());
        assertEquals("acme", d.tenant());
        assertEquals("c-1", d.eventId());
        assertEquals("L6", d.lead());
        assertEquals("R1", d.rep());
    }

    @Test
    void shouldDecodeEmailAndSms()
    {
        decode("{\"type\":\"email\",\"id\":\"m-1\",\"lead\":\"L7\",\"rep\":\"R2\"}");
        final EmailSentDecoder email = new EmailSentDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(RECEIVE_MS, email.eventTimeMs());
        assertEquals(RECEIVE_NS, email.receiveTimeNs());
        assertEquals("acme", email.tenant());
        assertEquals("m-1", email.eventId());
        assertEquals("L7", email.lead());
        assertEquals("R2", email.rep());

        decode("{\"type\":\"sms\",\"id\":\"m-2\",\"lead\":\"L8\",\"rep\":\"R3\"}");
        final SmsSentDecoder sms = new SmsSentDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(RECEIVE_MS, sms.eventTimeMs());
        assertEquals(RECEIVE_NS, sms.receiveTimeNs());
        assertEquals("acme", sms.tenant());
        assertEquals("m-2", sms.eventId());
        assertEquals("L8", sms.lead());
        assertEquals("R3", sms.rep());
    }

    @ParameterizedTest
    @CsvSource({ "qualified,QUALIFIED", "disqualified,DISQUALIFIED" })
    void shouldDecodeQualify(final String result, final QualificationResult expected)
    {
        decode("{\"type\":\"qualify\",\"id\":\"q-1\",\"lead\":\"L9\",\"rep\":\"R4\",\"result\":\"" + result +
            "\",\"reason\":\"budget ✓\"}");

        final QualificationDecoder d = new QualificationDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(RECEIVE_MS, d.eventTimeMs());
        assertEquals(expected, d.result());
        assertEquals("acme", d.tenant());
        assertEquals("q-1", d.eventId());
        assertEquals("L9", d.lead());
        assertEquals("R4", d.rep());
        assertEquals("budget ✓", d.reason());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1234.5|123450", "1234.50|123450", "0.01|1", "19.99|1999", "7|700", "0|0", "1.5e3|150000",
        "2E-2|2", "1.2300000000000000000000|123", "92233720368547758.07|9223372036854775807" })
    void shouldDecodeOpportunityAmountExactly(final String amount, final long cents)
    {
        decode("{\"type\":\"opportunity\",\"id\":\"o-1\",\"lead\":\"L10\",\"rep\":\"R5\",\"amount\":" + amount + "}");

        final OpportunityCreatedDecoder d = new OpportunityCreatedDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(RECEIVE_MS, d.eventTimeMs());
        assertEquals(cents, d.amountCents());
        assertEquals("acme", d.tenant());
        assertEquals("o-1", d.eventId());
        assertEquals("L10", d.lead());
        assertEquals("R5", d.rep());
    }

    @Test
    void shouldDecodeConverted()
    {
        decode("{\"type\":\"converted\",\"id\":\"x-1\",\"lead\":\"L11\",\"at\":\"2026-11-26T10:15:30Z\"}");

        final LeadConvertedDecoder d = new LeadConvertedDecoder().wrapAndApplyHeader(dst, 0, header);
        assertEquals(AT_MS - 123, d.eventTimeMs());
        assertEquals(RECEIVE_NS, d.receiveTimeNs());
        assertEquals("acme", d.tenant());
        assertEquals("x-1", d.eventId());
        assertEquals("L11", d.lead());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"2026-11-26T10:15:30Z\"|1795688130000",
        "\"2026-11-26T10:15:30.123Z\"|1795688130123",
        "\"2026-11-26T10:15:30.1Z\"|1795688130100",
        "\"2026-11-26T10:15:30.123456789Z\"|1795688130123",
        "\"2026-11-26T12:15:30+02:00\"|1795688130000",
        "\"2026-11-26T05:15:30.123-05:00\"|1795688130123",
        "\"2024-02-29T00:00:00Z\"|1709164800000",
        "\"1970-01-01T00:00:00.000Z\"|0",
        "1795688130123|1795688130123" })
    void shouldTakeEventTimeFromAt(final String at, final long expectedMs)
    {
        decode("{\"type\":\"converted\",\"id\":\"x\",\"lead\":\"L\",\"at\":" + at + "}");

        assertEquals(expectedMs, new LeadConvertedDecoder().wrapAndApplyHeader(dst, 0, header).eventTimeMs());
    }

    @Test
    void shouldDefaultEventTimeToReceiveTime()
    {
        decode("{\"type\":\"converted\",\"id\":\"x\",\"lead\":\"L\"}");
        assertEquals(RECEIVE_MS, new LeadConvertedDecoder().wrapAndApplyHeader(dst, 0, header).eventTimeMs());

        decode("{\"type\":\"converted\",\"id\":\"x\",\"lead\":\"L\",\"at\":null}");
        assertEquals(RECEIVE_MS, new LeadConvertedDecoder().wrapAndApplyHeader(dst, 0, header).eventTimeMs());
    }

    @Test
    void shouldDecodeFromOffsetInLargerArrayAndDirectBuffer()
    {
        final byte[] json = "{\"type\":\"visit\",\"id\":\"v\",\"lead\":\"L\",\"page\":\"/\"}"
            .getBytes(StandardCharsets.UTF_8);
        final byte[] padded = new byte[json.length + 20];
        System.arraycopy(json, 0, padded, 7, json.length);
        padded[6] = '}';
        padded[7 + json.length] = '{';

        assertTrue(decoder.decode(padded, 7, json.length, TENANT, RECEIVE_NS, dst, 0) > 0);
        assertVisit(0, "v", "L", "/");

        final UnsafeBuffer offHeap = new UnsafeBuffer(ByteBuffer.allocateDirect(padded.length));
        offHeap.putBytes(0, padded);
        assertTrue(decoder.decode(offHeap, 7, json.length, TENANT, RECEIVE_NS, dst, 8) > 0);
        assertVisit(8, "v", "L", "/");

        final UnsafeBuffer onHeap = new UnsafeBuffer(padded, 3, padded.length - 3);
        assertTrue(decoder.decode(onHeap, 4, json.length, TENANT, RECEIVE_NS, dst, 0) > 0);
        assertVisit(0, "v", "L", "/");
    }

    @Test
    void shouldDecodeManyLinesWithOneDecoder()
    {
        for (int i = 0; i < 1000; i++)
        {
            decode("{\"type\":\"score\",\"id\":\"s-" + i + "\",\"lead\":\"L\",\"score\":" + i + "}");
            final ScoreUpdatedDecoder d = new ScoreUpdatedDecoder().wrapAndApplyHeader(dst, 0, header);
            assertEquals(i, d.score());
            assertEquals("acme", d.tenant());
            assertEquals("s-" + i, d.eventId());
        }
    }

    @Test
    void shouldDecodeHello()
    {
        final Hello hello = decodeHello("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"s3cret\"}");
        assertEquals("acme", hello.tenant());
        assertEquals("s3cret", hello.token());
        assertNull(hello.rep());
        assertNull(hello.repBytes());

        final Hello rep = decodeHello("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"t\",\"role\":\"rep\"," +
            "\"rep\":\"R1\"}");
        assertTrue(rep.isRep());
        assertEquals("R1", rep.rep());
        assertEquals("R1", new String(rep.repBytes(), StandardCharsets.UTF_8));
        assertEquals("acme", new String(rep.tenantBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void shouldAcceptEventsAfterARejectedLine()
    {
        assertEquals(JsonEventDecoder.ERROR, decodeRaw("{\"type\":\"visit\",\"id\":\"v\",\"lead\":"));
        assertEquals(JsonEventDecoder.ERROR, decodeRaw("{\"type\":\"visit\",\"bogus\":1}"));
        decode("{\"type\":\"visit\",\"id\":\"v\",\"lead\":\"L\",\"page\":\"/\"}");
        assertNull(decoder.errorCode());
        assertVisit(0, "v", "L", "/");
    }

    /**
     * A line saved by an editor that writes a byte order mark is the same line with or without it, on
     * every line of a connection: Jackson skips one only at the start of its parser's input, which the
     * decoder reuses from line to line.
     */
    @Test
    void shouldIgnoreAByteOrderMarkAtTheStartOfAnyLine()
    {
        final String bom = "\uFEFF";
        assertEquals("acme", decodeHello(bom + "{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"t\"}").tenant());
        decode(bom + "{\"type\":\"visit\",\"id\":\"v1\",\"lead\":\"L\",\"page\":\"/\"}");
        decode("{\"type\":\"visit\",\"id\":\"v2\",\"lead\":\"L\",\"page\":\"/\"}");
        decode(bom + "{\"type\":\"visit\",\"id\":\"v3\",\"lead\":\"L\",\"page\":\"/\"}");
        assertVisit(0, "v3", "L", "/");
        assertEquals(JsonEventDecoder.ERROR, decodeRaw(bom + bom + "{\"type\":\"visit\",\"id\":\"v4\",\"lead\":\"L\",\"page\":\"/\"}"));
        assertEquals(JsonErrorCode.MALFORMED_JSON, decoder.errorCode());
        assertEquals(JsonEventDecoder.ERROR, decodeRaw("{\"type\":\"visit\",\"id\":\"v5\",\"lead\":\"L\",\"page\":\"/\"}" + bom));
        assertEquals(JsonErrorCode.MALFORMED_JSON, decoder.errorCode());
    }

    private void assertVisit(final int offset, final String id, final String lead, final String page)
    {
        final PageVisitedDecoder d = new PageVisitedDecoder().wrapAndApplyHeader(dst, offset, header);
        assertEquals("acme", d.tenant());
        assertEquals(id, d.eventId());
        assertEquals(lead, d.lead());
        assertEquals(page, d.page());
    }

    /**
     * The JSON path never produces a message the engine's validator would refuse, so an acknowledged
     * JSON event is never recorded as INPUT_INVALID: every type, with fields empty and at their bounds.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"type\":\"lead\",\"id\":\"@ID\",\"lead\":\"@ID\",\"email\":\"@T\",\"phone\":\"@T\",\"name\":\"@T\",\"company\":\"@T\",\"industry\":\"@T\",\"region\":\"@T\",\"employees\":1,\"product\":\"@T\",\"source\":\"@T\",\"owner\":\"@T\",\"timezone\":\"@T\"}",
        "{\"type\":\"lead\",\"id\":\"i\",\"lead\":\"L\"}",
        "{\"type\":\"form\",\"id\":\"@ID\",\"lead\":\"@ID\",\"form\":\"@T\",\"email\":\"@T\",\"owner\":\"@T\"}",
        "{\"type\":\"form\",\"id\":\"i\",\"lead\":\"L\",\"form\":\"\"}",
        "{\"type\":\"visit\",\"id\":\"@ID\",\"lead\":\"@ID\",\"page\":\"@T\"}",
        "{\"type\":\"trial\",\"id\":\"i\",\"lead\":\"L\",\"milestone\":\"@T\"}",
        "{\"type\":\"score\",\"id\":\"i\",\"lead\":\"L\",\"score\":-5}",
        "{\"type\":\"presence\",\"id\":\"i\",\"rep\":\"@ID\",\"status\":\"offline\"}",
        "{\"type\":\"call\",\"id\":\"i\",\"lead\":\"L\",\"rep\":\"r\",\"outcome\":\"voicemail\"}",
        "{\"type\":\"email\",\"id\":\"i\",\"lead\":\"L\",\"rep\":\"r\"}",
        "{\"type\":\"sms\",\"id\":\"i\",\"lead\":\"L\",\"rep\":\"r\"}",
        "{\"type\":\"qualify\",\"id\":\"i\",\"lead\":\"L\",\"rep\":\"r\",\"result\":\"disqualified\",\"reason\":\"@T\"}",
        "{\"type\":\"opportunity\",\"id\":\"i\",\"lead\":\"L\",\"rep\":\"r\",\"amount\":0.5}",
        "{\"type\":\"converted\",\"id\":\"i\",\"lead\":\"L\"}"})
    void shouldOnlyEverEncodeMessagesTheValidatorAccepts(final String template)
    {
        final String line = template.replace("@ID", "\uD83D\uDE00".repeat(16)).replace("@T", "€".repeat(84) + "ß");
        final int length = decode(line);
        final InputValidator validator = new InputValidator();
        assertEquals(InputFault.NONE, validator.validate(dst, 0, length), validator.message());
    }

    private int decode(final String json)
    {
        final int length = decodeRaw(json);
        assertTrue(length > 0, () -> decoder.errorCode() + " " + decoder.errorMessage());
        assertNull(decoder.errorCode());
        return length;
    }

    private int decodeRaw(final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(bytes, 0, bytes.length, TENANT, RECEIVE_NS, dst, 0);
    }

    private Hello decodeHello(final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        final Hello hello = decoder.decodeHello(bytes, 0, bytes.length);
        assertTrue(null != hello, () -> decoder.errorCode() + " " + decoder.errorMessage());
        return hello;
    }
}
