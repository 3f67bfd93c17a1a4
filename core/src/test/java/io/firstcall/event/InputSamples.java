package io.firstcall.event;

import io.firstcall.codec.CallActivityEncoder;
import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.ConfigChangeEncoder;
import io.firstcall.codec.EmailSentEncoder;
import io.firstcall.codec.FormSubmittedEncoder;
import io.firstcall.codec.LeadConvertedEncoder;
import io.firstcall.codec.LeadUpsertEncoder;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.codec.OpportunityCreatedEncoder;
import io.firstcall.codec.PageVisitedEncoder;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.QualificationEncoder;
import io.firstcall.codec.QualificationResult;
import io.firstcall.codec.RepPresenceEncoder;
import io.firstcall.codec.ScoreUpdatedEncoder;
import io.firstcall.codec.SmsSentEncoder;
import io.firstcall.codec.TimerTickEncoder;
import io.firstcall.codec.TrialMilestoneEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Valid and broken input messages of every template, for the validator, engine and gateway tests.
 * A full message is written with the generated encoders, every text field non-empty (but a tick's);
 * the field layout used to break it comes from {@link InputSchema}, which {@code InputSchemaTest}
 * checks against the generated codecs.
 */
public final class InputSamples
{
    /** Every input template id, LeadUpsert (1) to TimerTick (14). */
    public static final int[] TEMPLATES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
    /** The templates a source may send: all but ConfigChange and TimerTick. */
    public static final int[] CLIENT_TEMPLATES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    /** Invalid UTF-8: overlong '/', a UTF-16 surrogate, above U+10FFFF, cut short, a stray continuation, never a byte. */
    public static final byte[][] INVALID_UTF8 = {
        bytes(0xC0, 0xAF), bytes(0xE0, 0x80, 0xAF), bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF),
        bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes('a', 0xE2, 0x82),
        bytes(0xE2, 0x82, 'a'), bytes(0x80), bytes(0xFF), bytes('o', 'k', 0xC3)
    };

    private InputSamples()
    {
    }

    /**
     * A broken input message and the fault and field it must be refused for.
     */
    public record Broken(byte[] message, InputFault fault, String field, String what)
    {
        public String toString()
        {
            return what;
        }
    }

    /**
     * Broken variants of every client template, each with its own eventId (so none is a duplicate of
     * another) and a readable envelope: cut at every byte after the eventId, every enum field out of
     * range, invalid UTF-8 in every text field after the tenant, overlong and empty ids, trailing
     * bytes, a newer version, a short block.
     *
     * @param idPrefix makes the event ids unique across calls; every id is that prefix and 6 digits.
     */
    public static List<Broken> broken(final String tenant, final String idPrefix)
    {
        final List<Broken> broken = new ArrayList<>();
        for (final int template : CLIENT_TEMPLATES)
        {
            final byte[] sample = full(template, tenant, id(idPrefix, 0), "L-short");
            final List<String> fields = dataFields(template);
            final int[] ends = dataFieldEnds(sample);
            for (int length = ends[1]; length < sample.length; length++)
            {
                int field = 2;
                while (ends[field] <= length)
                {
                    field++;
                }
                broken.add(new Broken(Arrays.copyOf(next(sample, idPrefix, broken), length), InputFault.TRUNCATED,
                    fields.get(field), "template " + template + " cut to " + length + " of " + sample.length));
            }
            for (final String field : enumFields(template))
            {
                for (final int value : new int[] {3 + template, 200, 255})
                {
                    if (!isValidEnumValue(template, field, value))
                    {
                        broken.add(new Broken(withByte(next(sample, idPrefix, broken), enumFieldOffset(sample, field), value),
                            InputFault.INVALID_VALUE, field, "template " + template + " " + field + "=" + value));
                    }
                }
            }
            if (1 == template || 2 == template)
            {
                // employees, a HeadCount: after eventTimeMs and receiveTimeNs, behind the 8-byte header.
                broken.add(new Broken(withInt(next(sample, idPrefix, broken), 8 + 16, -1), InputFault.INVALID_VALUE,
                    "employees", "template " + template + " employees=-1"));
            }
            for (final String field : fields.subList(2, fields.size()))
            {
                for (final byte[] bad : INVALID_UTF8)
                {
                    broken.add(new Broken(withText(next(sample, idPrefix, broken), field, bad), InputFault.INVALID_UTF8, field,
                        "template " + template + " " + field + " not UTF-8"));
                }
            }
            for (final InputSchema.DataField field : template(template).data)
            {
                if ("tenant".equals(field.name) || "eventId".equals(field.name))
                {
                    continue;
                }
                broken.add(new Broken(withText(next(sample, idPrefix, broken), field.name, ascii('x', field.maxBytes + 1)),
                    InputFault.TOO_LONG, field.name, "template " + template + " " + field.name + " too long"));
                if (field.minBytes > 0)
                {
                    broken.add(new Broken(withText(next(sample, idPrefix, broken), field.name, ""), InputFault.TOO_SHORT,
                        field.name, "template " + template + " " + field.name + " empty"));
                }
            }
            final String unique = id(idPrefix, broken.size() + 1);
            broken.add(new Broken(withText(sample, "eventId", unique + "i".repeat(65 - unique.length())),
                InputFault.TOO_LONG, "eventId", "template " + template + " eventId too long"));
            broken.add(new Broken(withText(sample, "eventId", ""), InputFault.TOO_SHORT, "eventId",
                "template " + template + " eventId empty"));
            broken.add(new Broken(Arrays.copyOf(next(sample, idPrefix, broken), sample.length + 1), InputFault.TRAILING_BYTES,
                null, "template " + template + " trailing byte"));
            broken.add(new Broken(withShort(next(sample, idPrefix, broken), 6, InputSchema.INSTANCE.version() + 1),
                InputFault.UNSUPPORTED_VERSION, "version", "template " + template + " newer version"));
        }
        return broken;
    }

    /**
     * @return {@code sample} with the next unique event id of the list.
     */
    private static byte[] next(final byte[] sample, final String idPrefix, final List<Broken> broken)
    {
        return withText(sample, "eventId", id(idPrefix, broken.size() + 1));
    }

    private static String id(final String prefix, final int number)
    {
        return prefix + String.format("%06d", number);
    }

    public static byte[] full(final int templateId)
    {
        return full(templateId, "acme", "ev-" + templateId, "L1");
    }

    /**
     * @return a valid message of the template with every text field non-empty (a tick's are always empty).
     */
    public static byte[] full(final int templateId, final String tenant, final String eventId, final String lead)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8192]);
        final MessageHeaderEncoder header = new MessageHeaderEncoder();
        final int bodyLength;
        switch (templateId)
        {
            case 1:
                bodyLength = new LeadUpsertEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .eventTimeMs(1L).receiveTimeNs(2L).employees(50)
                    .tenant(tenant).eventId(eventId).lead(lead).email("ann@initech.example").phone("+44 20 7946 0000")
                    .name("Ann Ärger").company("Initech").industry("software").region("emea").product("core")
                    .source("web").owner("r1").timezone("Europe/London").encodedLength();
                break;
            case 2:
                bodyLength = new FormSubmittedEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .eventTimeMs(1L).receiveTimeNs(2L).employees(50)
                    .tenant(tenant).eventId(eventId).lead(lead).form("demo_request").email("ann@initech.example")
                    .phone("+44 20 7946 0000").name("Ann Ärger").company("Initech").industry("software").region("emea")
                    .product("core").source("web").owner("r1").timezone("Europe/London").encodedLength();
                break;
            case 3:
                bodyLength = new PageVisitedEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .eventTimeMs(1L).receiveTimeNs(2L)
                    .tenant(tenant).eventId(eventId).lead(lead).page("/pricing").encodedLength();
                break;
            case 4:
                bodyLength = new TrialMilestoneEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .eventTimeMs(1L).receiveTimeNs(2L)
                    .tenant(tenant).eventId(eventId).lead(lead).milestone("invited_team").encodedLength();
                break;
            case 5:
                bodyLength = new ScoreUpdatedEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .eventTimeMs(1L).receiveTimeNs(2L).score(42)
                    .tenant(tenant).eventId(eventId).lead(lead).encodedLength();
                break;
            case 6:
                bodyLength = new RepPresenceEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .eventTimeMs(1L).receiveTimeNs(2L).status(PresenceStatus.AVAILABLE)
                    .tenant(tenant).eventId(eventId).rep("r1").encodedLength();
                break;
            case 7:
                bodyLength = new CallActivityEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .eventTimeMs(1L).receiveTimeNs(2L).outcome(CallOutcome.NO_ANSWER)
                    .tenant(tenant).eventId(eventId).lead(lead).rep("r1").encodedLength();
                break;
            case 8:
                bodyLength = new EmailSentEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .eventTimeMs(1L).receiveTimeNs(2L)
                    .tenant(tenant).eventId(eventId).lead(lead).rep("r1").encodedLength();
                break;
            case 9:
                bodyLength = new SmsSentEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .eventTimeMs(1L).receiveTimeNs(2L)
                    .tenant(tenant).eventId(eventId).lead(lead).rep("r1").encodedLength();
                break;
            case 10:
                bodyLength = new QualificationEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .eventTimeMs(1L).receiveTimeNs(2L).result(QualificationResult.QUALIFIED)
                    .tenant(tenant).eventId(eventId).lead(lead).rep("r1").reason("budget").encodedLength();
                break;
            case 11:
                bodyLength = new OpportunityCreatedEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .eventTimeMs(1L).receiveTimeNs(2L).amountCents(120_050L)
                    .tenant(tenant).eventId(eventId).lead(lead).rep("r1").encodedLength();
                break;
            case 12:
                bodyLength = new LeadConvertedEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .eventTimeMs(1L).receiveTimeNs(2L)
                    .tenant(tenant).eventId(eventId).lead(lead).encodedLength();
                break;
            case 13:
                bodyLength = new ConfigChangeEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .eventTimeMs(1L).receiveTimeNs(2L).configVersion(7L)
                    .tenant(tenant).eventId(eventId).document("tenant: " + tenant + "\n").encodedLength();
                break;
            case 14:
                bodyLength = new TimerTickEncoder().wrapAndApplyHeader(buffer, 0, header)
                    .eventTimeMs(1L).receiveTimeNs(2L).tenant("").eventId("").encodedLength();
                break;
            default:
                throw new IllegalArgumentException("not an input template: " + templateId);
        }

        return Arrays.copyOf(buffer.byteArray(), MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }

    /**
     * @return the template's variable-length fields in wire order.
     */
    public static List<String> dataFields(final int templateId)
    {
        final List<String> names = new ArrayList<>();
        for (final InputSchema.DataField field : template(templateId).data)
        {
            names.add(field.name);
        }
        return names;
    }

    /**
     * @return the template's enum fields.
     */
    public static List<String> enumFields(final int templateId)
    {
        final List<String> names = new ArrayList<>();
        for (final InputSchema.FixedField field : template(templateId).fixed)
        {
            if (null != field.values)
            {
                names.add(field.name);
            }
        }
        return names;
    }

    /**
     * @return the offset in {@code message} of the length prefix of data field {@code name}.
     */
    public static int dataFieldOffset(final byte[] message, final String name)
    {
        final InputSchema.Template t = template(templateId(message));
        final UnsafeBuffer buffer = new UnsafeBuffer(message);
        int position = MessageHeaderEncoder.ENCODED_LENGTH + (buffer.getShort(0, ByteOrder.LITTLE_ENDIAN) & 0xFFFF);
        for (final InputSchema.DataField field : t.data)
        {
            if (field.name.equals(name))
            {
                return position;
            }
            final int length = 1 == field.headerLength ?
                buffer.getByte(position) & 0xFF : buffer.getShort(position, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
            position += field.headerLength + length;
        }
        throw new IllegalArgumentException(name + " is not a data field of template " + templateId(message));
    }

    /**
     * @return the end offset of every data field, in wire order.
     */
    public static int[] dataFieldEnds(final byte[] message)
    {
        final List<String> names = dataFields(templateId(message));
        final int[] ends = new int[names.size()];
        for (int i = 0; i < ends.length; i++)
        {
            ends[i] = i + 1 < ends.length ? dataFieldOffset(message, names.get(i + 1)) : message.length;
        }
        return ends;
    }

    /**
     * @return the offset in {@code message} of enum field {@code name}.
     */
    public static int enumFieldOffset(final byte[] message, final String name)
    {
        for (final InputSchema.FixedField field : template(templateId(message)).fixed)
        {
            if (field.name.equals(name))
            {
                return MessageHeaderEncoder.ENCODED_LENGTH + field.offset;
            }
        }
        throw new IllegalArgumentException(name + " is not a fixed field");
    }

    /**
     * @return whether {@code value} is a valid value of enum field {@code name} at the schema's version.
     */
    public static boolean isValidEnumValue(final int templateId, final String name, final int value)
    {
        for (final InputSchema.FixedField field : template(templateId).fixed)
        {
            if (field.name.equals(name))
            {
                return field.isValid(value, InputSchema.INSTANCE.version());
            }
        }
        throw new IllegalArgumentException(name + " is not a fixed field");
    }

    /**
     * @return a copy of {@code message} with data field {@code name} (uint8 length) holding {@code text}.
     */
    public static byte[] withText(final byte[] message, final String name, final byte[] text)
    {
        final int offset = dataFieldOffset(message, name);
        final int oldLength = message[offset] & 0xFF;
        final byte[] result = new byte[message.length - oldLength + text.length];
        System.arraycopy(message, 0, result, 0, offset);
        result[offset] = (byte)text.length;
        System.arraycopy(text, 0, result, offset + 1, text.length);
        System.arraycopy(message, offset + 1 + oldLength, result, offset + 1 + text.length,
            message.length - offset - 1 - oldLength);
        return result;
    }

    public static byte[] withText(final byte[] message, final String name, final String text)
    {
        return withText(message, name, text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] withByte(final byte[] message, final int offset, final int value)
    {
        final byte[] result = message.clone();
        result[offset] = (byte)value;
        return result;
    }

    public static byte[] withInt(final byte[] message, final int offset, final int value)
    {
        final byte[] result = message.clone();
        new UnsafeBuffer(result).putInt(offset, value, ByteOrder.LITTLE_ENDIAN);
        return result;
    }

    public static byte[] withShort(final byte[] message, final int offset, final int value)
    {
        final byte[] result = message.clone();
        new UnsafeBuffer(result).putShort(offset, (short)value, ByteOrder.LITTLE_ENDIAN);
        return result;
    }

    public static int templateId(final byte[] message)
    {
        return new UnsafeBuffer(message).getShort(2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    /**
     * @return {@code count} ASCII bytes.
     */
    public static byte[] ascii(final char c, final int count)
    {
        final byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte)c);
        return bytes;
    }

    private static InputSchema.Template template(final int templateId)
    {
        return InputSchema.INSTANCE.template(templateId);
    }

    private static byte[] bytes(final int... values)
    {
        final byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++)
        {
            bytes[i] = (byte)values[i];
        }
        return bytes;
    }
}
