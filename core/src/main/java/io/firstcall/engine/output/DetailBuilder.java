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
     * Append client bytes as the inside of a JSON string.
     */
    public DetailBuilder escaped(final DirectBuffer src, final int offset, final int srcLength)
    {
        for (int i = 0; i < srcLength; i++)
        {
            escapeByte(src.getByte(offset + i));
        }
        return this;
    }

    public DetailBuilder escaped(final byte[] src)
    {
        for (final byte b : src)
        {
            escapeByte(b);
        }
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

    private void escapeByte(final byte b)
    {
        if ('"' == b || '\\' == b)
        {
            buffer.putByte(length++, (byte)'\\');
            buffer.putByte(length++, b);
        }
        else if (b >= 0 && b < 0x20)
        {
            length += buffer.putStringWithoutLengthAscii(length, "\\u00");
            buffer.putByte(length++, (byte)Character.forDigit(b >> 4, 16));
            buffer.putByte(length++, (byte)Character.forDigit(b & 0xF, 16));
        }
        else
        {
            buffer.putByte(length++, b);
        }
    }
}
