package io.firstcall.gateway.json;

import io.firstcall.render.IsoTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class JsonNumbersTest
{
    private static final DateTimeFormatter ISO =
        DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void shouldFormatAndParseLikeJavaTime()
    {
        final Random random = new Random(42);
        final char[] chars = new char[IsoTime.LENGTH];
        final long[] edges = { 0, -1, 951_782_400_000L, 4_107_542_399_999L, IsoTime.MIN_MS,
            IsoTime.MAX_MS };
        for (int i = 0; i < 100_000 + edges.length; i++)
        {
            final long ms = i < edges.length ? edges[i] :
                IsoTime.MIN_MS + Math.floorMod(random.nextLong(), IsoTime.MAX_MS - IsoTime.MIN_MS);
            final String expected = ISO.format(Instant.ofEpochMilli(ms));

            IsoTime.format(ms, chars);
            assertEquals(expected, new String(chars), () -> "ms " + ms);
            assertEquals(ms, JsonNumbers.parseIsoMs(chars, 0, chars.length), expected);
        }
    }

    @Test
    void shouldNotFormatOutsideFourDigitYears()
    {
        assertEquals(JsonNumbers.daysFromCivil(0, 1, 1) * 86_400_000L, IsoTime.MIN_MS);
        assertEquals(JsonNumbers.daysFromCivil(10_000, 1, 1) * 86_400_000L - 1, IsoTime.MAX_MS);
        final char[] chars = new char[IsoTime.LENGTH];
        assertFalse(IsoTime.format(IsoTime.MIN_MS - 1, chars));
        assertFalse(IsoTime.format(IsoTime.MAX_MS + 1, chars));
        assertFalse(IsoTime.format(Long.MIN_VALUE, chars));
    }

    @Test
    void shouldParseCentsExactly()
    {
        assertCents(0, "0");
        assertCents(5, "0.05");
        assertCents(10, "0.1");
        assertCents(123_456, "1234.56");
        assertCents(100_000, "1e3");
        assertCents(100_000, "1E+3");
        assertCents(1, "100e-4");
        assertCents(0, "0e999");
        assertCents(Long.MAX_VALUE, "92233720368547758.07");
        assertCents(JsonNumbers.INVALID, "92233720368547758.08");
        assertCents(JsonNumbers.INVALID, "0.001");
        assertCents(JsonNumbers.INVALID, "1e-3");
        assertCents(JsonNumbers.INVALID, "-1");
        assertCents(JsonNumbers.INVALID, "1e200");
    }

    private static void assertCents(final long expected, final String literal)
    {
        assertEquals(expected, JsonNumbers.parseCents(literal.toCharArray(), 0, literal.length()), literal);
    }
}
