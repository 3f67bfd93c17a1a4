package io.firstcall.gateway.json;

/**
 * The values of one client line, kept until the whole object is read because JSON fields come in
 * any order while SBE var data must be written in schema order. Text is held as UTF-8 in one
 * fixed slot per field; nothing is allocated per line.
 */
final class FieldValues
{
    /** Returned by {@link #putUtf8} when the text exceeds the field's bound. */
    static final int TOO_LONG = -1;
    /** Returned by {@link #putUtf8} for a lone UTF-16 surrogate (from a JSON \\u escape). */
    static final int BAD_SURROGATE = -2;

    private static final int SLOT_LENGTH = 256;

    final byte[] text = new byte[Fields.COUNT * SLOT_LENGTH];
    private final int[] textLength = new int[Fields.COUNT];
    private final long[] number = new long[Fields.COUNT];

    /** Fields named in the object, null or not. */
    long named;
    /** Fields with a non-null, valid value. */
    long present;

    void reset()
    {
        named = 0;
        present = 0;
    }

    boolean isPresent(final int field)
    {
        return 0 != (present & (1L << field));
    }

    static int offset(final int field)
    {
        return field * SLOT_LENGTH;
    }

    /**
     * @return the UTF-8 length of a present text field, 0 when absent.
     */
    int length(final int field)
    {
        return isPresent(field) ? textLength[field] : 0;
    }

    long number(final int field)
    {
        return number[field];
    }

    void number(final int field, final long value)
    {
        number[field] = value;
        present |= 1L << field;
    }

    void copyText(final int field, final byte[] src, final int srcOffset, final int length)
    {
        System.arraycopy(src, srcOffset, text, offset(field), length);
        textLength[field] = length;
        present |= 1L << field;
    }

    boolean textEquals(final int field, final byte[] other)
    {
        final int length = length(field);
        if (length != other.length)
        {
            return false;
        }

        final int offset = offset(field);
        for (int i = 0; i < length; i++)
        {
            if (text[offset + i] != other[i])
            {
                return false;
            }
        }

        return true;
    }

    /**
     * Encode the parser's chars as UTF-8 into the field's slot, checking the bound in bytes.
     *
     * @return the length in bytes, {@link #TOO_LONG} or {@link #BAD_SURROGATE}.
     */
    int putUtf8(final int field, final char[] chars, final int offset, final int length, final int maxBytes)
    {
        if (length > maxBytes)
        {
            return TOO_LONG; // every char is at least one byte (a surrogate pair is 2 chars, 4 bytes)
        }

        final byte[] dst = text;
        final int start = offset(field);
        final int limit = start + maxBytes;
        final int end = offset + length;
        int pos = start;

        for (int i = offset; i < end; i++)
        {
            final char c = chars[i];
            if (c < 0x80)
            {
                if (pos >= limit)
                {
                    return TOO_LONG;
                }
                dst[pos++] = (byte)c;
            }
            else if (c < 0x800)
            {
                if (pos + 2 > limit)
                {
                    return TOO_LONG;
                }
                dst[pos++] = (byte)(0xC0 | (c >> 6));
                dst[pos++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (Character.isSurrogate(c))
            {
                if (!Character.isHighSurrogate(c) || i + 1 >= end || !Character.isLowSurrogate(chars[i + 1]))
                {
                    return BAD_SURROGATE;
                }
                if (pos + 4 > limit)
                {
                    return TOO_LONG;
                }
                final int codePoint = Character.toCodePoint(c, chars[++i]);
                dst[pos++] = (byte)(0xF0 | (codePoint >> 18));
                dst[pos++] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
                dst[pos++] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                dst[pos++] = (byte)(0x80 | (codePoint & 0x3F));
            }
            else
            {
                if (pos + 3 > limit)
                {
                    return TOO_LONG;
                }
                dst[pos++] = (byte)(0xE0 | (c >> 12));
                dst[pos++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                dst[pos++] = (byte)(0x80 | (c & 0x3F));
            }
        }

        final int bytes = pos - start;
        textLength[field] = bytes;
        present |= 1L << field;

        return bytes;
    }
}
