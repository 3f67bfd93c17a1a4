package io.firstcall.gateway.json;

/**
 * Exact, allocation-free parsing of the protocol's non-string scalars from the parser's chars:
 * ISO-8601 times (UTC or with an offset) and money amounts. The output lines' times are formatted by
 * {@code io.firstcall.render.IsoTime}.
 */
final class JsonNumbers
{
    static final long INVALID = Long.MIN_VALUE;
    /** {@code yyyy-MM-ddTHH:mm:ssZ} up to {@code yyyy-MM-ddTHH:mm:ss.SSSSSSSSS+HH:MM}. */
    private static final int MIN_ISO_INPUT_LENGTH = 20;
    private static final int MAX_ISO_INPUT_LENGTH = 35;
    private static final int OFFSET_LENGTH = 6;
    private static final int MAX_OFFSET_MINUTES = 18 * 60;

    private static final long MS_PER_DAY = 86_400_000L;

    private JsonNumbers()
    {
    }

    /**
     * Parse an ISO-8601 (RFC 3339) time {@code yyyy-MM-ddTHH:mm:ss}, with an optional fraction of 1..9
     * digits (kept to milliseconds, truncated), then a zone: {@code Z} or an offset {@code ±HH:MM}
     * (at most 18:00, Java's bound), e.g. {@code 2026-11-27T10:15:30+02:00} is 08:15:30Z.
     *
     * @return epoch milliseconds or {@link #INVALID}.
     */
    static long parseIsoMs(final char[] c, final int offset, final int length)
    {
        if (length < MIN_ISO_INPUT_LENGTH || length > MAX_ISO_INPUT_LENGTH ||
            '-' != c[offset + 4] || '-' != c[offset + 7] || 'T' != c[offset + 10] ||
            ':' != c[offset + 13] || ':' != c[offset + 16])
        {
            return INVALID;
        }

        final int year = digits(c, offset, 4);
        final int month = digits(c, offset + 5, 2);
        final int day = digits(c, offset + 8, 2);
        final int hour = digits(c, offset + 11, 2);
        final int minute = digits(c, offset + 14, 2);
        final int second = digits(c, offset + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) ||
            hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        {
            return INVALID;
        }

        final int end = offset + length;
        int zone = offset + 19;
        int millis = 0;
        if ('.' == c[zone])
        {
            final int fractionStart = zone + 1;
            zone = fractionStart;
            while (zone < end && c[zone] >= '0' && c[zone] <= '9')
            {
                zone++;
            }
            final int fractionDigits = zone - fractionStart;
            if (fractionDigits < 1 || fractionDigits > 9)
            {
                return INVALID;
            }
            final int fraction = digits(c, fractionStart, Math.min(fractionDigits, 3));
            millis = fractionDigits >= 3 ? fraction : fraction * (fractionDigits == 1 ? 100 : 10);
        }

        final long offsetMs = zoneOffsetMs(c, zone, end - zone);
        if (INVALID == offsetMs)
        {
            return INVALID;
        }

        return daysFromCivil(year, month, day) * MS_PER_DAY +
            ((hour * 60L + minute) * 60L + second) * 1000L + millis - offsetMs;
    }

    /**
     * Parse a JSON number literal in major units into cents, exactly: no binary floating point,
     * so "19.99" is 1999 and "0.125" (a fraction of a cent) is rejected rather than rounded.
     *
     * @return cents (&gt;= 0) or {@link #INVALID} for negatives, sub-cent fractions or overflow.
     */
    static long parseCents(final char[] c, final int offset, final int length)
    {
        final int end = offset + length;
        int i = offset;
        if (i >= end || '-' == c[i])
        {
            return INVALID;
        }

        long value = 0;
        int scale = 0;
        int pendingZeros = 0;
        boolean fraction = false;
        for (; i < end; i++)
        {
            final char ch = c[i];
            if ('.' == ch)
            {
                fraction = true;
                continue;
            }
            if (ch < '0' || ch > '9')
            {
                break;
            }

            if (fraction && '0' == ch)
            {
                pendingZeros++; // trailing fraction zeros must not overflow "1.5000000000000000000000"
                continue;
            }

            for (; pendingZeros > 0; pendingZeros--)
            {
                value = times10(value, 0);
                scale++;
            }
            value = times10(value, ch - '0');
            if (value < 0)
            {
                return INVALID;
            }
            scale += fraction ? 1 : 0;
        }

        int exponent = 0;
        if (i < end)
        {
            i++; // 'e' or 'E': the parser has checked the literal's syntax
            final boolean negative = '-' == c[i];
            i += ('-' == c[i] || '+' == c[i]) ? 1 : 0;
            for (; i < end; i++)
            {
                exponent = exponent * 10 + (c[i] - '0');
                if (exponent > 100)
                {
                    return 0 == value ? 0 : INVALID;
                }
            }
            exponent = negative ? -exponent : exponent;
        }

        for (int shift = 2 - scale + exponent; shift != 0; shift += shift > 0 ? -1 : 1)
        {
            if (shift > 0)
            {
                value = times10(value, 0);
                if (value < 0)
                {
                    return INVALID;
                }
            }
            else
            {
                if (0 != value % 10)
                {
                    return INVALID;
                }
                value /= 10;
            }
        }

        return value;
    }

    private static long times10(final long value, final int digit)
    {
        return value < 0 || value > (Long.MAX_VALUE - digit) / 10 ? -1 : value * 10 + digit;
    }

    /**
     * @return the zone's offset from UTC in milliseconds ({@code Z} is 0, {@code +02:00} is 7,200,000),
     * or {@link #INVALID} unless the {@code length} chars are exactly one zone.
     */
    private static long zoneOffsetMs(final char[] c, final int offset, final int length)
    {
        if (1 == length)
        {
            return 'Z' == c[offset] ? 0 : INVALID;
        }
        if (OFFSET_LENGTH != length || ('+' != c[offset] && '-' != c[offset]) || ':' != c[offset + 3])
        {
            return INVALID;
        }

        final int hours = digits(c, offset + 1, 2);
        final int minutes = digits(c, offset + 4, 2);
        if (hours < 0 || minutes < 0 || minutes > 59 || hours * 60 + minutes > MAX_OFFSET_MINUTES)
        {
            return INVALID;
        }
        final long ms = (hours * 60L + minutes) * 60_000L;

        return '-' == c[offset] ? -ms : ms;
    }

    static long daysFromCivil(final int year, final int month, final int day)
    {
        final long y = month <= 2 ? year - 1 : year;
        final long era = Math.floorDiv(y, 400);
        final long yearOfEra = y - era * 400;
        final long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        final long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;

        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int daysInMonth(final int year, final int month)
    {
        if (2 == month)
        {
            final boolean leap = (0 == year % 4 && 0 != year % 100) || 0 == year % 400;
            return leap ? 29 : 28;
        }

        return (4 == month || 6 == month || 9 == month || 11 == month) ? 30 : 31;
    }

    /**
     * @return the value of {@code count} decimal digits or -1 if any is not a digit.
     */
    private static int digits(final char[] c, final int offset, final int count)
    {
        int value = 0;
        for (int i = 0; i < count; i++)
        {
            final char ch = c[offset + i];
            if (ch < '0' || ch > '9')
            {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }

        return value;
    }
}
