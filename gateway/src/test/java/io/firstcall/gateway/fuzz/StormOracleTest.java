package io.firstcall.gateway.fuzz;

import io.firstcall.codec.CallActivityDecoder;
import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.ConfigChangeDecoder;
import io.firstcall.codec.EmailSentDecoder;
import io.firstcall.codec.FormSubmittedDecoder;
import io.firstcall.codec.LeadConvertedDecoder;
import io.firstcall.codec.LeadUpsertDecoder;
import io.firstcall.codec.OpportunityCreatedDecoder;
import io.firstcall.codec.PageVisitedDecoder;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.QualificationDecoder;
import io.firstcall.codec.QualificationResult;
import io.firstcall.codec.RepPresenceDecoder;
import io.firstcall.codec.ScoreUpdatedDecoder;
import io.firstcall.codec.SmsSentDecoder;
import io.firstcall.codec.TimerTickDecoder;
import io.firstcall.codec.TrialMilestoneDecoder;
import io.firstcall.event.InputFault;
import io.firstcall.event.InputSamples;
import io.firstcall.gateway.TenantAccess;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The storm's oracle, held against what it was written apart from: its layout against the generated
 * codecs, its SBE verdicts against the project's broken samples, its JSON verdicts against a few lines
 * of docs/protocol.md. A storm is only as good as its oracle.
 */
class StormOracleTest
{
    private static final byte[] ACME = "acme".getBytes(StandardCharsets.UTF_8);

    private final SbeOracle sbe = new SbeOracle();
    private final JsonOracle json = new JsonOracle(Map.of("acme", new TenantAccess("acme", "s", "r")));

    @Test
    void shouldDescribeTheInputsAsTheGeneratedCodecsDo()
    {
        final int[] blockLengths = {0, LeadUpsertDecoder.BLOCK_LENGTH, FormSubmittedDecoder.BLOCK_LENGTH,
            PageVisitedDecoder.BLOCK_LENGTH, TrialMilestoneDecoder.BLOCK_LENGTH, ScoreUpdatedDecoder.BLOCK_LENGTH,
            RepPresenceDecoder.BLOCK_LENGTH, CallActivityDecoder.BLOCK_LENGTH, EmailSentDecoder.BLOCK_LENGTH,
            SmsSentDecoder.BLOCK_LENGTH, QualificationDecoder.BLOCK_LENGTH, OpportunityCreatedDecoder.BLOCK_LENGTH,
            LeadConvertedDecoder.BLOCK_LENGTH, ConfigChangeDecoder.BLOCK_LENGTH, TimerTickDecoder.BLOCK_LENGTH};
        for (final int template : InputSamples.TEMPLATES)
        {
            final InputLayout.Template layout = InputLayout.template(template);
            assertEquals(blockLengths[template], layout.blockLength(), "template " + template);
            final List<String> names = new ArrayList<>();
            layout.texts().forEach((text) -> names.add(text.name()));
            assertEquals(InputSamples.dataFields(template), names, "template " + template);
        }
        assertEnum(6, "status", RepPresenceDecoder.statusEncodingOffset(), PresenceStatus.values().length - 1);
        assertEnum(7, "outcome", CallActivityDecoder.outcomeEncodingOffset(), CallOutcome.values().length - 1);
        assertEnum(10, "result", QualificationDecoder.resultEncodingOffset(), QualificationResult.values().length - 1);
        assertEquals(ScoreUpdatedDecoder.scoreEncodingOffset(), InputLayout.template(5).fixedField("score").offset());
        assertEquals(OpportunityCreatedDecoder.amountCentsEncodingOffset(),
            InputLayout.template(11).fixedField("amountCents").offset());
        assertEquals(LeadUpsertDecoder.SCHEMA_VERSION, InputLayout.SCHEMA_VERSION);
        assertEquals(LeadUpsertDecoder.SCHEMA_ID, InputLayout.SCHEMA_ID);
    }

    @Test
    void shouldJudgeEveryFullSampleValidAndTheEngineTemplatesForbidden()
    {
        for (final int template : InputSamples.TEMPLATES)
        {
            final byte[] message = InputSamples.full(template, "acme", "full-" + template, "L1");
            final Expected verdict = sbe.judge(message, ACME);
            if (template < InputLayout.CONFIG)
            {
                assertNull(verdict, "template " + template);
                assertEquals("full-" + template, new String(sbe.accepted().eventId(), StandardCharsets.UTF_8));
            }
            else
            {
                assertEquals(Map.of("forbidden_type", Set.of("templateId")), verdict.codes());
            }
        }
    }

    @Test
    void shouldJudgeEveryBrokenSampleAsTheProtocolDocumentSays()
    {
        for (final InputSamples.Broken sample : InputSamples.broken("acme", "b-"))
        {
            final Expected verdict = sbe.judge(sample.message(), ACME);
            final String field = null == sample.field() ? Expected.NO_FIELD : sample.field();
            assertEquals(Map.of(code(sample.fault()), Set.of(field)), verdict.codes(), sample.what());
            assertEquals(InputFault.MALFORMED == sample.fault(), verdict.closes(), sample.what());
        }
    }

    @Test
    void shouldWriteTheSameSbeAsTheGatewayForAValidLine()
    {
        final Event event = new Event("form").put("id", "f-1").put("lead", "L1").put("form", "demo_request")
            .put("name", "Ann Ärger").put("employees", 50L).put("at", "2026-11-26T10:15:30.123456Z");
        final byte[] line = event.json(new SplittableRandom(1)).getBytes(StandardCharsets.UTF_8);
        assertNull(json.judgeEvent(line, "acme", null, 7_000_000L));
        assertTrue(Arrays.equals(event.sbe("acme", 1_795_688_130_123L, 7_000_000L), json.accepted()));
    }

    @Test
    void shouldAllowEachFaultOfALineAndOnlyThose()
    {
        assertEquals(Map.of("missing_field", Set.of("lead")),
            judge("{\"type\":\"visit\",\"id\":\"v\",\"page\":\"/\"}").codes());
        assertEquals(Map.of("invalid_field", Set.of("score"), "unknown_field", Set.of("tenant")),
            judge("{\"type\":\"score\",\"id\":\"s\",\"lead\":\"L\",\"score\":\"high\",\"tenant\":\"x\"}").codes());
        assertEquals(Map.of("field_too_long", Set.of("lead")),
            judge("{\"type\":\"visit\",\"id\":\"v\",\"lead\":\"" + "L".repeat(65) + "\",\"page\":\"/\"}").codes());
        assertTrue(judge("{\"type\":\"visit\",\"id\":\"e-107\",").closes());
        assertEquals("e-107", judge("{\"type\":\"visit\",\"id\":\"e-107\",").id());
        assertNull(judge("\uFEFF{\"type\":\"converted\",\"id\":\"c\",\"lead\":\"L\"}"));
    }

    private Expected judge(final String line)
    {
        return json.judgeEvent(line.getBytes(StandardCharsets.UTF_8), "acme", null, 0);
    }

    private static void assertEnum(final int template, final String name, final int offset, final int values)
    {
        final InputLayout.Fixed field = InputLayout.template(template).fixedField(name);
        assertEquals(offset, field.offset(), name);
        assertEquals(values, field.enumValues(), name);
    }

    /**
     * docs/protocol.md §6: the code each validator fault is answered with.
     */
    private static String code(final InputFault fault)
    {
        switch (fault)
        {
            case MALFORMED:
                return "malformed_frame";
            case TRUNCATED:
                return "truncated_message";
            case TRAILING_BYTES:
                return "trailing_bytes";
            case UNSUPPORTED_VERSION:
                return "unsupported_version";
            case TOO_SHORT:
                return "missing_field";
            case TOO_LONG:
                return "field_too_long";
            default:
                return "invalid_field";
        }
    }
}
