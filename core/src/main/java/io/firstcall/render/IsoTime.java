package io.firstcall.render;

/**
 * The protocol's times: ISO-8601 UTC with milliseconds, {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, written
 * into a char array without allocating.
 */
public final class IsoTime
{
    /**
     * {@code yyyy-MM-ddTHH:mm:ss.SSSZ}.
     */
    public static final int LENGTH = 24;

    private static final long MS_PER_DAY = 86_400_000L;

    /**
     * 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z: the four-digit years.
     */
    public static final long MIN_MS = -719_528L * MS_PER_DAY;
    public static final long MAX_MS = 2_932_897L * MS_PER_DAY - 1;

    private IsoTime()
    {
    }

    /**
     * Write {@code epochMs} as {@link #LENGTH} chars from {@code dst[0]}.
     *
     * @return false, writing nothing, when the time is outside four-digit years.
     */
    public static boolean format(final long epochMs, final char[] dst)
    {
        if (epochMs < MIN_MS || epochMs > MAX_MS)
        {
            return false;
        }

        final long days = Math.floorDiv(epochMs, MS_PER_DAY);
        final int msOfDay = (int)(epochMs - days * MS_PER_DAY);

        // Civil from days, after Howard Hinnant's algorithm (proleptic Gregorian).
        final long z = days + 719_468;
        final long era = Math.floorDiv(z, 146_097);
        final long dayOfEra = z - era * 146_097;
        final long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        final long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        final long mp = (5 * dayOfYear + 2) / 153;
        final int day = (int)(dayOfYear - (153 * mp + 2) / 5 + 1);
        final int month = (int)(mp < 10 ? mp + 3 : mp - 9);
        final int year = (int)(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

        put(dst, 0, year, 4);
        dst[4] = '-';
        put(dst, 5, month, 2);
        dst[7] = '-';
        put(dst, 8, day, 2);
        dst[10] = 'T';
        put(dst, 11, msOfDay / 3_600_000, 2);
        dst[13] = ':';
        put(dst, 14, (msOfDay / 60_000) % 60, 2);
        dst[16] = ':';
        put(dst, 17, (msOfDay / 1000) % 60, 2);
        dst[19] = '.';
        put(dst, 20, msOfDay % 1000, 3);
        dst[23] = 'Z';

        return true;
    }

    private static void put(final char[] dst, final int offset, final int value, final int width)
    {
        int v = value;
        for (int i = offset + width - 1; i >= offset; i--)
        {
            dst[i] = (char)('0' + v % 10);
            v /= 10;
        }
    }
}
