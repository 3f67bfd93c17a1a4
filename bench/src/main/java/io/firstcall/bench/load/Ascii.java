package io.firstcall.bench.load;

/**
 * Allocation-free ASCII helpers for the load generator's hand-written JSON.
 */
final class Ascii
{
    private static final int MAX_LONG_DIGITS = 20;

    private Ascii()
    {
    }

    /**
     * Write a non-negative number in decimal.
     *
     * @return the position after it.
     */
    static int putLong(final byte[] dst, final int offset, final long value)
    {
        if (0 == value)
        {
            dst[offset] = '0';
            return offset + 1;
        }
        int digits = 0;
        for (long rest = value; rest > 0 && digits < MAX_LONG_DIGITS; rest /= 10)
        {
            digits++;
        }
        long rest = value;
        for (int i = offset + digits - 1; i >= offset; i--)
        {
            dst[i] = (byte)('0' + rest % 10);
            rest /= 10;
        }
        return offset + digits;
    }

    static int put(final byte[] dst, final int offset, final byte[] src)
    {
        System.arraycopy(src, 0, dst, offset, src.length);
        return offset + src.length;
    }

    /**
     * @return true when {@code buffer} holds {@code prefix} at {@code offset}, within {@code limit}.
     */
    static boolean startsWith(final byte[] buffer, final int offset, final int limit, final byte[] prefix)
    {
        if (limit - offset < prefix.length)
        {
            return false;
        }
        for (int i = 0; i < prefix.length; i++)
        {
            if (buffer[offset + i] != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * @return the index of {@code pattern} in {@code buffer[from, limit)}, or -1.
     */
    static int indexOf(final byte[] buffer, final int from, final int limit, final byte[] pattern)
    {
        for (int i = from; i <= limit - pattern.length; i++)
        {
            if (startsWith(buffer, i, limit, pattern))
            {
                return i;
            }
        }
        return -1;
    }
}
