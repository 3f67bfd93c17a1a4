package io.firstcall.event;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Utf8Test
{
    @Test
    void shouldAcceptWellFormedTextOfEveryLength()
    {
        final String[] samples = {"", "a", "plain ascii text longer than eight bytes", "Ärger", "€uro", "\uD83D\uDE00 emoji",
            "\u0080\u07FF\u0800\uFFFF\uD800\uDC00\uDBFF\uDFFF", "日本語のテキスト"};
        for (final String sample : samples)
        {
            final byte[] bytes = sample.getBytes(StandardCharsets.UTF_8);
            assertTrue(Utf8.isValid(new UnsafeBuffer(bytes), 0, bytes.length), sample);
        }
    }

    @Test
    void shouldRefuseOverlongSurrogateOutOfRangeAndTruncatedSequences()
    {
        for (final byte[] bad : InputSamples.INVALID_UTF8)
        {
            assertFalse(Utf8.isValid(new UnsafeBuffer(bad), 0, bad.length), hex(bad));
        }
        assertEquals(0, Utf8.firstInvalid(new UnsafeBuffer(new byte[] {(byte)0xC0, (byte)0xAF}), 0, 2));
        final byte[] late = "0123456789\u00e9\u00e9".getBytes(StandardCharsets.UTF_8);
        late[late.length - 1] = 'x';
        assertEquals(12, Utf8.firstInvalid(new UnsafeBuffer(late), 0, late.length));
    }

    /**
     * The short ASCII tail is read eight bytes at a time, past the text when the buffer goes on:
     * only the bytes within the length may count.
     */
    @Test
    void shouldJudgeOnlyTheBytesWithinTheLengthWhateverFollowsThem()
    {
        for (int length = 0; length <= 20; length++)
        {
            final byte[] ascii = new byte[length + 16];
            Arrays.fill(ascii, (byte)0xFF);
            Arrays.fill(ascii, 0, length, (byte)'a');
            assertTrue(Utf8.isValid(new UnsafeBuffer(ascii), 0, length), "ascii of " + length + " before 0xFF");
            assertTrue(Utf8.isValid(new UnsafeBuffer(ascii), 8, Math.max(0, length - 8)), "from offset 8, " + length);

            if (length > 0)
            {
                final byte[] bad = new byte[length + 16];
                Arrays.fill(bad, (byte)'a');
                bad[length - 1] = (byte)0xFF;
                assertEquals(length - 1, Utf8.firstInvalid(new UnsafeBuffer(bad), 0, length), "0xFF last of " + length);
            }
        }
    }

    @Test
    void shouldAgreeWithTheJdkStrictDecoderOnRandomBytes()
    {
        final Random random = new Random(42);
        final byte[] bytes = new byte[24];
        for (int i = 0; i < 200_000; i++)
        {
            final int length = random.nextInt(bytes.length + 1);
            for (int j = 0; j < length; j++)
            {
                // Mostly high bytes, so multi-byte sequences and their faults are common.
                bytes[j] = (byte)(random.nextInt(4) == 0 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x80));
            }
            assertEquals(jdkAccepts(bytes, length), Utf8.isValid(new UnsafeBuffer(bytes), 0, length), hex(bytes, length));
        }
    }

    private static boolean jdkAccepts(final byte[] bytes, final int length)
    {
        try
        {
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(bytes, 0, length));
            return true;
        }
        catch (final CharacterCodingException ex)
        {
            return false;
        }
    }

    private static String hex(final byte[] bytes)
    {
        return hex(bytes, bytes.length);
    }

    private static String hex(final byte[] bytes, final int length)
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++)
        {
            sb.append(String.format("%02X ", bytes[i] & 0xFF));
        }
        return sb.toString().trim();
    }
}
