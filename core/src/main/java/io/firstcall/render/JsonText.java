package io.firstcall.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What every renderer writes with: the generator, a scratch array that var data is copied into
 * (SBE var data must be read in order, while the JSON may name it in another), and the protocol's
 * conventions: times as ISO-8601 UTC with milliseconds, enums in lower case, text as UTF-8 bytes.
 * Nothing here allocates.
 */
final class JsonText
{
    /**
     * Var data bound: a uint16 document.
     */
    static final int SCRATCH_BYTES = 4 * 65_536;

    final JsonGenerator g;
    final byte[] scratch = new byte[SCRATCH_BYTES];
    private final char[] time = new char[IsoTime.LENGTH];
    private int used;

    JsonText(final JsonGenerator generator)
    {
        this.g = generator;
    }

    /**
     * Forget what the scratch array holds.
     */
    void clear()
    {
        used = 0;
    }

    /**
     * @return where the next var data copied into {@link #scratch} goes; call {@link #kept} with its length.
     */
    int at()
    {
        return used;
    }

    /**
     * @param length the length a decoder's {@code getX(scratch, at(), ...)} returned.
     * @return the text's handle: its offset in the scratch array, with its length in {@link #length}.
     */
    long kept(final int length)
    {
        final long handle = ((long)used << 32) | length;
        used += length;
        return handle;
    }

    /**
     * @return the free room in the scratch array.
     */
    int room()
    {
        return scratch.length - used;
    }

    void text(final SerializedString name, final long handle) throws IOException
    {
        g.writeFieldName(name);
        g.writeUTF8String(scratch, (int)(handle >>> 32), (int)handle);
    }

    /**
     * Write the kept text, or null when it is empty.
     */
    void textOrNull(final SerializedString name, final long handle) throws IOException
    {
        g.writeFieldName(name);
        if (0 == (int)handle)
        {
            g.writeNull();
        }
        else
        {
            g.writeUTF8String(scratch, (int)(handle >>> 32), (int)handle);
        }
    }

    /**
     * Write {@code prefix} and the kept text as one string, e.g. {@code "form:demo_request"}.
     */
    void labelled(final byte[] prefix, final long handle) throws IOException
    {
        final int offset = (int)(handle >>> 32);
        final int length = (int)handle;
        final int start = used;
        System.arraycopy(prefix, 0, scratch, start, prefix.length);
        System.arraycopy(scratch, offset, scratch, start + prefix.length, length);
        g.writeUTF8String(scratch, start, prefix.length + length);
    }

    /**
     * Write {@code prefix} and a number as one string, e.g. {@code "score>=50"}.
     */
    void labelledNumber(final byte[] prefix, final long value) throws IOException
    {
        final int start = used;
        System.arraycopy(prefix, 0, scratch, start, prefix.length);
        final int end = digits(value, start + prefix.length);
        g.writeUTF8String(scratch, start, end - start);
    }

    void number(final SerializedString name, final long value) throws IOException
    {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    /**
     * A number, or null when it is {@code none}.
     */
    void numberOrNull(final SerializedString name, final long value, final long none) throws IOException
    {
        g.writeFieldName(name);
        if (none == value)
        {
            g.writeNull();
        }
        else
        {
            g.writeNumber(value);
        }
    }

    void bool(final SerializedString name, final boolean value) throws IOException
    {
        g.writeFieldName(name);
        g.writeBoolean(value);
    }

    /**
     * An enum's lower-case name by its SBE raw value, or null for the null value or one this build
     * does not know.
     */
    void choice(final SerializedString name, final SerializedString[] names, final int raw) throws IOException
    {
        g.writeFieldName(name);
        value(names, raw);
    }

    void value(final SerializedString[] names, final int raw) throws IOException
    {
        if (raw >= 0 && raw < names.length && null != names[raw])
        {
            g.writeString(names[raw]);
        }
        else
        {
            g.writeNull();
        }
    }

    /**
     * An ISO-8601 time, or null outside four-digit years (an unset or corrupt time).
     */
    void timeMs(final SerializedString name, final long epochMs) throws IOException
    {
        g.writeFieldName(name);
        if (IsoTime.format(epochMs, time))
        {
            g.writeString(time, 0, IsoTime.LENGTH);
        }
        else
        {
            g.writeNull();
        }
    }

    void timeNs(final SerializedString name, final long epochNs) throws IOException
    {
        timeMs(name, Math.floorDiv(epochNs, 1_000_000L));
    }

    /**
     * A deadline; 0 (none, as for the manager queue) is written as null.
     */
    void optionalTimeNs(final SerializedString name, final long epochNs) throws IOException
    {
        if (0 == epochNs)
        {
            g.writeFieldName(name);
            g.writeNull();
        }
        else
        {
            timeNs(name, epochNs);
        }
    }

    /**
     * @param names by SBE raw value; a null name renders that value as null.
     */
    static SerializedString[] names(final String... names)
    {
        final SerializedString[] result = new SerializedString[names.length];
        for (int i = 0; i < names.length; i++)
        {
            result[i] = null == names[i] ? null : new SerializedString(names[i]);
        }
        return result;
    }

    static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @return the end of the decimal digits of {@code value} written at {@code offset}.
     */
    private int digits(final long value, final int offset)
    {
        long v = value;
        int position = offset;
        if (v < 0)
        {
            scratch[position++] = '-';
        }
        int digits = 1;
        for (long rest = v / 10; rest != 0; rest /= 10)
        {
            digits++;
        }
        final int end = position + digits;
        for (int i = end - 1; i >= position; i--)
        {
            scratch[i] = (byte)('0' + Math.abs(v % 10));
            v /= 10;
        }
        return end;
    }
}
