package io.firstcall.event;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Checks a whole SBE input message, as the gateway accepts it and the engine applies it, against
 * the schema's input templates ({@link InputSchema}, read from the schema file). Reusable and
 * allocation-free; one per thread.
 * <p>
 * Checks, in message order, stopping at the first fault:
 * <ol>
 *   <li>the envelope ({@link InputFault#MALFORMED} otherwise, exactly when {@link InputEnvelope#wrap}
 *   refuses it): an 8-byte header, schema id 7, an input template, a block of at least the two times,
 *   tenant and eventId inside the message;</li>
 *   <li>a version not newer than this build's schema, and a block length of at least the template's
 *   fixed fields at that version;</li>
 *   <li>every enum field holds a value its enum defines (the null value only where the field is
 *   optional);</li>
 *   <li>every variable-length field, length prefix and bytes, lies inside the message, within its
 *   length type's minValue..maxValue, and is well-formed UTF-8 ({@link Utf8});</li>
 *   <li>the message ends exactly where its last field ends: this version defines nothing after it, and
 *   bytes the engine never reads have no place in the journal ({@link InputFault#TRAILING_BYTES}).</li>
 * </ol>
 * A block longer than the template's is allowed, as SBE's extension rule asks; its extra bytes
 * are skipped by every decoder.
 */
public final class InputValidator
{
    private static final int HEADER_LENGTH = 8;
    private static final InputSchema SCHEMA = InputSchema.INSTANCE;
    private static final String HEADER_MESSAGE = "messageHeader: the message is shorter than the 8-byte header";
    private static final String SCHEMA_MESSAGE = "schemaId: must be " + SCHEMA.schemaId();
    private static final String TEMPLATE_MESSAGE =
        "templateId: must be an input template, " + InputTypes.FIRST + ".." + InputTypes.LAST;
    private static final String BLOCK_MESSAGE = "blockLength: must be at least " + InputEnvelope.MIN_BLOCK_LENGTH;
    private static final String VERSION_MESSAGE = "version: must be at most " + SCHEMA.version();

    private InputFault fault = InputFault.NONE;
    private String field;
    private String message;
    private int templateId;
    private int tenantOffset;
    private int tenantLength;
    private int eventIdOffset;
    private int eventIdLength;

    /**
     * @return {@link InputFault#NONE} for a whole, valid input message, otherwise what is wrong with it;
     * {@link #field()} and {@link #message()} then say where.
     */
    public InputFault validate(final DirectBuffer buffer, final int offset, final int length)
    {
        templateId = -1;
        tenantOffset = 0;
        tenantLength = 0;
        eventIdOffset = 0;
        eventIdLength = 0;
        if (length < HEADER_LENGTH)
        {
            return malformed("messageHeader", HEADER_MESSAGE);
        }

        final int blockLength = buffer.getShort(offset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int template = buffer.getShort(offset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int schemaId = buffer.getShort(offset + 4, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int version = buffer.getShort(offset + 6, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        if (SCHEMA.schemaId() != schemaId)
        {
            return malformed("schemaId", SCHEMA_MESSAGE);
        }
        final InputSchema.Template t = SCHEMA.template(template);
        if (null == t)
        {
            return malformed("templateId", TEMPLATE_MESSAGE);
        }
        templateId = template;
        if (blockLength < InputEnvelope.MIN_BLOCK_LENGTH)
        {
            return malformed("blockLength", BLOCK_MESSAGE);
        }

        final int limit = offset + length;
        final int tenantPrefix = offset + HEADER_LENGTH + blockLength;
        final int tenantEnd = dataEnd(buffer, tenantPrefix, 1, limit);
        if (tenantEnd < 0)
        {
            return malformed(t.data[0].name, t.data[0].truncatedMessage);
        }
        final int eventIdEnd = dataEnd(buffer, tenantEnd, 1, limit);
        if (eventIdEnd < 0)
        {
            return malformed(t.data[1].name, t.data[1].truncatedMessage);
        }
        tenantOffset = tenantPrefix + 1;
        tenantLength = tenantEnd - tenantOffset;
        eventIdOffset = tenantEnd + 1;
        eventIdLength = eventIdEnd - eventIdOffset;

        if (version > SCHEMA.version())
        {
            return fail(InputFault.UNSUPPORTED_VERSION, "version", VERSION_MESSAGE);
        }
        if (blockLength < t.blockLengthAt[version])
        {
            return fail(InputFault.BLOCK_TOO_SHORT, "blockLength", t.blockLengthMessageAt[version]);
        }

        final int bodyOffset = offset + HEADER_LENGTH;
        for (final InputSchema.FixedField f : t.fixed)
        {
            if (f.sinceVersion > version)
            {
                continue;
            }
            if ((null != f.values && !f.isValid(unsigned(buffer, bodyOffset + f.offset, f.size), version)) ||
                (f.ranged && !f.inRange(signed(buffer, bodyOffset + f.offset, f.size))))
            {
                return fail(InputFault.INVALID_VALUE, f.name, f.invalidMessage);
            }
        }

        int position = bodyOffset + blockLength;
        for (final InputSchema.DataField f : t.data)
        {
            if (f.sinceVersion > version)
            {
                continue;
            }
            final int end = dataEnd(buffer, position, f.headerLength, limit);
            if (end < 0)
            {
                return fail(InputFault.TRUNCATED, f.name, f.truncatedMessage);
            }
            final int textOffset = position + f.headerLength;
            final int textLength = end - textOffset;
            if (textLength < f.minBytes)
            {
                return fail(InputFault.TOO_SHORT, f.name, f.tooShortMessage);
            }
            if (textLength > f.maxBytes)
            {
                return fail(InputFault.TOO_LONG, f.name, f.tooLongMessage);
            }
            if (!Utf8.isValid(buffer, textOffset, textLength))
            {
                return fail(InputFault.INVALID_UTF8, f.name, f.utf8Message);
            }
            position = end;
        }

        if (position != limit)
        {
            return fail(InputFault.TRAILING_BYTES, null, t.trailingMessage);
        }

        return fail(InputFault.NONE, null, null);
    }

    /**
     * @return the last result of {@link #validate}.
     */
    public InputFault fault()
    {
        return fault;
    }

    /**
     * @return the field at fault as the schema names it ("lead", "status", "blockLength", ...), or null
     * when the fault is not about one field (trailing bytes) or there is none.
     */
    public String field()
    {
        return field;
    }

    /**
     * @return why, as "field: reason"; built once per field, never per message. Null when valid.
     */
    public String message()
    {
        return message;
    }

    /**
     * @return the message's template id, or -1 when the header is unreadable or names no input.
     */
    public int templateId()
    {
        return templateId;
    }

    /**
     * @return where the tenant's bytes start, when the fault is not {@link InputFault#MALFORMED}.
     */
    public int tenantOffset()
    {
        return tenantOffset;
    }

    /**
     * @return the tenant's length in bytes (not necessarily valid), or 0 when the envelope was unreadable.
     */
    public int tenantLength()
    {
        return tenantLength;
    }

    /**
     * @return where the eventId's bytes start, when the fault is not {@link InputFault#MALFORMED}.
     */
    public int eventIdOffset()
    {
        return eventIdOffset;
    }

    /**
     * @return the eventId's length in bytes (not necessarily valid), or 0 when the envelope was unreadable.
     */
    public int eventIdLength()
    {
        return eventIdLength;
    }

    /**
     * @return the end of the data field whose length prefix is at {@code position}, or -1 when the prefix
     * or the bytes it counts run past {@code limit}.
     */
    private static int dataEnd(final DirectBuffer buffer, final int position, final int headerLength, final int limit)
    {
        if (position + headerLength > limit)
        {
            return -1;
        }
        final long end = position + headerLength + unsigned(buffer, position, headerLength);
        return end > limit ? -1 : (int)end;
    }

    private static long signed(final DirectBuffer buffer, final int index, final int size)
    {
        switch (size)
        {
            case 1: return buffer.getByte(index);
            case 2: return buffer.getShort(index, ByteOrder.LITTLE_ENDIAN);
            case 4: return buffer.getInt(index, ByteOrder.LITTLE_ENDIAN);
            default: return buffer.getLong(index, ByteOrder.LITTLE_ENDIAN);
        }
    }

    private static long unsigned(final DirectBuffer buffer, final int index, final int size)
    {
        switch (size)
        {
            case 1: return buffer.getByte(index) & 0xFFL;
            case 2: return buffer.getShort(index, ByteOrder.LITTLE_ENDIAN) & 0xFFFFL;
            case 4: return buffer.getInt(index, ByteOrder.LITTLE_ENDIAN) & 0xFFFF_FFFFL;
            default: return buffer.getLong(index, ByteOrder.LITTLE_ENDIAN);
        }
    }

    private InputFault malformed(final String field, final String message)
    {
        return fail(InputFault.MALFORMED, field, message);
    }

    private InputFault fail(final InputFault fault, final String field, final String message)
    {
        this.fault = fault;
        this.field = field;
        this.message = message;
        return fault;
    }
}
