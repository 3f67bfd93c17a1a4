package io.firstcall.gateway.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.firstcall.event.Utf8;
import io.firstcall.render.OutputRenderer;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes the server lines of the JSON lines protocol (docs/protocol.md, version
 * {@link #PROTOCOL_VERSION}): the engine's outputs, rendered by the core's {@link OutputRenderer},
 * and the gateway's own ack, error and welcome replies, written with the same generator into the
 * same buffer. Each method writes one line, ending in '\n', at offset 0 of {@link #buffer()} and
 * returns its length; the line is valid until the next call.
 * <p>
 * One instance per thread. A line costs no allocation once the buffer has grown to the longest line.
 */
public final class JsonOutputEncoder
{
    /** Returned by {@link #encode} for a message that is not an output. */
    public static final int NOT_AN_OUTPUT = OutputRenderer.NOT_AN_OUTPUT;
    public static final int PROTOCOL_VERSION = OutputRenderer.PROTOCOL_VERSION;

    private static final SerializedString ACK = new SerializedString("ack");
    private static final SerializedString ERROR = new SerializedString("error");
    private static final SerializedString WELCOME = new SerializedString("welcome");
    private static final SerializedString ID = new SerializedString("id");
    private static final SerializedString SEQ = new SerializedString("seq");
    private static final SerializedString AT = new SerializedString("at");
    private static final SerializedString DUPLICATE = new SerializedString("duplicate");
    private static final SerializedString MESSAGE = new SerializedString("message");

    private final OutputRenderer renderer = new OutputRenderer();
    private final JsonGenerator generator = renderer.generator();
    private final UnsafeBuffer idView = new UnsafeBuffer(0, 0);
    private char[] chars = new char[256];

    /**
     * @return the buffer holding the last line at offset 0; its {@code byteArray()} is the backing array.
     */
    public MutableDirectBuffer buffer()
    {
        return renderer.buffer();
    }

    /**
     * Encode one output message (with its MessageHeader) as a JSON line.
     *
     * @return the line's length or {@link #NOT_AN_OUTPUT} for any other template.
     */
    public int encode(final DirectBuffer src, final int offset, final int length)
    {
        return renderer.render(src, offset, length);
    }

    /**
     * {@code {"type":"ack","id":"..","seq":N,"duplicate":false}}: the event is journaled at {@code seq};
     * {@code duplicate} when the id was seen before and the event was not applied again.
     */
    public int ack(final byte[] id, final int idOffset, final int idLength, final long seq, final boolean duplicate)
    {
        try
        {
            renderer.beginLine(ACK);
            generator.writeFieldName(ID);
            generator.writeUTF8String(id, idOffset, idLength);
            generator.writeFieldName(SEQ);
            generator.writeNumber(seq);
            generator.writeFieldName(DUPLICATE);
            generator.writeBoolean(duplicate);

            return renderer.endLine();
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
            renderer.beginLine(ERROR);
            if (idLength > 0 && isUtf8(id, idOffset, idLength))
            {
                generator.writeFieldName(ID);
                generator.writeUTF8String(id, idOffset, idLength);
            }
            generator.writeStringField("code", code);
            if (null != field)
            {
                generator.writeStringField("field", field);
            }
            generator.writeFieldName(MESSAGE);
            writeChars(message);

            return renderer.endLine();
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
     * {@code {"type":"welcome","protocol":2,"tenant":"t","role":"rep","rep":"r","at":"<ISO>"}}, the
     * reply to an accepted hello; "role" and "rep" only for a rep connection.
     */
    public int welcome(final Hello hello, final long timeMs)
    {
        try
        {
            renderer.beginLine(WELCOME);
            generator.writeNumberField("protocol", PROTOCOL_VERSION);
            generator.writeStringField("tenant", hello.tenant());
            if (hello.isRep())
            {
                generator.writeStringField("role", "rep");
                generator.writeStringField("rep", hello.rep());
            }
            renderer.timeMs(AT, timeMs);

            return renderer.endLine();
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
