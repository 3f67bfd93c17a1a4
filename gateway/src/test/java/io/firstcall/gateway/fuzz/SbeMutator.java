package io.firstcall.gateway.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Breaks valid SBE input messages the ways a buggy or hostile client would: bit flips and stray bytes,
 * cuts at field boundaries, lying length prefixes (the frame's, a text's, the block's), versions,
 * schema and template ids, enum values out of range, invalid and overlong UTF-8, texts over their
 * bounds or empty, trailing bytes, another tenant, extreme fixed values, garbage, and the engine's own
 * templates. Whether the result is still valid is the oracle's business, not this class's.
 */
final class SbeMutator
{
    /** Invalid UTF-8: overlong '/', overlong NUL, encoded surrogates, above U+10FFFF, 5-byte form, cut, stray. */
    private static final byte[][] BAD_UTF8 = {
        {(byte)0xC0, (byte)0xAF}, {(byte)0xC0, (byte)0x80}, {(byte)0xE0, (byte)0x80, (byte)0xAF},
        {(byte)0xED, (byte)0xA0, (byte)0x80}, {(byte)0xED, (byte)0xBF, (byte)0xBF},
        {(byte)0xF4, (byte)0x90, (byte)0x80, (byte)0x80},
        {(byte)0xF8, (byte)0x88, (byte)0x80, (byte)0x80, (byte)0x80}, {'a', (byte)0xE2, (byte)0x82}, {(byte)0x80},
        {(byte)0xFF}, {(byte)0xC3, 'x'}, {(byte)0xF0, (byte)0x9F, (byte)0x98}};
    private static final long[] EXTREMES = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, Integer.MIN_VALUE, Integer.MAX_VALUE,
        -2, 1L << 53};

    /** Of the broken inputs, how many per mille close the connection (or may): each costs a reconnect. */
    private static final int CLOSING_PER_MILLE = 15;

    private final int maxFrameBytes;

    SbeMutator(final int maxFrameBytes)
    {
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * @param valid a valid message (header included) for the connection's tenant.
     * @param otherTenant a tenant that is not the connection's.
     */
    Unit mutate(final byte[] valid, final String otherTenant, final SplittableRandom random)
    {
        return random.nextInt(1000) < CLOSING_PER_MILLE ? closing(valid, random) : answered(valid, otherTenant, random);
    }

    /**
     * Faults past the envelope, answered with the connection kept open, or no fault at all.
     */
    private Unit answered(final byte[] valid, final String otherTenant, final SplittableRandom random)
    {
        final int pick = random.nextInt(100);
        final int[] texts = SbeBytes.textOffsets(valid);
        final int eventIdEnd = texts[2];
        if (pick < 12)
        {
            return framed(flipBits(valid, eventIdEnd, 1 + random.nextInt(4), random), "sbe:bit-flips");
        }
        if (pick < 17)
        {
            final byte[] m = valid.clone();
            m[eventIdEnd + random.nextInt(m.length - eventIdEnd)] = strayByte(random);
            return framed(m, "sbe:stray-byte");
        }
        if (pick < 29)
        {
            final int cut = eventIdEnd + random.nextInt(valid.length - eventIdEnd);
            return framed(Arrays.copyOf(valid, Math.max(eventIdEnd, boundary(valid, texts, cut, random))), "sbe:truncated");
        }
        if (pick < 35)
        {
            final int index = 2 + random.nextInt(texts.length - 3);
            final byte[] m = valid.clone();
            m[texts[index]] = (byte)random.nextInt(256);
            return framed(m, "sbe:text-length-lie");
        }
        if (pick < 40)
        {
            return framed(blockLength(valid, random), "sbe:block-length");
        }
        if (pick < 44)
        {
            final int version = random.nextInt(3) == 0 ? random.nextInt(3) : 3 + random.nextInt(65_533);
            return framed(SbeBytes.withU16(valid, 6, version), "sbe:version");
        }
        if (pick < 48)
        {
            final int templateId = new int[] {13, 14, 1 + random.nextInt(12)}[random.nextInt(3)];
            return framed(SbeBytes.withU16(valid, 2, templateId), "sbe:template-id");
        }
        if (pick < 53)
        {
            return framed(enumValue(valid, random), "sbe:enum");
        }
        if (pick < 61)
        {
            final int index = 1 + random.nextInt(texts.length - 2);
            final byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
            final byte[] good = SbeBytes.text(valid, index);
            final byte[] text = SbeBytes.insert(good, random.nextInt(1 + good.length), bad);
            return framed(SbeBytes.withText(valid, index, Arrays.copyOf(text, Math.min(255, text.length))), "sbe:bad-utf8");
        }
        if (pick < 68)
        {
            final int index = 1 + random.nextInt(texts.length - 2);
            final InputLayout.Text text = InputLayout.template(SbeBytes.templateId(valid)).texts().get(index);
            final int length = text.minBytes() > 0 && random.nextInt(3) == 0 ? 0 :
                Math.min(255, text.maxBytes() + 1 + random.nextInt(4));
            final byte[] bytes = new byte[length];
            Arrays.fill(bytes, (byte)'x');
            if (length > 2 && random.nextBoolean())
            {
                bytes[length - 2] = (byte)0xC3;
                bytes[length - 1] = (byte)0xA9;
            }
            return framed(SbeBytes.withText(valid, index, bytes), "sbe:text-bounds");
        }
        if (pick < 71)
        {
            final byte[] extra = new byte[1 + random.nextInt(20)];
            random.nextBytes(extra);
            return framed(SbeBytes.insert(valid, valid.length, extra), "sbe:trailing");
        }
        if (pick < 76)
        {
            final String tenant = random.nextBoolean() ? otherTenant :
                new String[] {"ACME", "acme ", "", "x".repeat(40)}[random.nextInt(4)];
            return framed(SbeBytes.withText(valid, 0, tenant.getBytes(StandardCharsets.UTF_8)), "sbe:wrong-tenant");
        }
        if (pick < 86)
        {
            return framed(extremeFixed(valid, random), "sbe:extreme-fixed");
        }
        if (pick < 90)
        {
            return framed(engineTemplate(valid, random), "sbe:engine-template");
        }
        if (pick < 95)
        {
            return new Unit(SbeBytes.frame(new byte[0]), "sbe:keepalive");
        }
        final byte[] sized = new byte[maxFrameBytes - random.nextInt(2)];
        System.arraycopy(valid, 0, sized, 0, valid.length);
        return new Unit(SbeBytes.frame(sized), "sbe:frame-at-limit");
    }

    /**
     * Damage to the envelope or the framing, which closes the connection (or may).
     */
    private Unit closing(final byte[] valid, final SplittableRandom random)
    {
        final int[] texts = SbeBytes.textOffsets(valid);
        switch (random.nextInt(8))
        {
            case 0:
                return framed(flipBits(valid, 0, 1 + random.nextInt(4), random), "sbe:bit-flips-anywhere");
            case 1:
            {
                final byte[] m = valid.clone();
                m[random.nextInt(texts[2])] = strayByte(random);
                return framed(m, "sbe:envelope-byte");
            }
            case 2:
                final int cut = boundary(valid, texts, random.nextInt(texts[2]), random);
                return framed(Arrays.copyOf(valid, cut), "sbe:envelope-cut");
            case 3:
            {
                final byte[] garbage = new byte[random.nextInt(300)];
                random.nextBytes(garbage);
                return framed(garbage, "sbe:garbage");
            }
            case 4:
            {
                final byte[] m = SbeBytes.withU16(valid, 2, new int[] {0, 15, 101, 107, 65_535}[random.nextInt(5)]);
                return framed(random.nextBoolean() ? SbeBytes.withU16(m, 4, random.nextInt(65_536)) : m, "sbe:not-an-input");
            }
            case 5:
                return framed(SbeBytes.withU16(valid, 0, random.nextBoolean() ? random.nextInt(16) : random.nextInt(65_536)),
                    "sbe:block-length-lie");
            default:
                return prefixLie(valid, random);
        }
    }

    static Unit framed(final byte[] body, final String kind)
    {
        return new Unit(SbeBytes.frame(body), kind);
    }

    /**
     * @return the message with bits flipped at or after {@code from}, or in the fixed block.
     */
    private static byte[] flipBits(final byte[] message, final int from, final int flips, final SplittableRandom random)
    {
        final byte[] m = message.clone();
        for (int i = 0; i < flips; i++)
        {
            final int start = 0 == from || random.nextBoolean() ? from : InputLayout.HEADER_LENGTH;
            final int end = 0 == from || start == from ? m.length : InputLayout.HEADER_LENGTH + SbeBytes.blockLength(m);
            final int bit = start * 8 + random.nextInt((end - start) * 8);
            m[bit >>> 3] ^= (byte)(1 << (bit & 7));
        }
        return m;
    }

    /**
     * @return a cut near {@code cut}: often exactly at a field boundary (or one byte either side).
     */
    private static int boundary(final byte[] message, final int[] texts, final int cut, final SplittableRandom random)
    {
        if (random.nextInt(3) == 0)
        {
            return cut;
        }
        int nearest = texts[texts.length - 1] - 1;
        for (final int offset : new int[] {2, 4, 6, 8, 16, 24})
        {
            if (offset >= cut && offset < nearest)
            {
                nearest = offset;
            }
        }
        for (int i = 0; i < texts.length - 1; i++)
        {
            if (texts[i] >= cut && texts[i] < nearest)
            {
                nearest = texts[i] + random.nextInt(2);
            }
        }
        return Math.max(0, Math.min(message.length - 1, nearest + random.nextInt(3) - 1));
    }

    private static byte[] blockLength(final byte[] valid, final SplittableRandom random)
    {
        final int declared = SbeBytes.blockLength(valid);
        switch (random.nextInt(5))
        {
            case 0:
                // A longer block with its extra bytes present: SBE's extension rule, valid.
                final int extra = 1 + random.nextInt(16);
                final byte[] padding = new byte[extra];
                random.nextBytes(padding);
                final byte[] extended = SbeBytes.insert(valid, InputLayout.HEADER_LENGTH + declared, padding);
                return SbeBytes.withU16(extended, 0, declared + extra);
            case 1:
                return SbeBytes.withU16(valid, 0, random.nextInt(InputLayout.MIN_BLOCK_LENGTH));
            case 2:
                return SbeBytes.withU16(valid, 0, InputLayout.MIN_BLOCK_LENGTH + random.nextInt(Math.max(1, declared - 15)));
            case 3:
                return SbeBytes.withU16(valid, 0, declared + 1 + random.nextInt(8));
            default:
                return SbeBytes.withU16(valid, 0, random.nextInt(65_536));
        }
    }

    private static byte[] templateId(final byte[] valid, final SplittableRandom random)
    {
        final int[] ids = {0, 15, 101, 107, 65_535, 13, 14, 1 + random.nextInt(12)};
        final byte[] m = SbeBytes.withU16(valid, 2, ids[random.nextInt(ids.length)]);
        return random.nextInt(8) == 0 ? SbeBytes.withU16(m, 4, random.nextInt(65_536)) : m;
    }

    private static byte[] enumValue(final byte[] valid, final SplittableRandom random)
    {
        final InputLayout.Template template = InputLayout.template(SbeBytes.templateId(valid));
        final byte[] m = valid.clone();
        for (final InputLayout.Fixed fixed : template.fixed())
        {
            if (fixed.enumValues() > 0)
            {
                final int value = random.nextBoolean() ? fixed.enumValues() + random.nextInt(3) : random.nextInt(256);
                m[InputLayout.HEADER_LENGTH + fixed.offset()] = (byte)value;
                return m;
            }
        }
        // No enum here: then the one-byte enum of another template lands at the same offset.
        return SbeBytes.withU16(m, 2, new int[] {6, 7, 10}[random.nextInt(3)]);
    }

    private static byte[] extremeFixed(final byte[] valid, final SplittableRandom random)
    {
        final InputLayout.Template template = InputLayout.template(SbeBytes.templateId(valid));
        final ByteBuffer m = ByteBuffer.wrap(valid.clone()).order(ByteOrder.LITTLE_ENDIAN);
        final int h = InputLayout.HEADER_LENGTH;
        m.putLong(h, EXTREMES[random.nextInt(EXTREMES.length)]);
        for (final InputLayout.Fixed fixed : template.fixed())
        {
            final long value = EXTREMES[random.nextInt(EXTREMES.length)];
            if (8 == fixed.size())
            {
                m.putLong(h + fixed.offset(), value);
            }
            else if (4 == fixed.size())
            {
                m.putInt(h + fixed.offset(), (int)value);
            }
        }
        return m.array();
    }

    private static byte strayByte(final SplittableRandom random)
    {
        return (byte)(random.nextBoolean() ? random.nextInt(256) : new int[] {0, 0xFF, 0x7F, 0x80}[random.nextInt(4)]);
    }

    private Unit prefixLie(final byte[] valid, final SplittableRandom random)
    {
        switch (random.nextInt(4))
        {
            case 0:
                final int shorter = valid.length - 1 - random.nextInt(Math.min(valid.length, 12));
                return new Unit(SbeBytes.frame(valid, shorter), "sbe:prefix-short");
            case 1:
                return new Unit(SbeBytes.frame(valid, valid.length + 1 + random.nextInt(40)), "sbe:prefix-long");
            case 2:
                final long tooLong = maxFrameBytes + 1L + random.nextInt(1 << 20);
                return new Unit(SbeBytes.frame(new byte[0], tooLong), "sbe:prefix-too-long");
            default:
                return new Unit(SbeBytes.frame(new byte[0], 0xFFFF_FFFFL), "sbe:prefix-max");
        }
    }

    private static byte[] engineTemplate(final byte[] valid, final SplittableRandom random)
    {
        final byte[] tenant = SbeBytes.text(valid, 0);
        final byte[] eventId = SbeBytes.text(valid, 1);
        final byte[] block = new byte[random.nextBoolean() ? 24 : 16];
        final List<byte[]> texts = block.length == 24 ?
            List.of(tenant, eventId, "tenant: acme\n".getBytes(StandardCharsets.UTF_8)) : List.of(new byte[0], new byte[0]);
        return SbeBytes.message(block.length, block.length == 24 ? InputLayout.CONFIG : InputLayout.TICK,
            InputLayout.SCHEMA_ID, InputLayout.SCHEMA_VERSION, block, texts);
    }
}
