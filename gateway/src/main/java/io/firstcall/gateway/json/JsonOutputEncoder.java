package io.firstcall.gateway.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.AlertWithdrawnDecoder;
import io.firstcall.codec.AssignmentDecoder;
import io.firstcall.codec.ClaimRejectedDecoder;
import io.firstcall.codec.DecisionRecordDecoder;
import io.firstcall.codec.EscalationDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.TaskDueDecoder;
import io.firstcall.event.Utf8;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.io.ExpandableDirectBufferOutputStream;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes server lines of JSON lines protocol v1: the engine's output messages (Alert ..
 * DecisionRecord) and the ack, error and welcome replies. Each method writes one line, ending in
 * '\n', at offset 0 of {@link #buffer()} and returns its length; the line is valid until the next call.
 * <p>
 * One instance per thread. One generator is reused for every line, writing to an expandable
 * buffer; times are formatted into a scratch array and text is copied from SBE as UTF-8 bytes,
 * so a line costs no allocation once the buffer has grown to the longest line.
 */
public final class JsonOutputEncoder
{
    /** Returned by {@link #encode} for a message that is not an output. */
    public static final int NOT_AN_OUTPUT = -1;
    public static final int PROTOCOL_VERSION = 1;

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(4096);
    private final ExpandableDirectBufferOutputStream out = new ExpandableDirectBufferOutputStream(buffer);
    private final JsonGenerator generator;
    private final OutputFields fields;
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final AlertDecoder alert = new AlertDecoder();
    private final AlertWithdrawnDecoder withdrawn = new AlertWithdrawnDecoder();
    private final AssignmentDecoder assignment = new AssignmentDecoder();
    private final ClaimRejectedDecoder claimRejected = new ClaimRejectedDecoder();
    private final EscalationDecoder escalation = new EscalationDecoder();
    private final TaskDueDecoder taskDue = new TaskDueDecoder();
    private final DecisionRecordDecoder decision = new DecisionRecordDecoder();
    private final UnsafeBuffer idView = new UnsafeBuffer(0, 0);
    private char[] chars = new char[256];

    public JsonOutputEncoder()
    {
        try
        {
            generator = JsonSupport.FACTORY.createGenerator(out);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        fields = new OutputFields(generator);
    }

    /**
     * @return the buffer holding the last line at offset 0; its {@code byteArray()} is the backing array.
     */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Encode one output message (with its MessageHeader) as a JSON line.
     *
     * @return the line's length or {@link #NOT_AN_OUTPUT} for any other template.
     */
    public int encode(final DirectBuffer src, final int offset)
    {
        header.wrap(src, offset);
        final OutputFields f = fields;
        try
        {
            switch (header.templateId())
            {
                case AlertDecoder.TEMPLATE_ID:
                    begin(OutputFields.ALERT);
                    f.alert(alert.wrapAndApplyHeader(src, offset, header));
                    break;

                case AlertWithdrawnDecoder.TEMPLATE_ID:
                    begin(OutputFields.WITHDRAWN);
                    f.withdrawn(withdrawn.wrapAndApplyHeader(src, offset, header));
                    break;

                case AssignmentDecoder.TEMPLATE_ID:
                    begin(OutputFields.ASSIGNED);
                    f.assignment(assignment.wrapAndApplyHeader(src, offset, header));
                    break;

                case ClaimRejectedDecoder.TEMPLATE_ID:
                    begin(OutputFields.CLAIM_REJECTED);
                    f.claimRejected(claimRejected.wrapAndApplyHeader(src, offset, header));
                    break;

                case EscalationDecoder.TEMPLATE_ID:
                    begin(OutputFields.ESCALATION);
                    f.escalation(escalation.wrapAndApplyHeader(src, offset, header));
                    break;

                case TaskDueDecoder.TEMPLATE_ID:
                    begin(OutputFields.TASK);
                    f.taskDue(taskDue.wrapAndApplyHeader(src, offset, header));
                    break;

                case DecisionRecordDecoder.TEMPLATE_ID:
                    begin(OutputFields.DECISION);
                    f.decision(decision.wrapAndApplyHeader(src, offset, header));
                    break;

                default:
                    return NOT_AN_OUTPUT;
            }

            return end();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * {@code {"type":"ack","id":"..","seq":N,"duplicate":false}}: the event is journaled at {@code seq};
     * {@code duplicate} when the id was seen before and the event was not applied again.
     */
    public int ack(final byte[] id, final int idOffset, final int idLength, final long seq, final boolean duplicate)
    {
        try
        {
            begin(OutputFields.ACK);
            generator.writeFieldName(OutputFields.ID);
            generator.writeUTF8String(id, idOffset, idLength);
            generator.writeFieldName(OutputFields.SEQ);
            generator.writeNumber(seq);
            generator.writeFieldName(OutputFields.DUPLICATE);
            generator.writeBoolean(duplicate);

            return end();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * {@code {"type":"error","id":"..","code":"..","field":"..","message":".."}}; "id" is left out
     * when {@code idLength} is 0 or the id is not valid UTF-8 (an SBE event id is the client's raw
     * bytes, and a reply must stay valid JSON text), and "field" when {@code field} is null.
     *
     * @param code a {@link JsonErrorCode#wireName()} or a gateway code such as a frame-too-long code.
     */
    public int error(
        final byte[] id,
        final int idOffset,
        final int idLength,
        final String code,
        final String field,
        final CharSequence message)
    {
        try
        {
            begin(OutputFields.ERROR);
            if (idLength > 0 && isUtf8(id, idOffset, idLength))
            {
                generator.writeFieldName(OutputFields.ID);
                generator.writeUTF8String(id, idOffset, idLength);
            }
            generator.writeStringField("code", code);
            if (null != field)
            {
                generator.writeStringField("field", field);
            }
            generator.writeFieldName(OutputFields.MESSAGE);
            writeChars(message);

            return end();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The error line for the line {@code decoder} last rejected.
     */
    public int error(final JsonEventDecoder decoder)
    {
        final JsonErrorCode code = decoder.errorCode();
        if (null == code)
        {
            throw new IllegalStateException("the decoder's last line was accepted");
        }

        return error(decoder.idBuffer(), decoder.idOffset(), decoder.idLength(), code.wireName(),
            decoder.errorField(), decoder.errorMessage());
    }

    /**
     * {@code {"type":"welcome","protocol":1,"tenant":"t","role":"rep","rep":"r","at":"<ISO>"}}, the
     * reply to an accepted hello; "role" and "rep" only for a rep connection.
     */
    public int welcome(final Hello hello, final long timeMs)
    {
        try
        {
            begin(OutputFields.WELCOME);
            generator.writeNumberField("protocol", PROTOCOL_VERSION);
            generator.writeStringField("tenant", hello.tenant());
            if (hello.isRep())
            {
                generator.writeStringField("role", "rep");
                generator.writeStringField("rep", hello.rep());
            }
            fields.timeMs(OutputFields.AT, timeMs);

            return end();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private boolean isUtf8(final byte[] bytes, final int offset, final int length)
    {
        idView.wrap(bytes, offset, length);
        return Utf8.isValid(idView, 0, length);
    }

    private void begin(final SerializedString type) throws IOException
    {
        out.wrap(buffer);
        generator.writeStartObject();
        generator.writeFieldName(OutputFields.TYPE);
        generator.writeString(type);
    }

    private int end() throws IOException
    {
        generator.writeEndObject();
        generator.writeRaw('\n');
        generator.flush();

        return out.position();
    }

    private void writeChars(final CharSequence text) throws IOException
    {
        final int length = text.length();
        if (chars.length < length)
        {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        for (int i = 0; i < length; i++)
        {
            chars[i] = text.charAt(i);
        }
        generator.writeString(chars, 0, length);
    }
}
