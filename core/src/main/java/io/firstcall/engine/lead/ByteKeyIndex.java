package io.firstcall.engine.lead;

import io.firstcall.event.Bytes;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps byte-string keys (tenant ids, lead ids, rep ids) to dense int indices 0, 1, 2... in
 * first-seen order, without allocating on lookup. Keys are copied once into an arena; the
 * open-addressing table keeps each key's hash beside its index, and a hash match is confirmed by
 * comparing the bytes, so distinct keys never merge. Indices are never removed: they are stable for
 * the life of the engine, which the deterministic replay relies on.
 * <p>
 * Laid out for cache misses, since lookups are spread over many keys: a table entry is 32 bytes,
 * {@code [hash][index + 1, length][first 16 bytes of the key]}, so a probe for a key of up to 16
 * bytes (most ids) is confirmed from the entry alone, in one cache line; a longer key is compared
 * with the arena as well. Reading a key by index ({@link #keyOffset}, {@link #keyLength}) goes
 * through a separate {@code [offset, length]} array into the arena.
 */
public final class ByteKeyIndex
{
    public static final int MISSING = -1;
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final int INLINE_BYTES = 16;
    private static final int ENTRY_LONGS = 4;

    private final UnsafeBuffer arenaView = new UnsafeBuffer(new byte[0]);
    private byte[] arena;
    private int arenaUsed;
    private long[] keys;
    private long[] table;
    private int mask;
    private int size;
    private long probeHash;
    private long probeWord0;
    private long probeWord1;

    public ByteKeyIndex(final int initialCapacity)
    {
        final int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, initialCapacity) - 1) << 2);
        arena = new byte[capacity * 16];
        arenaView.wrap(arena);
        keys = new long[capacity];
        table = new long[capacity * 2 * ENTRY_LONGS];
        mask = capacity * 2 - 1;
    }

    public int size()
    {
        return size;
    }

    /**
     * @return the key's index, or {@link #MISSING}.
     */
    public int get(final DirectBuffer buffer, final int offset, final int length)
    {
        probe(buffer, offset, length);
        final long[] table = this.table;
        for (int slot = (int)probeHash & mask; ; slot = (slot + 1) & mask)
        {
            final int entry = slot * ENTRY_LONGS;
            final long indexAndLength = table[entry + 1];
            if (0 == indexAndLength)
            {
                return MISSING;
            }
            if (matches(table, entry, indexAndLength, buffer, offset, length))
            {
                return (int)(indexAndLength >>> 32) - 1;
            }
        }
    }

    /**
     * @return the key's index, adding it with the next index when new.
     */
    public int getOrAdd(final DirectBuffer buffer, final int offset, final int length)
    {
        probe(buffer, offset, length);
        final long[] table = this.table;
        int slot = (int)probeHash & mask;
        while (true)
        {
            final int entry = slot * ENTRY_LONGS;
            final long indexAndLength = table[entry + 1];
            if (0 == indexAndLength)
            {
                break;
            }
            if (matches(table, entry, indexAndLength, buffer, offset, length))
            {
                return (int)(indexAndLength >>> 32) - 1;
            }
            slot = (slot + 1) & mask;
        }

        final int index = size;
        storeKey(index, buffer, offset, length);
        final int entry = slot * ENTRY_LONGS;
        table[entry] = probeHash;
        table[entry + 1] = ((long)(index + 1) << 32) | length;
        table[entry + 2] = probeWord0;
        table[entry + 3] = probeWord1;
        size++;
        if (size * 2 > mask + 1)
        {
            rehash();
        }
        return index;
    }

    public DirectBuffer keyBuffer()
    {
        return arenaView;
    }

    public int keyOffset(final int index)
    {
        return (int)(keys[index] >>> 32);
    }

    public int keyLength(final int index)
    {
        return (int)keys[index];
    }

    public String keyString(final int index)
    {
        return new String(arena, keyOffset(index), keyLength(index), StandardCharsets.UTF_8);
    }

    /**
     * The probed key's hash and its first 16 bytes as two little-endian words, zero-padded, in one pass.
     */
    private void probe(final DirectBuffer buffer, final int offset, final int length)
    {
        long h = SEED;
        long word0 = 0;
        long word1 = 0;
        for (int i = 0; i < length; i++)
        {
            final long b = buffer.getByte(offset + i) & 0xFF;
            h = Bytes.hashStep(h, b);
            if (i < Long.BYTES)
            {
                word0 |= b << (i << 3);
            }
            else if (i < INLINE_BYTES)
            {
                word1 |= b << ((i - Long.BYTES) << 3);
            }
        }
        probeHash = Bytes.mix(h);
        probeWord0 = word0;
        probeWord1 = word1;
    }

    private boolean matches(
        final long[] table, final int entry, final long indexAndLength, final DirectBuffer buffer, final int offset,
        final int length)
    {
        if (table[entry] != probeHash || (int)indexAndLength != length ||
            table[entry + 2] != probeWord0 || table[entry + 3] != probeWord1)
        {
            return false;
        }
        if (length <= INLINE_BYTES)
        {
            return true;
        }
        final int keyOffset = keyOffset((int)(indexAndLength >>> 32) - 1);
        return Bytes.equal(arenaView, keyOffset + INLINE_BYTES, buffer, offset + INLINE_BYTES, length - INLINE_BYTES);
    }

    private void storeKey(final int index, final DirectBuffer buffer, final int offset, final int length)
    {
        if (index == keys.length)
        {
            keys = Arrays.copyOf(keys, index * 2);
        }
        if (arenaUsed + length > arena.length)
        {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + length));
            arenaView.wrap(arena);
        }
        buffer.getBytes(offset, arena, arenaUsed, length);
        keys[index] = ((long)arenaUsed << 32) | length;
        arenaUsed += length;
    }

    private void rehash()
    {
        final long[] old = table;
        table = new long[old.length * 2];
        mask = (table.length / ENTRY_LONGS) - 1;
        for (int i = 0; i < old.length; i += ENTRY_LONGS)
        {
            if (0 != old[i + 1])
            {
                int slot = (int)old[i] & mask;
                while (0 != table[slot * ENTRY_LONGS + 1])
                {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(old, i, table, slot * ENTRY_LONGS, ENTRY_LONGS);
            }
        }
    }
}
