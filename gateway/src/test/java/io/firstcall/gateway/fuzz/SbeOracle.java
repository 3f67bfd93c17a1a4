package io.firstcall.gateway.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The expected answer to one SBE frame on an authenticated source connection, by the table of
 * docs/protocol.md §6, in its order: the envelope ({@code malformed_frame}, closed), then
 * {@code forbidden_type}, {@code wrong_tenant}, {@code unsupported_version}, the block length, the
 * enums, each text in wire order (inside the frame, within its bounds, UTF-8), trailing bytes. The
 * first fault is the answer, so every code and field is exact here.
 */
final class SbeOracle
{
    private static final int MAX_ECHOED_ID = 64;

    private final Utf8Check utf8 = new Utf8Check();

    /**
     * A frame that passed: its template, tenant and event id.
     */
    record Accepted(int templateId, byte[] eventId)
    {
    }

    private Accepted accepted;

    /**
     * @return the error the frame must be answered with, or null when it is valid (then see {@link #accepted()}).
     */
    Expected judge(final byte[] body, final byte[] tenant)
    {
        accepted = null;
        final int length = body.length;
        if (length < InputLayout.HEADER_LENGTH)
        {
            return malformed("messageHeader");
        }
        final int blockLength = SbeBytes.u16(body, 0);
        final int templateId = SbeBytes.u16(body, 2);
        final int version = SbeBytes.u16(body, 6);
        if (InputLayout.SCHEMA_ID != SbeBytes.u16(body, 4))
        {
            return malformed("schemaId");
        }
        final InputLayout.Template template = InputLayout.template(templateId);
        if (null == template)
        {
            return malformed("templateId");
        }
        if (blockLength < InputLayout.MIN_BLOCK_LENGTH)
        {
            return malformed("blockLength");
        }
        final int tenantAt = InputLayout.HEADER_LENGTH + blockLength;
        final int tenantEnd = end(body, tenantAt, 1);
        if (tenantEnd < 0)
        {
            return malformed("tenant");
        }
        final int eventIdEnd = end(body, tenantEnd, 1);
        if (eventIdEnd < 0)
        {
            return malformed("eventId");
        }

        final byte[] eventId = Arrays.copyOfRange(body, tenantEnd + 1, eventIdEnd);
        final String echo = eventId.length >= 1 && eventId.length <= MAX_ECHOED_ID ?
            utf8.decode(eventId, 0, eventId.length) : null;
        if (InputLayout.CONFIG == templateId || InputLayout.TICK == templateId)
        {
            return refused("forbidden_type", "templateId", echo);
        }
        if (!Arrays.equals(body, tenantAt + 1, tenantEnd, tenant, 0, tenant.length))
        {
            return refused("wrong_tenant", "tenant", echo);
        }
        if (version > InputLayout.SCHEMA_VERSION)
        {
            return refused("unsupported_version", "version", echo);
        }
        if (blockLength < template.blockLength())
        {
            return refused("invalid_field", "blockLength", echo);
        }
        for (final InputLayout.Fixed fixed : template.fixed())
        {
            if (fixed.enumValues() > 0 && (body[InputLayout.HEADER_LENGTH + fixed.offset()] & 0xFF) >= fixed.enumValues())
            {
                return refused("invalid_field", fixed.name(), echo);
            }
            if (fixed.headCount())
            {
                final int value = ByteBuffer.wrap(body, InputLayout.HEADER_LENGTH + fixed.offset(), 4)
                    .order(ByteOrder.LITTLE_ENDIAN).getInt();
                if (value < 0 && Integer.MIN_VALUE != value)
                {
                    return refused("invalid_field", fixed.name(), echo);
                }
            }
        }

        int position = tenantAt;
        for (final InputLayout.Text text : template.texts())
        {
            final int end = end(body, position, text.headerLength());
            if (end < 0)
            {
                return refused("truncated_message", text.name(), echo);
            }
            final int textLength = end - position - text.headerLength();
            if (textLength < text.minBytes())
            {
                return refused("missing_field", text.name(), echo);
            }
            if (textLength > text.maxBytes())
            {
                return refused("field_too_long", text.name(), echo);
            }
            if (!utf8.isValid(body, position + text.headerLength(), textLength))
            {
                return refused("invalid_field", text.name(), echo);
            }
            position = end;
        }
        if (position != length)
        {
            return refused("trailing_bytes", null, echo);
        }

        accepted = new Accepted(templateId, eventId);
        return null;
    }

    Accepted accepted()
    {
        return accepted;
    }

    static String describe(final byte[] body)
    {
        return body.length + " bytes " + new String(body, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", ".");
    }

    private static Expected malformed(final String field)
    {
        return Expected.error().code("malformed_frame", field).closes(true).echo(null, true);
    }

    private static Expected refused(final String code, final String field, final String echo)
    {
        return Expected.error().code(code, field).closes(false).echo(echo, true);
    }

    /**
     * @return the end of the text whose length prefix is at {@code position}, or -1 when the prefix or
     * its bytes run past the end.
     */
    private static int end(final byte[] body, final int position, final int headerLength)
    {
        if (position + headerLength > body.length)
        {
            return -1;
        }
        final int length = 2 == headerLength ? SbeBytes.u16(body, position) : body[position] & 0xFF;
        final long end = (long)position + headerLength + length;
        return end > body.length ? -1 : (int)end;
    }
}
