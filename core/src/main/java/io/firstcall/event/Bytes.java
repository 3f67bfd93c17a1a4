package io.firstcall.event;

import org.agrona.DirectBuffer;

/**
 * Allocation-free helpers for byte strings held in buffers: comparison and a stable hash. The
 * hash must never change between versions: journals are replayed by later builds.
 */
public final class Bytes
{
    public static final long HASH_SEED = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Bytes()
    {
    }

    public static boolean equal(
        final DirectBuffer a, final int aOffset, final DirectBuffer b, final int bOffset, final int length)
    {
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES)
        {
            if (a.getLong(aOffset + i) != b.getLong(bOffset + i))
            {
                return false;
            }
        }
        for (; i < length; i++)
        {
            if (a.getByte(aOffset + i) != b.getByte(bOffset + i))
            {
                return false;
            }
        }
        return true;
    }

    public static boolean equal(
        final DirectBuffer a, final int aOffset, final int aLength, final byte[] b, final int bLength)
    {
        if (aLength != bLength)
        {
            return false;
        }
        for (int i = 0; i < aLength; i++)
        {
            if (a.getByte(aOffset + i) != b[i])
            {
                return false;
            }
        }
        return true;
    }

    /**
     * FNV-1a over the bytes, continuing from {@code hash}.
     */
    public static long hash(final long hash, final DirectBuffer buffer, final int offset, final int length)
    {
        long h = hash;
        for (int i = 0; i < length; i++)
        {
            h = hashStep(h, buffer.getByte(offset + i) & 0xFF);
        }
        return h;
    }

    /**
     * One byte of FNV-1a, for callers that read the bytes themselves.
     */
    public static long hashStep(final long hash, final long unsignedByte)
    {
        return (hash ^ unsignedByte) * FNV_PRIME;
    }

    public static long hash(final long hash, final byte[] bytes, final int length)
    {
        long h = hash;
        for (int i = 0; i < length; i++)
        {
            h ^= bytes[i] & 0xFF;
            h *= FNV_PRIME;
        }
        return h;
    }

    /**
     * Final avalanche (MurmurHash3 fmix64) so that low bits are usable as table indices.
     */
    public static long mix(final long hash)
    {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
