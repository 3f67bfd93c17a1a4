package io.firstcall.engine.output;

import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * Builds the small JSON documents carried in decision records and alert reasons, into a reused
 * buffer, without allocating. Client-supplied bytes are escaped.
 */
public final class DetailBuilder
{
    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(1024);
    private int length;

    public DetailBuilder reset()
    {
        length = 0;
        return this;
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    public int length()
    {
        return length;
    }

    /**
     * Append ASCII text as is (for literals written by the engine itself).
     */
    public DetailBuilder raw(final String ascii)
    {
        length += buffer.putStringWithoutLengthAscii(length, ascii);
        return this;
    }

    public DetailBuilder raw(final char c)
    {
        buffer.putByte(length++, (byte)c);
        return this;
    }

    public DetailBuilder number(final long value)
    {
        length += buffer.putLongAscii(length, value);
        return this;
    }

    /**
     * Append client bytes as the inside of a JSON string. Runs of bytes that need no escaping (nearly
     * all of them) are copied in one go.
     */
    public DetailBuilder escaped(final DirectBuffer src, final int offset, final int srcLength)
    {
        int runStart = 0;
        for (int i = 0; i < srcLength; i++)
        {
            if (needsEscape(src.getByte(offset + i)))
            {
                copy(src, offset + runStart, i - runStart);
                escapeByte(src.getByte(offset + i));
                runStart = i + 1;
            }
        }
        copy(src, offset + runStart, srcLength - runStart);
        return this;
    }

    public DetailBuilder escaped(final byte[] src)
    {
        int runStart = 0;
        for (int i = 0; i < src.length; i++)
        {
            if (needsEscape(src[i]))
            {
                buffer.putBytes(length, src, runStart, i - runStart);
                length += i - runStart;
                escapeByte(src[i]);
                runStart = i + 1;
            }
        }
        buffer.putBytes(length, src, runStart, src.length - runStart);
        length += src.length - runStart;
        return this;
    }

    /**
     * Append {@code "text"} with the bytes escaped.
     */
    public DetailBuilder quoted(final DirectBuffer src, final int offset, final int srcLength)
    {
        raw('"');
        escaped(src, offset, srcLength);
        return raw('"');
    }

    /**
     * Append {@code "text"} with the bytes escaped.
     */
    public DetailBuilder quoted(final byte[] src)
    {
        raw('"');
        escaped(src);
        return raw('"');
    }

    /**
     * Append what another builder holds, as is.
     */
    public DetailBuilder append(final DetailBuilder other)
    {
        buffer.putBytes(length, other.buffer, 0, other.length);
        length += other.length;
        return this;
    }

    private static boolean needsEscape(final byte b)
    {
        return '"' == b || '\\' == b || (b >= 0 && b < 0x20);
    }

    private void copy(final DirectBuffer src, final int offset, final int count)
    {
        if (count > 0)
        {
            buffer.putBytes(length, src, offset, count);
            length += count;
        }
    }

    /**
     * @param b a byte for which {@link #needsEscape} holds.
     */
    private void escapeByte(final byte b)
    {
        if ('"' == b || '\\' == b)
        {
            buffer.putByte(length++, (byte)'\\');
            buffer.putByte(length++, b);
        }
        else
        {
            length += buffer.putStringWithoutLengthAscii(length, "\\u00");
            buffer.putByte(length++, (byte)Character.forDigit(b >> 4, 16));
            buffer.putByte(length++, (byte)Character.forDigit(b & 0xF, 16));
        }
    }
}
