package io.firstcall.event;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation, allocation-free: only the well-formed byte sequences of the Unicode
 * standard (table 3-7) and RFC 3629 pass. Refused: overlong forms ({@code C0 AF} for '/'),
 * UTF-16 surrogates encoded as UTF-8 ({@code ED A0..BF ..}), anything above U+10FFFF
 * ({@code F4 90..}, {@code F5..FF}), stray continuation bytes and sequences cut short. The JDK's
 * decoders replace such bytes rather than refuse them, and Jackson decodes overlong forms, so
 * neither can be the check.
 */
public final class Utf8
{
    /** Returned by {@link #firstInvalid} when every byte is part of a well-formed sequence. */
    public static final int VALID = -1;

    private static final long HIGH_BITS = 0x8080808080808080L;

    private Utf8()
    {
    }

    public static boolean isValid(final DirectBuffer buffer, final int offset, final int length)
    {
        return VALID == firstInvalid(buffer, offset, length);
    }

    /**
     * @return the index, from {@code offset}, of the first byte that does not start a well-formed
     * sequence, or {@link #VALID}.
     */
    public static int firstInvalid(final DirectBuffer buffer, final int offset, final int length)
    {
        int i = 0;
        while (i < length)
        {
            // ASCII, nearly all of the text seen, goes eight bytes at a time.
            while (i + Long.BYTES <= length && 0 == (buffer.getLong(offset + i) & HIGH_BITS))
            {
                i += Long.BYTES;
            }
            if (i >= length)
            {
                break;
            }
            // A short ASCII tail in one read, when the buffer holds eight bytes from it (a field
            // followed by others): most ids and names end in fewer than eight bytes.
            final int remaining = length - i;
            if (remaining < Long.BYTES && offset + i + Long.BYTES <= buffer.capacity() &&
                0 == (buffer.getLong(offset + i, ByteOrder.LITTLE_ENDIAN) & HIGH_BITS & ((1L << (remaining << 3)) - 1)))
            {
                break;
            }

            final int lead = buffer.getByte(offset + i) & 0xFF;
            if (lead < 0x80)
            {
                i++;
                continue;
            }

            final int sequenceLength = sequenceLength(lead);
            if (0 == sequenceLength || i + sequenceLength > length)
            {
                return i;
            }

            // The second byte's range is what excludes overlong forms, surrogates and > U+10FFFF.
            final int second = buffer.getByte(offset + i + 1) & 0xFF;
            if (second < secondMin(lead) || second > secondMax(lead))
            {
                return i;
            }
            for (int k = 2; k < sequenceLength; k++)
            {
                if (0x80 != (buffer.getByte(offset + i + k) & 0xC0))
                {
                    return i;
                }
            }
            i += sequenceLength;
        }

        return VALID;
    }

    /**
     * @return the length of the sequence a lead byte starts, or 0 when it cannot start one:
     * a continuation byte, C0 and C1 (always overlong), F5..FF (beyond U+10FFFF).
     */
    private static int sequenceLength(final int lead)
    {
        if (lead >= 0xC2 && lead <= 0xDF)
        {
            return 2;
        }
        if (lead >= 0xE0 && lead <= 0xEF)
        {
            return 3;
        }
        if (lead >= 0xF0 && lead <= 0xF4)
        {
            return 4;
        }
        return 0;
    }

    private static int secondMin(final int lead)
    {
        switch (lead)
        {
            case 0xE0: return 0xA0;
            case 0xF0: return 0x90;
            default: return 0x80;
        }
    }

    private static int secondMax(final int lead)
    {
        switch (lead)
        {
            case 0xED: return 0x9F;
            case 0xF4: return 0x8F;
            default: return 0xBF;
        }
    }
}
