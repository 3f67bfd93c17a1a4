package io.firstcall.gateway.json;

import io.firstcall.event.Utf8;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

import static io.firstcall.gateway.json.Fields.AT;
import static io.firstcall.gateway.json.Fields.ID;
import static io.firstcall.gateway.json.Fields.NAMES;
import static io.firstcall.gateway.json.Fields.REP;
import static io.firstcall.gateway.json.Fields.ROLE;
import static io.firstcall.gateway.json.Fields.TENANT;
import static io.firstcall.gateway.json.Fields.TOKEN;

/**
 * Decodes JSON lines protocol v1 client lines into SBE input messages (MessageHeader + body).
 * <p>
 * One instance per connection, used by one thread; it is reused for every line. A rejected line
 * returns {@link #ERROR} and leaves the reason in {@link #errorCode()}, {@link #errorField()},
 * {@link #errorMessage()} and, if the client's "id" was read, {@link #idLength()}; these stay
 * valid until the next call.
 * <p>
 * Allocation: none per accepted event once warm. Jackson's text buffer grows, once, the first
 * time a string longer than its first segment arrives, and a field name is canonicalized (one
 * String) the first time the connection's parser sees it. A rejected line allocates: a new
 * parser, and Jackson's exception and message when the JSON itself is malformed.
 */
public final class JsonEventDecoder
{
    /** Returned by the decode methods for a rejected line. */
    public static final int ERROR = -1;

    /**
     * Upper bound on one encoded input message: LeadUpsert/FormSubmitted with every text at its
     * bound is under 3,000 bytes.
     */
    public static final int MAX_ENCODED_LENGTH = 4096;

    /** U+FEFF in UTF-8: EF BB BF. */
    private static final int BYTE_ORDER_MARK_LENGTH = 3;

    private final LineReader reader = new LineReader();
    private final FieldValues values = reader.values;
    private final SbeInputWriter writer = new SbeInputWriter();
    private final StringBuilder errorMessage = new StringBuilder(128);
    private final UnsafeBuffer lineView = new UnsafeBuffer(0, 0);

    private byte[] connectionRep;
    private byte[] lineCopy = new byte[0];
    private JsonErrorCode errorCode;
    private String errorField;

    /**
     * Make this a rep connection, or a plain client connection with null. On a rep connection only
     * call, email, sms, qualify and opportunity are accepted; their "rep" defaults to this rep and
     * naming another rep is {@link JsonErrorCode#FORBIDDEN_REP}.
     *
     * @param repId the connection's rep in UTF-8 (1..64 bytes), kept by reference; or null.
     * @return this for a fluent API.
     */
    public JsonEventDecoder connectionRep(final byte[] repId)
    {
        if (null != repId && (repId.length < 1 || repId.length > Fields.MAX_ID_BYTES))
        {
            throw new IllegalArgumentException("rep id must be 1.." + Fields.MAX_ID_BYTES + " bytes");
        }
        connectionRep = repId;

        return this;
    }

    /**
     * @return the connection's rep id, or null for a client connection.
     */
    public byte[] connectionRep()
    {
        return connectionRep;
    }

    /**
     * Decode one line (without its line terminator) into an SBE input message.
     *
     * @param line          holding the line.
     * @param offset        of the line in {@code line}.
     * @param length        of the line in bytes.
     * @param tenant        the connection's authenticated tenant in UTF-8 (1..32 bytes).
     * @param receiveTimeNs when the line arrived, epoch nanoseconds; also the event time when the
     *                      line has no "at".
     * @param dst           to write the message to, with {@link #MAX_ENCODED_LENGTH} bytes free.
     * @param dstOffset     of the message in {@code dst}.
     * @return the encoded length (header included) or {@link #ERROR}.
     */
    public int decode(
        final byte[] line,
        final int offset,
        final int length,
        final byte[] tenant,
        final long receiveTimeNs,
        final MutableDirectBuffer dst,
        final int dstOffset)
    {
        if (tenant.length < 1 || tenant.length > Fields.MAX_TENANT_BYTES)
        {
            throw new IllegalArgumentException("tenant must be 1.." + Fields.MAX_TENANT_BYTES + " bytes");
        }

        if (!read(line, offset, length) || !validate(false))
        {
            reader.discardParser();
            return ERROR;
        }

        final long eventTimeMs = values.isPresent(AT) ? values.number(AT) : receiveTimeNs / 1_000_000;

        return writer.write(
            EventType.VALUES[reader.type], values, tenant, eventTimeMs, receiveTimeNs, dst, dstOffset);
    }

    /**
     * As {@link #decode(byte[], int, int, byte[], long, MutableDirectBuffer, int)} for a line in a
     * {@link DirectBuffer}; an off-heap line is first copied to a scratch array the parser can read.
     */
    public int decode(
        final DirectBuffer line,
        final int offset,
        final int length,
        final byte[] tenant,
        final long receiveTimeNs,
        final MutableDirectBuffer dst,
        final int dstOffset)
    {
        final byte[] array = line.byteArray();
        if (null != array)
        {
            return decode(array, line.wrapAdjustment() + offset, length, tenant, receiveTimeNs, dst, dstOffset);
        }

        if (lineCopy.length < length)
        {
            lineCopy = new byte[Math.max(length, lineCopy.length * 2)];
        }
        line.getBytes(offset, lineCopy, 0, length);

        return decode(lineCopy, 0, length, tenant, receiveTimeNs, dst, dstOffset);
    }

    /**
     * Decode the handshake, the first line of a connection. Allocates: it happens once per connection.
     *
     * @return the hello or null when rejected, with the reason in the error accessors.
     */
    public Hello decodeHello(final byte[] line, final int offset, final int length)
    {
        if (!read(line, offset, length) || !validate(true))
        {
            reader.discardParser();
            return null;
        }

        return new Hello(text(TENANT), text(TOKEN), values.isPresent(REP) ? text(REP) : null);
    }

    /**
     * @return why the last line was rejected, or null when it was accepted.
     */
    public JsonErrorCode errorCode()
    {
        return errorCode;
    }

    /**
     * @return the field at fault in the last rejected line ("type" for type errors), or null when
     * the error is not about one field (malformed JSON).
     */
    public String errorField()
    {
        return errorField;
    }

    /**
     * @return a human readable reason for the last rejection; reused, valid until the next call.
     */
    public CharSequence errorMessage()
    {
        return errorMessage;
    }

    /**
     * @return the UTF-8 length of the last line's "id", or 0 when it was not read (absent, or
     * itself invalid).
     */
    public int idLength()
    {
        return values.length(ID);
    }

    /**
     * @return the array holding the last line's "id" at {@link #idOffset()}; do not modify.
     */
    public byte[] idBuffer()
    {
        return values.text;
    }

    public int idOffset()
    {
        return FieldValues.offset(ID);
    }

    /**
     * @return the last line's "id" as a String, or null if not read. Allocates: for tests and errors.
     */
    public String idAsString()
    {
        return 0 == idLength() ? null : text(ID);
    }

    private boolean read(final byte[] line, final int offset, final int length)
    {
        errorCode = null;
        errorField = null;
        errorMessage.setLength(0);

        // Jackson decodes overlong forms (C0 AF is '/') and UTF-8-encoded surrogates without complaint,
        // so the line is checked strictly first: what is not UTF-8 is not JSON.
        lineView.wrap(line, offset, length);
        final int invalidAt = Utf8.firstInvalid(lineView, 0, length);
        if (Utf8.VALID != invalidAt)
        {
            values.reset();
            return fail(JsonErrorCode.MALFORMED_JSON, null, "not valid UTF-8 at byte " + invalidAt);
        }

        // Jackson skips a byte order mark only at the start of its parser's input, and the parser serves
        // every line of the connection: skip it here, so a line reads the same whatever came before it.
        final int bom = hasByteOrderMark(line, offset, length) ? BYTE_ORDER_MARK_LENGTH : 0;
        if (!reader.read(line, offset + bom, length - bom))
        {
            return fail(JsonErrorCode.MALFORMED_JSON, null, reader.malformedReason);
        }

        return true;
    }

    private static boolean hasByteOrderMark(final byte[] line, final int offset, final int length)
    {
        return length >= BYTE_ORDER_MARK_LENGTH && (byte)0xEF == line[offset] && (byte)0xBB == line[offset + 1] &&
            (byte)0xBF == line[offset + 2];
    }

    private boolean validate(final boolean expectHello)
    {
        switch (reader.type)
        {
            case LineReader.TYPE_MISSING:
                return fail(JsonErrorCode.MISSING_FIELD, "type", "is required");
            case LineReader.TYPE_INVALID:
                return fail(JsonErrorCode.INVALID_FIELD, "type", "must be a string");
            case LineReader.TYPE_UNKNOWN:
                return fail(JsonErrorCode.UNKNOWN_TYPE, "type", "is not a known event type");
            default:
                break;
        }

        final EventType type = EventType.VALUES[reader.type];
        if (expectHello != (EventType.HELLO == type))
        {
            return fail(JsonErrorCode.FORBIDDEN_TYPE, "type",
                expectHello ? "the first line must be a hello" : "hello is only valid as the first line");
        }

        final boolean repConnection = !expectHello && null != connectionRep;
        if (repConnection && !type.repScoped)
        {
            return fail(JsonErrorCode.FORBIDDEN_TYPE, "type", "is not allowed on a rep connection");
        }

        if (null != reader.fieldErrorCode)
        {
            return fail(reader.fieldErrorCode, reader.fieldErrorName, reader.fieldErrorReason);
        }

        final long unknown = values.named & ~type.allowed;
        if (0 != unknown)
        {
            return fail(JsonErrorCode.UNKNOWN_FIELD, NAMES[Long.numberOfTrailingZeros(unknown)],
                "is not a field of this event type");
        }

        if (repConnection)
        {
            if (!values.isPresent(REP))
            {
                values.copyText(REP, connectionRep, 0, connectionRep.length);
            }
            else if (!values.textEquals(REP, connectionRep))
            {
                return fail(JsonErrorCode.FORBIDDEN_REP, "rep", "must be this connection's rep");
            }
        }

        final long missing = type.required & ~values.present;
        if (0 != missing)
        {
            return fail(JsonErrorCode.MISSING_FIELD, NAMES[Long.numberOfTrailingZeros(missing)], "is required");
        }

        if (EventType.HELLO == type && values.isPresent(ROLE) != values.isPresent(REP))
        {
            return values.isPresent(ROLE) ?
                fail(JsonErrorCode.MISSING_FIELD, "rep", "is required with role rep") :
                fail(JsonErrorCode.INVALID_FIELD, "rep", "is only allowed with role rep");
        }

        return true;
    }

    private boolean fail(final JsonErrorCode code, final String field, final String reason)
    {
        errorCode = code;
        errorField = field;
        if (null != field)
        {
            errorMessage.append(field).append(": ");
        }
        errorMessage.append(null == reason ? code.wireName() : reason);

        return false;
    }

    private String text(final int field)
    {
        return new String(values.text, FieldValues.offset(field), values.length(field), StandardCharsets.UTF_8);
    }
}
