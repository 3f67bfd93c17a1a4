package io.firstcall.event;

import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.FormSubmittedDecoder;
import io.firstcall.codec.LeadUpsertDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.QualificationResult;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static io.firstcall.event.InputSamples.ascii;
import static io.firstcall.event.InputSamples.full;
import static io.firstcall.event.InputSamples.withByte;
import static io.firstcall.event.InputSamples.withInt;
import static io.firstcall.event.InputSamples.withShort;
import static io.firstcall.event.InputSamples.withText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputValidatorTest
{
    private final InputValidator validator = new InputValidator();

    @Test
    void shouldAcceptEveryWholeInput()
    {
        for (final int templateId : InputSamples.TEMPLATES)
        {
            assertValid(full(templateId));
        }

        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096]));
        final byte[] sparse = Arrays.copyOf(writer.buffer().byteArray(),
            writer.lead("t", "e", "L", null, null, null, null, null, -1, null, null));
        assertValid(sparse);
        assertValid(Arrays.copyOf(writer.buffer().byteArray(), writer.config("acme", "", "tenant: acme\n")));
        assertValid(Arrays.copyOf(writer.buffer().byteArray(), writer.tick()));
        assertValid(withText(full(2), "form", ""));
    }

    @Test
    void shouldRefuseEveryInputTruncatedAtEveryByte()
    {
        for (final int templateId : InputSamples.TEMPLATES)
        {
            final byte[] message = full(templateId);
            final List<String> fields = InputSamples.dataFields(templateId);
            final int[] ends = InputSamples.dataFieldEnds(message);
            for (int length = 0; length < message.length; length++)
            {
                final InputFault fault = validator.validate(new UnsafeBuffer(message), 0, length);
                final String where = "template " + templateId + " cut to " + length + " of " + message.length;
                if (length < ends[1])
                {
                    assertEquals(InputFault.MALFORMED, fault, where);
                    continue;
                }
                int field = 2;
                while (ends[field] <= length)
                {
                    field++;
                }
                assertEquals(InputFault.TRUNCATED, fault, where);
                assertEquals(fields.get(field), validator.field(), where);
                assertEquals(fields.get(field) + ": the message ends inside this field", validator.message(), where);
            }
        }
    }

    @Test
    void shouldRefuseEveryBrokenSampleForItsOwnFault()
    {
        final List<InputSamples.Broken> broken = InputSamples.broken("acme", "b-");
        assertTrue(broken.size() > 800, Integer.toString(broken.size()));
        for (final InputSamples.Broken sample : broken)
        {
            assertEquals(sample.fault(), validator.validate(new UnsafeBuffer(sample.message()), 0, sample.message().length),
                sample.what());
            assertEquals(sample.field(), validator.field(), sample.what());
        }
    }

    @Test
    void shouldNameTheEnvelopeFieldAMalformedMessageLacks()
    {
        final byte[] visit = full(3);
        assertFault(Arrays.copyOf(visit, 7), InputFault.MALFORMED, "messageHeader");
        assertFault(withShort(visit, 4, 8), InputFault.MALFORMED, "schemaId");
        for (final int template : new int[] {0, 15, 101, 65535})
        {
            assertFault(withShort(visit, 2, template), InputFault.MALFORMED, "templateId");
        }
        assertFault(withShort(visit, 0, 15), InputFault.MALFORMED, "blockLength");
        assertFault(Arrays.copyOf(visit, 8 + 16), InputFault.MALFORMED, "tenant");
        assertFault(Arrays.copyOf(visit, InputSamples.dataFieldOffset(visit, "eventId") + 2), InputFault.MALFORMED, "eventId");
    }

    @Test
    void shouldAgreeWithTheEnvelopeOnWhatIsReadable()
    {
        final InputEnvelope envelope = new InputEnvelope();
        final Random random = new Random(7);
        for (int i = 0; i < 50_000; i++)
        {
            final byte[] message = full(InputSamples.TEMPLATES[random.nextInt(InputSamples.TEMPLATES.length)]);
            final int mutations = random.nextInt(4);
            for (int m = 0; m < mutations; m++)
            {
                message[random.nextInt(Math.min(message.length, 48))] = (byte)random.nextInt(256);
            }
            final int length = random.nextInt(message.length + 1);
            final UnsafeBuffer buffer = new UnsafeBuffer(message);
            final boolean readable = InputFault.MALFORMED != validator.validate(buffer, 0, length);
            assertEquals(envelope.wrap(buffer, 0, length), readable, Arrays.toString(Arrays.copyOf(message, length)));
            if (readable)
            {
                assertEquals(envelope.tenantOffset(), validator.tenantOffset());
                assertEquals(envelope.tenantLength(), validator.tenantLength());
                assertEquals(envelope.eventIdOffset(), validator.eventIdOffset());
                assertEquals(envelope.eventIdLength(), validator.eventIdLength());
                assertEquals(envelope.templateId(), validator.templateId());
            }
        }
    }

    @Test
    void shouldRefuseEveryEnumValueItsEnumDoesNotDefine()
    {
        int refused = 0;
        for (final int templateId : InputSamples.TEMPLATES)
        {
            final byte[] message = full(templateId);
            for (final String field : InputSamples.enumFields(templateId))
            {
                final int offset = InputSamples.enumFieldOffset(message, field);
                for (int value = 0; value < 256; value++)
                {
                    final byte[] changed = withByte(message, offset, value);
                    if (InputSamples.isValidEnumValue(templateId, field, value))
                    {
                        assertValid(changed);
                    }
                    else
                    {
                        assertFault(changed, InputFault.INVALID_VALUE, field);
                        refused++;
                    }
                }
            }
        }
        assertEquals(3 * 256 - 3 - 4 - 2, refused, "status, outcome and result refused outside their values");
    }

    @Test
    void shouldRefuseANegativeHeadCountButTakeNoneZeroAndMore()
    {
        for (final int templateId : new int[]{ LeadUpsertDecoder.TEMPLATE_ID, FormSubmittedDecoder.TEMPLATE_ID })
        {
            // employees follows eventTimeMs and receiveTimeNs in the fixed block, which follows the 8-byte header.
            final int offset = MessageHeaderDecoder.ENCODED_LENGTH + 16;
            assertFault(withInt(full(templateId), offset, -1), InputFault.INVALID_VALUE, "employees");
            assertFault(withInt(full(templateId), offset, -42_000), InputFault.INVALID_VALUE, "employees");
            assertValid(withInt(full(templateId), offset, Integer.MIN_VALUE));
            assertValid(withInt(full(templateId), offset, 0));
            assertValid(withInt(full(templateId), offset, Integer.MAX_VALUE));
        }
    }

    @Test
    void shouldRefuseInvalidUtf8InEveryTextField()
    {
        for (final int templateId : InputSamples.TEMPLATES)
        {
            for (final String field : InputSamples.dataFields(templateId))
            {
                if (InputTypes.TICK == templateId || "document".equals(field))
                {
                    continue;
                }
                for (final byte[] bad : InputSamples.INVALID_UTF8)
                {
                    assertFault(withText(full(templateId), field, bad), InputFault.INVALID_UTF8, field);
                }
            }
        }
    }

    @Test
    void shouldRefuseTextOutsideItsBounds()
    {
        final byte[] form = full(2);
        assertValid(withText(form, "tenant", ascii('t', 32)));
        assertFault(withText(form, "tenant", ascii('t', 33)), InputFault.TOO_LONG, "tenant");
        assertFault(withText(form, "tenant", ""), InputFault.TOO_SHORT, "tenant");
        assertValid(withText(form, "eventId", ascii('e', 64)));
        assertFault(withText(form, "eventId", ascii('e', 65)), InputFault.TOO_LONG, "eventId");
        assertFault(withText(form, "eventId", ""), InputFault.TOO_SHORT, "eventId");
        assertFault(withText(form, "lead", ascii('l', 65)), InputFault.TOO_LONG, "lead");
        assertFault(withText(form, "lead", ""), InputFault.TOO_SHORT, "lead");
        assertValid(withText(form, "email", ascii('m', 254)));
        assertFault(withText(form, "email", ascii('m', 255)), InputFault.TOO_LONG, "email");
        assertFault(withText(full(7), "rep", ""), InputFault.TOO_SHORT, "rep");
        assertFault(withText(full(14), "tenant", "acme"), InputFault.TOO_LONG, "tenant");
        assertFault(withText(full(14), "eventId", "t-1"), InputFault.TOO_LONG, "eventId");
        assertEquals("lead: must be at most 64 UTF-8 bytes",
            message(withText(form, "lead", ascii('l', 65))));
        assertEquals("lead: is required", message(withText(form, "lead", "")));
    }

    @Test
    void shouldRefuseBytesAfterTheLastField()
    {
        for (final int templateId : InputSamples.TEMPLATES)
        {
            final byte[] message = full(templateId);
            assertFault(Arrays.copyOf(message, message.length + 1), InputFault.TRAILING_BYTES, null);
        }
    }

    @Test
    void shouldRefuseANewerVersionAndAShortBlockButTakeOlderVersionsAndLongerBlocks()
    {
        final byte[] score = full(5);
        assertFault(withShort(score, 6, MessageHeaderDecoder.SCHEMA_VERSION + 1), InputFault.UNSUPPORTED_VERSION, "version");
        assertValid(withShort(score, 6, 0));
        assertValid(withShort(score, 6, 1));
        final byte[] withoutScore = new byte[score.length - 4];
        System.arraycopy(score, 0, withoutScore, 0, 8 + 16);
        System.arraycopy(score, 8 + 20, withoutScore, 8 + 16, score.length - 8 - 20);
        assertFault(withShort(withoutScore, 0, 16), InputFault.BLOCK_TOO_SHORT, "blockLength");
        assertEquals("blockLength: must be at least 20 for ScoreUpdated version 2",
            message(withShort(withoutScore, 0, 16)));

        final byte[] longer = new byte[score.length + 3];
        System.arraycopy(score, 0, longer, 0, 8 + 20);
        System.arraycopy(score, 8 + 20, longer, 8 + 23, score.length - 8 - 20);
        assertValid(withShort(longer, 0, 23));
    }

    @Test
    void shouldValidateAtAnOffsetWithinALargerBuffer()
    {
        final byte[] message = new EventWriterSample().call();
        final byte[] padded = new byte[message.length + 100];
        Arrays.fill(padded, (byte)0xFF);
        System.arraycopy(message, 0, padded, 40, message.length);
        assertEquals(InputFault.NONE, validator.validate(new UnsafeBuffer(padded), 40, message.length));
        assertNotEquals(InputFault.NONE, validator.validate(new UnsafeBuffer(padded), 40, message.length + 1));
    }

    @Test
    void shouldNotAllocateWhileValidating()
    {
        final UnsafeBuffer[] messages = new UnsafeBuffer[InputSamples.TEMPLATES.length * 3];
        for (int i = 0; i < InputSamples.TEMPLATES.length; i++)
        {
            final byte[] message = full(InputSamples.TEMPLATES[i]);
            messages[3 * i] = new UnsafeBuffer(message);
            messages[3 * i + 1] = new UnsafeBuffer(Arrays.copyOf(message, message.length - 1));
            messages[3 * i + 2] = new UnsafeBuffer(withByte(message, 4, 9));
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long faults = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 20_000; i++)
            {
                final UnsafeBuffer message = messages[i % messages.length];
                faults += validator.validate(message, 0, message.capacity()).ordinal();
            }
            if (1 == pass)
            {
                assertEquals(0, threads.getCurrentThreadAllocatedBytes() - before, "bytes allocated by 20,000 validations");
            }
        }
        assertTrue(faults > 0);
    }

    private void assertValid(final byte[] message)
    {
        assertEquals(InputFault.NONE, validator.validate(new UnsafeBuffer(message), 0, message.length), validator.message());
    }

    private void assertFault(final byte[] message, final InputFault fault, final String field)
    {
        assertEquals(fault, validator.validate(new UnsafeBuffer(message), 0, message.length), validator.message());
        assertEquals(field, validator.field());
    }

    private String message(final byte[] message)
    {
        validator.validate(new UnsafeBuffer(message), 0, message.length);
        return validator.message();
    }

    /** One more encoder than {@link InputSamples} uses, so the check is not only against its own samples. */
    private static final class EventWriterSample
    {
        byte[] call()
        {
            final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[512]));
            final int length = writer.call("acme", "c-1", "L1", "r1", CallOutcome.STARTED);
            final byte[] message = Arrays.copyOf(writer.buffer().byteArray(), length);
            writer.presence("acme", "p", "r1", PresenceStatus.BUSY);
            writer.qualify("acme", "q", "L1", "r1", QualificationResult.DISQUALIFIED, "no budget");
            return message;
        }
    }
}
