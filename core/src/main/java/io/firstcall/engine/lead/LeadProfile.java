package io.firstcall.engine.lead;

import io.firstcall.event.Bytes;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * A lead's profile text (email, phone, name, company, industry, region, product, source, owner,
 * time zone) in one small array, so reading the whole profile for an alert, or comparing an
 * upsert with it, touches a few cache lines rather than an object and an array per field.
 * <pre>
 *   [length of field 0 .. field 9: uint8 each][field 0 bytes][field 1 bytes]...[field 9 bytes]
 * </pre>
 * The array grows only when a longer profile arrives; a field of a new length moves the fields
 * after it. Each field is at most 255 bytes (the schema bounds them at 254).
 */
public final class LeadProfile
{
    public static final int EMAIL = 0;
    public static final int PHONE = 1;
    public static final int NAME = 2;
    public static final int COMPANY = 3;
    public static final int INDUSTRY = 4;
    public static final int REGION = 5;
    public static final int PRODUCT = 6;
    public static final int SOURCE = 7;
    public static final int OWNER = 8;
    public static final int TIMEZONE = 9;
    public static final int FIELDS = 10;
    private static final int MAX_FIELD_BYTES = 255;

    private final UnsafeBuffer view;
    private byte[] bytes;
    private int used = FIELDS;

    LeadProfile()
    {
        bytes = new byte[64];
        view = new UnsafeBuffer(bytes);
    }

    /**
     * The array holding every field; see {@link #offset} and {@link #length}.
     */
    public DirectBuffer buffer()
    {
        return view;
    }

    public int length(final int field)
    {
        return bytes[field] & 0xFF;
    }

    public int offset(final int field)
    {
        int offset = FIELDS;
        for (int i = 0; i < field; i++)
        {
            offset += bytes[i] & 0xFF;
        }
        return offset;
    }

    public boolean isEmpty(final int field)
    {
        return 0 == bytes[field];
    }

    public boolean equalTo(final int field, final DirectBuffer src, final int srcOffset, final int srcLength)
    {
        return length(field) == srcLength && Bytes.equal(view, offset(field), src, srcOffset, srcLength);
    }

    /**
     * Replace a field's value.
     */
    public void set(final int field, final DirectBuffer src, final int srcOffset, final int srcLength)
    {
        if (srcLength > MAX_FIELD_BYTES)
        {
            throw new IllegalArgumentException("a profile field holds at most " + MAX_FIELD_BYTES + " bytes: " + srcLength);
        }
        final int offset = offset(field);
        final int oldLength = length(field);
        if (srcLength != oldLength)
        {
            final int newUsed = used - oldLength + srcLength;
            if (newUsed > bytes.length)
            {
                final byte[] grown = new byte[Math.max(newUsed, bytes.length * 2)];
                System.arraycopy(bytes, 0, grown, 0, used);
                bytes = grown;
                view.wrap(bytes);
            }
            System.arraycopy(bytes, offset + oldLength, bytes, offset + srcLength, used - offset - oldLength);
            bytes[field] = (byte)srcLength;
            used = newUsed;
        }
        src.getBytes(srcOffset, bytes, offset, srcLength);
    }

    public String toString(final int field)
    {
        return new String(bytes, offset(field), length(field), StandardCharsets.UTF_8);
    }
}
