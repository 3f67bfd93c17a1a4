package io.firstcall.gateway.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.firstcall.codec.AlertEncoder;
import io.firstcall.codec.AlertWithdrawnEncoder;
import io.firstcall.codec.AssignmentEncoder;
import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.ClaimRejectedEncoder;
import io.firstcall.codec.DecisionKind;
import io.firstcall.codec.DecisionRecordEncoder;
import io.firstcall.codec.EscalationEncoder;
import io.firstcall.codec.EscalationLevel;
import io.firstcall.codec.LeadConvertedEncoder;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.codec.TaskChannel;
import io.firstcall.codec.TaskDueEncoder;
import io.firstcall.codec.Visibility;
import io.firstcall.event.Utf8;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

class JsonOutputEncoderTest
{
    /** 2026-11-26T10:15:30.123456789Z */
    private static final long TIME_NS = 1_795_688_130_123_456_789L;
    private static final String TIME = "2026-11-26T10:15:30.123Z";
    private static final String TEXT_254 = "€".repeat(84) + "ß";

    private final JsonOutputEncoder encoder = new JsonOutputEncoder();
    private final UnsafeBuffer src = new UnsafeBuffer(new byte[128 * 1024]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();

    @Test
    void shouldEncodeAlert()
    {
        new AlertEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(42).timeNs(TIME_NS).claimDeadlineNs(TIME_NS + 30_000_000_000L).configVersion(3)
            .score(91).firmographicScore(40).behaviouralScore(51).visibility(Visibility.ROLE).episode(2).employees(120)
            .tenant("acme").lead("L1").rep("R1").reasons("visited pricing; \"trial\" milestone")
            .name("Zoë").email("zoe@example.com").phone("+44").company(TEXT_254)
            .industry("saas").region("emea").product("crm").team("west")
            .activity("[{\"type\":\"form\",\"detail\":\"demo_request\",\"atMs\":1}]");

        final Map<String, Object> json = encode();
        assertEquals("alert", json.get("type"));
        assertEquals(42L, json.get("seq"));
        assertEquals(TIME, json.get("at"));
        assertEquals("2026-11-26T10:16:00.123Z", json.get("claimDeadline"));
        assertEquals(3L, json.get("configVersion"));
        assertEquals(91L, json.get("score"));
        assertEquals(40L, json.get("firmographicScore"));
        assertEquals(51L, json.get("behaviouralScore"));
        assertEquals("role", json.get("visibility"));
        assertEquals(2L, json.get("episode"));
        assertEquals("acme", json.get("tenant"));
        assertEquals("L1", json.get("lead"));
        assertEquals("R1", json.get("rep"));
        assertEquals("visited pricing; \"trial\" milestone", json.get("reasons"));
        assertEquals("Zoë", json.get("name"));
        assertEquals("zoe@example.com", json.get("email"));
        assertEquals("+44", json.get("phone"));
        assertEquals(TEXT_254, json.get("company"));
        assertEquals(120L, json.get("employees"));
        assertEquals("saas", json.get("industry"));
        assertEquals("emea", json.get("region"));
        assertEquals("crm", json.get("product"));
        assertEquals("west", json.get("team"));
        assertEquals("[{\"type\":\"form\",\"detail\":\"demo_request\",\"atMs\":1}]", json.get("activity"));
        assertEquals(24, json.size());
    }

    @Test
    void shouldEncodeWithdrawn()
    {
        new AlertWithdrawnEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(43).timeNs(TIME_NS).episode(5).tenant("acme").lead("L1").rep("R1").claimedBy("R2");

        final Map<String, Object> json = encode();
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
    void shouldEncodeAssignmentWithEveryReason()
    {
        final String[] names = { "existing_owner", "territory", "round_robin", "claim", "escalation" };
        final AssignmentReason[] reasons = { AssignmentReason.EXISTING_OWNER, AssignmentReason.TERRITORY,
            AssignmentReason.ROUND_ROBIN, AssignmentReason.CLAIM, AssignmentReason.ESCALATION };
        for (int i = 0; i < reasons.length; i++)
        {
            new AssignmentEncoder().wrapAndApplyHeader(src, 0, header)
                .inputSeq(44).timeNs(TIME_NS).reason(reasons[i]).episode(1).tenant("acme").lead("L1").rep("R1");

            final Map<String, Object> json = encode();
            assertEquals("assigned", json.get("type"));
            assertEquals(44L, json.get("seq"));
            assertEquals(TIME, json.get("at"));
            assertEquals(names[i], json.get("reason"));
            assertEquals(1L, json.get("episode"));
            assertEquals("acme", json.get("tenant"));
            assertEquals("L1", json.get("lead"));
            assertEquals("R1", json.get("rep"));
            assertEquals(8, json.size());
        }
    }

    @Test
    void shouldEncodeClaimRejected()
    {
        new ClaimRejectedEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(45).timeNs(TIME_NS).episode(7).tenant("acme").lead("L1").rep("R3").owner("R2")
            .reason("already claimed");

        final Map<String, Object> json = encode();
        assertEquals("claim_rejected", json.get("type"));
        assertEquals(45L, json.get("seq"));
        assertEquals(TIME, json.get("at"));
        assertEquals(7L, json.get("episode"));
        assertEquals("acme", json.get("tenant"));
        assertEquals("L1", json.get("lead"));
        assertEquals("R3", json.get("rep"));
        assertEquals("R2", json.get("owner"));
        assertEquals("already claimed", json.get("reason"));
        assertEquals(9, json.size());
    }

    @Test
    void shouldEncodeEscalation()
    {
        new EscalationEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(46).timeNs(TIME_NS).deadlineNs(0).level(EscalationLevel.MANAGER_QUEUE).episode(3)
            .tenant("acme").lead("L1").fromRep("R1").to("managers");

        final Map<String, Object> json = encode();
        assertEquals("escalation", json.get("type"));
        assertEquals(46L, json.get("seq"));
        assertEquals(TIME, json.get("at"));
        assertTrue(json.containsKey("deadline"));
        assertNull(json.get("deadline"), "the manager queue has no deadline");
        assertEquals("manager_queue", json.get("level"));
        assertEquals(3L, json.get("episode"));
        assertEquals("acme", json.get("tenant"));
        assertEquals("L1", json.get("lead"));
        assertEquals("R1", json.get("fromRep"));
        assertEquals("managers", json.get("to"));
        assertEquals(10, json.size());
    }

    @Test
    void shouldEncodeTask()
    {
        new TaskDueEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(47).timeNs(TIME_NS).dueNs(TIME_NS + 86_400_000_000_000L).step((short)200)
            .channel(TaskChannel.VOICEMAIL).tenant("acme").lead("L1").rep("R1").description("leave a message\n");

        final Map<String, Object> json = encode();
        assertEquals("task", json.get("type"));
        assertEquals(47L, json.get("seq"));
        assertEquals(TIME, json.get("at"));
        assertEquals("2026-11-27T10:15:30.123Z", json.get("due"));
        assertEquals(200L, json.get("step"));
        assertEquals("voicemail", json.get("channel"));
        assertEquals("acme", json.get("tenant"));
        assertEquals("L1", json.get("lead"));
        assertEquals("R1", json.get("rep"));
        assertEquals("leave a message\n", json.get("description"));
        assertEquals(10, json.size());
    }

    @Test
    void shouldEncodeDecisionWithLargeDetail()
    {
        final String detail = "{\"rule\":\"hot\",\"why\":\"" + "✓".repeat(20_000) + "\"}";
        new DecisionRecordEncoder().wrapAndApplyHeader(src, 0, header)
            .inputSeq(48).timeNs(TIME_NS).configVersion(9).kind(DecisionKind.CONFIG_REJECTED)
            .tenant("acme").lead("").detail(detail);

        final Map<String, Object> json = encode();
        assertEquals("decision", json.get("type"));
        assertEquals(48L, json.get("seq"));
        assertEquals(TIME, json.get("at"));
        assertEquals(9L, json.get("configVersion"));
        assertEquals("config_rejected", json.get("kind"));
        assertEquals("acme", json.get("tenant"));
        assertEquals("", json.get("lead"));
        assertEquals(detail, json.get("detail"));
        assertEquals(8, json.size());
    }

    @Test
    void shouldRefuseInputMessages()
    {
        new LeadConvertedEncoder().wrapAndApplyHeader(src, 0, header).tenant("acme").eventId("e").lead("L");
        assertEquals(JsonOutputEncoder.NOT_AN_OUTPUT, encoder.encode(src, 0));
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
        assertEquals(1L, client.get("protocol"));
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

    private Map<String, Object> encode()
    {
        return parse(encoder.encode(src, 0));
    }

    /**
     * Parse the line back with Jackson into a flat map: the output has no nested values.
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
