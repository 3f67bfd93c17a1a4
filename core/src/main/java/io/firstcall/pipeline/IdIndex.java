package io.firstcall.pipeline;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A {@link TenantIdRing}'s index, off the heap: an open-addressing table from key hash to the newest
 * entry number with that hash, with linear probing and deletion by backward shift, so lookups never
 * meet tombstones.
 * <pre>
 *   slot (16 B): [key hash int64][entry number + 1 int64, 0 = empty]
 * </pre>
 */
final class IdIndex
{
    static final int SLOT_LENGTH = 16;
    private static final int RADIX_BITS = 11;
    private static final int RADIX_MASK = (1 << RADIX_BITS) - 1;

    private final UnsafeBuffer table = new UnsafeBuffer(0, 0);
    private ByteBuffer memory;
    private int mask;

    /**
     * Replace the table with an empty one of {@code slots} slots, a power of two.
     */
    void allocate(final int slots)
    {
        final ByteBuffer old = memory;
        memory = ByteBuffer.allocateDirect(slots * SLOT_LENGTH);
        table.wrap(memory);
        mask = slots - 1;
        if (null != old)
        {
            BufferUtil.free(old);
        }
    }

    int slots()
    {
        return mask + 1;
    }

    /**
     * @return the table's bytes, {@link #slots()} times {@link #SLOT_LENGTH}: what a snapshot holds.
     */
    UnsafeBuffer table()
    {
        return table;
    }

    void clear()
    {
        table.setMemory(0, table.capacity(), (byte)0);
    }

    /**
     * @return the newest entry number with this key hash, or -1.
     */
    long find(final long keyHash)
    {
        for (int slot = (int)mix(keyHash) & mask; ; slot = (slot + 1) & mask)
        {
            final int offset = slot * SLOT_LENGTH;
            final long value = table.getLong(offset + 8);
            if (0 == value)
            {
                return -1;
            }
            if (table.getLong(offset) == keyHash)
            {
                return value - 1;
            }
        }
    }

    /**
     * Map the hash to {@code entry}, replacing an older entry with the same hash.
     */
    void put(final long keyHash, final long entry)
    {
        for (int slot = (int)mix(keyHash) & mask; ; slot = (slot + 1) & mask)
        {
            final int offset = slot * SLOT_LENGTH;
            if (0 == table.getLong(offset + 8) || table.getLong(offset) == keyHash)
            {
                table.putLong(offset, keyHash);
                table.putLong(offset + 8, entry + 1);
                return;
            }
        }
    }

    /**
     * Remove the key's slot if it still names {@code entry} (a newer id with the same hash keeps it),
     * then shift later slots of the probe run back so no lookup stops early.
     */
    void remove(final long keyHash, final long entry)
    {
        int slot = (int)mix(keyHash) & mask;
        while (true)
        {
            final int offset = slot * SLOT_LENGTH;
            final long value = table.getLong(offset + 8);
            if (0 == value)
            {
                return;
            }
            if (table.getLong(offset) == keyHash)
            {
                if (value - 1 != entry)
                {
                    return;
                }
                break;
            }
            slot = (slot + 1) & mask;
        }

        int hole = slot;
        for (int next = (hole + 1) & mask; ; next = (next + 1) & mask)
        {
            final int nextOffset = next * SLOT_LENGTH;
            final long value = table.getLong(nextOffset + 8);
            if (0 == value)
            {
                break;
            }
            final long hash = table.getLong(nextOffset);
            final int home = (int)mix(hash) & mask;
            // Move the entry into the hole unless its home lies cyclically in (hole, next].
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                final int holeOffset = hole * SLOT_LENGTH;
                table.putLong(holeOffset, hash);
                table.putLong(holeOffset + 8, value);
                hole = next;
            }
        }
        table.putLong(hole * SLOT_LENGTH + 8, 0);
    }

    /**
     * Put {@code hashes[i]} as entry {@code firstEntry + i}, for every i, in the order of their home
     * slots, so the table, far larger than the cache, is written front to back instead of at random.
     * The sort is stable, so entries with the same hash still go in oldest first and the newest wins.
     */
    void putAllInSlotOrder(final long[] hashes, final long firstEntry)
    {
        // Sort (home slot, entry) keys with the hashes alongside, so neither the hashes nor the table
        // are read or written at random: passes of an 11-bit radix sort, then one sequential insert.
        final int count = hashes.length;
        long[] keys = new long[count];
        long[] sortedHashes = hashes;
        long[] otherKeys = new long[count];
        long[] otherHashes = new long[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = ((mix(hashes[i]) & mask) << 32) | i;
        }
        final int[] starts = new int[1 << RADIX_BITS];
        final int slotBits = Integer.SIZE - Integer.numberOfLeadingZeros(mask);
        for (int shift = 32; shift < 32 + slotBits; shift += RADIX_BITS)
        {
            Arrays.fill(starts, 0);
            for (int i = 0; i < count; i++)
            {
                starts[(int)(keys[i] >>> shift) & RADIX_MASK]++;
            }
            int start = 0;
            for (int digit = 0; digit < starts.length; digit++)
            {
                final int digitCount = starts[digit];
                starts[digit] = start;
                start += digitCount;
            }
            for (int i = 0; i < count; i++)
            {
                final int to = starts[(int)(keys[i] >>> shift) & RADIX_MASK]++;
                otherKeys[to] = keys[i];
                otherHashes[to] = sortedHashes[i];
            }
            final long[] swapKeys = keys;
            keys = otherKeys;
            otherKeys = swapKeys;
            final long[] swapHashes = sortedHashes;
            sortedHashes = otherHashes;
            otherHashes = swapHashes;
        }
        for (int i = 0; i < count; i++)
        {
            put(sortedHashes[i], firstEntry + (int)keys[i]);
        }
    }

    void close()
    {
        BufferUtil.free(memory);
    }

    private static long mix(final long hash)
    {
        // Key hashes are already mixed (InputEnvelope.keyHash); fold the high bits in for small tables.
        return hash ^ (hash >>> 32);
    }
}
