package io.firstcall.gateway.json;

import io.firstcall.render.IsoTime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
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
    void shouldParseTimesWithOffsetsToTheSameInstantAsJavaTime()
    {
        final Random random = new Random(7);
        final DateTimeFormatter withOffset = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx");
        for (int i = 0; i < 100_000; i++)
        {
            final long ms = IsoTime.MIN_MS + 86_400_000L +
                Math.floorMod(random.nextLong(), IsoTime.MAX_MS - IsoTime.MIN_MS - 2 * 86_400_000L);
            final ZoneOffset zone = ZoneOffset.ofTotalSeconds(60 * (random.nextInt(2 * 18 * 60 + 1) - 18 * 60));
            final String text = withOffset.format(Instant.ofEpochMilli(ms).atOffset(zone));

            final long expected = OffsetDateTime.parse(text).toInstant().toEpochMilli();
            assertEquals(ms, expected, text);
            assertEquals(expected, parse(text), text);
        }
    }

    @Test
    void shouldParseOffsetsAtTheirBounds()
    {
        final long utc = parse("2026-11-27T08:15:30Z");
        assertEquals(utc, parse("2026-11-27T10:15:30+02:00"));
        assertEquals(utc, parse("2026-11-27T03:15:30-05:00"));
        assertEquals(utc, parse("2026-11-27T08:15:30+00:00"));
        assertEquals(utc, parse("2026-11-27T08:15:30-00:00"));
        assertEquals(utc, parse("2026-11-27T13:45:30+05:30"));
        assertEquals(utc + 123, parse("2026-11-27T10:15:30.123456789+02:00"));
        assertEquals(utc, parse("2026-11-28T02:15:30+18:00"));
        assertEquals(utc, parse("2026-11-26T14:15:30-18:00"));
        assertEquals(0, parse("1970-01-01T01:00:00+01:00"));
    }

    @Test
    void shouldRejectMalformedOffsets()
    {
        for (final String text : new String[]{
            "2026-11-27T10:15:30+2:00", "2026-11-27T10:15:30+02", "2026-11-27T10:15:30+0200",
            "2026-11-27T10:15:30+18:01", "2026-11-27T10:15:30+19:00", "2026-11-27T10:15:30+02:60",
            "2026-11-27T10:15:30 02:00", "2026-11-27T10:15:30*02:00", "2026-11-27T10:15:30+02:00Z",
            "2026-11-27T10:15:30Z+02:00", "2026-11-27T10:15:30.+02:00", "2026-11-27T10:15:30.1234567890+02:00",
            "2026-11-27T10:15:30+02:0a", "2026-11-27T10:15:30", "2026-11-27T10:15:30z" })
        {
            assertEquals(JsonNumbers.INVALID, parse(text), text);
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

    private static long parse(final String text)
    {
        final char[] padded = ("xx" + text + "yy").toCharArray();
        return JsonNumbers.parseIsoMs(padded, 2, text.length());
    }

    private static void assertCents(final long expected, final String literal)
    {
        assertEquals(expected, JsonNumbers.parseCents(literal.toCharArray(), 0, literal.length()), literal);
    }
}
