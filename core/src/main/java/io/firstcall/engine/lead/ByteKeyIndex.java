package io.firstcall.engine.lead;

import io.firstcall.event.Bytes;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps byte-string keys (tenant ids, lead ids, rep ids) to dense int indices without allocating on
 * lookup. A new key takes the lowest free index: 0, 1, 2... in first-seen order while nothing is
 * removed, and after a {@link #remove} the lowest index given back. Which indices are taken is
 * therefore a function of the keys present, not of the order they came and went, so a table
 * rebuilt from a snapshot's live keys ({@link #addAt}) hands out the same indices afterwards as the
 * one that wrote it. Indices are what flat per-key state (arrays indexed by key) and timers name.
 * <p>
 * Laid out for cache misses, since lookups are spread over many keys: an open-addressing table
 * (linear probing) of 32-byte entries {@code [hash][index + 1, length][first 16 bytes of the key]},
 * so a probe for a key of up to 16 bytes (most ids) is confirmed from the entry alone, in one cache
 * line; a longer key is compared with its stored copy as well. Removal shifts the entries after it
 * back (no tombstones), so probe chains stay as short as if the key had never been added. Keys are
 * stored in a {@link BlockArena}, whose freed blocks new keys reuse, so a table whose keys come and go
 * stays as large as its most keys at once.
 */
public final class ByteKeyIndex
{
    public static final int MISSING = -1;
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final int INLINE_BYTES = 16;
    private static final int ENTRY_LONGS = 4;
    private static final long FREE = -1;

    private final BlockArena arena;
    private long[] keys;
    private long[] freeIndices;
    private long[] table;
    private int mask;
    private int size;
    private int limit;
    private int freeCount;
    private int freeWordHint;
    private long probeHash;
    private long probeWord0;
    private long probeWord1;

    public ByteKeyIndex(final int initialCapacity)
    {
        final int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, initialCapacity) - 1) << 2);
        arena = new BlockArena(capacity * 16);
        keys = new long[capacity];
        freeIndices = new long[(capacity + 63) >>> 6];
        table = new long[capacity * 2 * ENTRY_LONGS];
        mask = capacity * 2 - 1;
    }

    /**
     * @return keys present.
     */
    public int size()
    {
        return size;
    }

    /**
     * @return one past the highest index ever handed out: every present key's index is below it.
     */
    public int limit()
    {
        return limit;
    }

    /**
     * @return true when a key holds {@code index}.
     */
    public boolean isLive(final int index)
    {
        return index >= 0 && index < limit && FREE != keys[index];
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
     * @return the key's index, adding it with the lowest free index when new.
     */
    public int getOrAdd(final DirectBuffer buffer, final int offset, final int length)
    {
        final int slot = findSlot(buffer, offset, length);
        final long indexAndLength = table[slot * ENTRY_LONGS + 1];
        if (0 != indexAndLength)
        {
            return (int)(indexAndLength >>> 32) - 1;
        }
        final int index = 0 == freeCount ? limit : lowestFree();
        insert(slot, index, buffer, offset, length);
        return index;
    }

    /**
     * Add a key that is not present at a free index of the caller's choosing: a table rebuilt from a
     * snapshot puts each key back at the index it had.
     *
     * @throws IllegalArgumentException when the index is taken or the key present.
     */
    public void addAt(final int index, final DirectBuffer buffer, final int offset, final int length)
    {
        if (index < 0 || isLive(index))
        {
            throw new IllegalArgumentException("index " + index + " is taken");
        }
        final int slot = findSlot(buffer, offset, length);
        if (0 != table[slot * ENTRY_LONGS + 1])
        {
            throw new IllegalArgumentException("key is present already, at index " + ((table[slot * ENTRY_LONGS + 1] >>> 32) - 1));
        }
        while (limit < index)
        {
            ensureIndexCapacity(limit);
            keys[limit] = FREE;
            markFree(limit++);
        }
        insert(slot, index, buffer, offset, length);
    }

    /**
     * Remove the key at {@code index}; its index is the next one handed out, unless a lower one is free.
     *
     * @throws IllegalArgumentException when no key holds the index.
     */
    public void remove(final int index)
    {
        if (!isLive(index))
        {
            throw new IllegalArgumentException("no key at index " + index);
        }
        final int keyOffset = keyOffset(index);
        final int keyLength = keyLength(index);
        probe(arena.buffer(), keyOffset, keyLength);
        final long[] table = this.table;
        int slot = (int)probeHash & mask;
        while ((int)(table[slot * ENTRY_LONGS + 1] >>> 32) - 1 != index)
        {
            slot = (slot + 1) & mask;
        }
        shiftBack(slot);
        arena.free(keyOffset, BlockArena.blockSize(keyLength));
        keys[index] = FREE;
        markFree(index);
        size--;
    }

    public DirectBuffer keyBuffer()
    {
        return arena.buffer();
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
        return new String(arena.array(), keyOffset(index), keyLength(index), StandardCharsets.UTF_8);
    }

    /**
     * @return the table slot holding the key, or the empty slot where it would go; leaves the probe set.
     */
    private int findSlot(final DirectBuffer buffer, final int offset, final int length)
    {
        probe(buffer, offset, length);
        final long[] table = this.table;
        int slot = (int)probeHash & mask;
        while (true)
        {
            final int entry = slot * ENTRY_LONGS;
            final long indexAndLength = table[entry + 1];
            if (0 == indexAndLength || matches(table, entry, indexAndLength, buffer, offset, length))
            {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Put the probed key at {@code index} in the empty table slot {@code slot}.
     */
    private void insert(final int slot, final int index, final DirectBuffer buffer, final int offset, final int length)
    {
        storeKey(index, buffer, offset, length);
        if (index < limit)
        {
            claimFree(index);
        }
        else
        {
            limit = index + 1;
        }
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
    }

    /**
     * Empty a table slot and move back every entry after it in its run that may move, so no probe
     * chain passes through an empty slot it needs.
     */
    private void shiftBack(final int removed)
    {
        final long[] table = this.table;
        int hole = removed;
        int slot = (removed + 1) & mask;
        while (0 != table[slot * ENTRY_LONGS + 1])
        {
            final int home = (int)table[slot * ENTRY_LONGS] & mask;
            // The entry may fill the hole when the hole lies between its home slot and where it is.
            if (((slot - home) & mask) >= ((slot - hole) & mask))
            {
                System.arraycopy(table, slot * ENTRY_LONGS, table, hole * ENTRY_LONGS, ENTRY_LONGS);
                hole = slot;
            }
            slot = (slot + 1) & mask;
        }
        Arrays.fill(table, hole * ENTRY_LONGS, hole * ENTRY_LONGS + ENTRY_LONGS, 0L);
    }

    private int lowestFree()
    {
        final long[] free = freeIndices;
        int word = freeWordHint;
        while (0 == free[word])
        {
            word++;
        }
        freeWordHint = word;
        return (word << 6) + Long.numberOfTrailingZeros(free[word]);
    }

    private void markFree(final int index)
    {
        final int word = index >>> 6;
        freeIndices[word] |= 1L << index;
        freeCount++;
        freeWordHint = Math.min(freeWordHint, word);
    }

    private void claimFree(final int index)
    {
        freeIndices[index >>> 6] &= ~(1L << index);
        freeCount--;
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
        return Bytes.equal(arena.buffer(), keyOffset + INLINE_BYTES, buffer, offset + INLINE_BYTES, length - INLINE_BYTES);
    }

    private void storeKey(final int index, final DirectBuffer buffer, final int offset, final int length)
    {
        ensureIndexCapacity(index);
        final int keyOffset = arena.allocate(BlockArena.blockSize(length));
        arena.buffer().putBytes(keyOffset, buffer, offset, length);
        keys[index] = ((long)keyOffset << 32) | length;
    }

    private void ensureIndexCapacity(final int index)
    {
        if (index >= keys.length)
        {
            final int capacity = Math.max(keys.length * 2, index + 1);
            keys = Arrays.copyOf(keys, capacity);
            freeIndices = Arrays.copyOf(freeIndices, (capacity + 63) >>> 6);
        }
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
