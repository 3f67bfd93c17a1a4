package io.firstcall.render;

/**
 * Money as the protocol writes it: currency units with two decimals, from integer cents.
 */
final class Amounts
{
    private Amounts()
    {
    }

    /**
     * Write {@code cents} as e.g. {@code 1200.50} or {@code -0.05} into {@code dst} (24 chars suffice).
     *
     * @return the number of chars written.
     */
    static int format(final long cents, final char[] dst)
    {
        int at = 0;
        long units = cents / 100;
        int fraction = (int)(cents % 100);
        if (cents < 0)
        {
            dst[at++] = '-';
            units = -units;
            fraction = -fraction;
        }
        final String whole = Long.toString(units);
        whole.getChars(0, whole.length(), dst, at);
        at += whole.length();
        dst[at++] = '.';
        dst[at++] = (char)('0' + fraction / 10);
        dst[at++] = (char)('0' + fraction % 10);
        return at;
    }
}
