package io.firstcall.pipeline;

import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * One tenant's journaled event ids, oldest first, off the heap: a ring of entries and an
 * open-addressing index from key hash to entry, each grown by doubling up to the tenant's cap.
 * <pre>
 *   ring entry (24 B):   [key hash int64][journal position int64][engine time ns int64]
 *   index slot (16 B):   [key hash int64][entry number + 1 int64, 0 = empty]
 * </pre>
 * Entries are numbered from 0 in journal order and entry n lives in ring slot {@code n & mask}, so
 * the oldest is {@link #head} and the newest {@code tail - 1}. Engine time never goes backwards, so
 * expired entries are always at the head. The index has twice the ring's slots (load at most 1/2);
 * of two keys with the same hash it keeps the newer, and deletes by backward shift, so lookups never
 * meet tombstones.
 * <p>
 * While restoring (recovery, a snapshot replica) only the ring is kept and the index is built once
 * at the end ({@link #buildIndex()}): one sequential write per event instead of two random accesses
 * in a table far larger than the cache.
 */
final class TenantIdRing
{
    static final int ENTRY_LENGTH = 24;
    static final int SLOT_LENGTH = 16;
    private static final int INITIAL_CAPACITY = 1024;
    private static final int POSITION_OFFSET = 8;
    private static final int TIME_OFFSET = 16;
    private static final int SORTED_BUILD_MIN = 1 << 18;
    private static final int RADIX_BITS = 11;
    private static final int RADIX_MASK = (1 << RADIX_BITS) - 1;

    private final byte[] tenant;
    private final int maxIds;
    private ByteBuffer ringMemory;
    private final UnsafeBuffer ring = new UnsafeBuffer(0, 0);
    private ByteBuffer indexMemory;
    private final UnsafeBuffer index = new UnsafeBuffer(0, 0);
    private int ringMask;
    private int indexMask;
    private long head;
    private long tail;
    private boolean indexed;
    // While restoring: entries from indexedFrom to indexedTo are in the index already (indexRestored).
    private long indexedFrom = -1;
    private long indexedTo = -1;

    /**
     * @param indexed false while restoring: the index is built by {@link #buildIndex()}.
     */
    TenantIdRing(final byte[] tenant, final int maxIds, final boolean indexed)
    {
        this.tenant = tenant;
        this.maxIds = maxIds;
        this.indexed = indexed;
        allocate(Math.min(INITIAL_CAPACITY, capacityFor(maxIds)));
    }

    byte[] tenant()
    {
        return tenant;
    }

    int size()
    {
        return (int)(tail - head);
    }

    /**
     * @return the newest entry number with this key hash, or -1.
     */
    long find(final long keyHash)
    {
        for (int slot = (int)mix(keyHash) & indexMask; ; slot = (slot + 1) & indexMask)
        {
            final int offset = slot * SLOT_LENGTH;
            final long value = index.getLong(offset + 8);
            if (0 == value)
            {
                return -1;
            }
            if (index.getLong(offset) == keyHash)
            {
                return value - 1;
            }
        }
    }

    long position(final long entry)
    {
        return ring.getLong(ringOffset(entry) + POSITION_OFFSET);
    }

    long timestampNs(final long entry)
    {
        return ring.getLong(ringOffset(entry) + TIME_OFFSET);
    }

    /**
     * Remember a journaled id: first forget what has expired at {@code timestampNs}, then, when the
     * tenant is at its cap, its oldest id.
     *
     * @return 1 when an id still inside the horizon was forgotten to make room, else 0.
     */
    int append(final long keyHash, final long position, final long timestampNs, final long horizonNs)
    {
        while (tail > head && timestampNs - timestampNs(head) >= horizonNs)
        {
            evictHead();
        }
        int early = 0;
        if (tail - head >= maxIds)
        {
            evictHead();
            early = 1;
        }
        if (tail - head > ringMask)
        {
            grow();
        }

        final int offset = ringOffset(tail);
        ring.putLong(offset, keyHash);
        ring.putLong(offset + POSITION_OFFSET, position);
        ring.putLong(offset + TIME_OFFSET, timestampNs);
        if (indexed)
        {
            put(keyHash, tail);
        }
        tail++;
        return early;
    }

    /**
     * Build the index from the ring, oldest first, so that of two keys with the same hash the newer wins.
     */
    void buildIndex()
    {
        if (indexedTo >= 0 && tail - indexedFrom <= ringMask + 1)
        {
            // Only what the restore changed since indexRestored: the evicted entries still hold their hashes.
            for (long entry = indexedFrom; entry < Math.min(head, indexedTo); entry++)
            {
                remove(ring.getLong(ringOffset(entry)), entry);
            }
            for (long entry = Math.max(head, indexedTo); entry < tail; entry++)
            {
                put(ring.getLong(ringOffset(entry)), entry);
            }
            indexedTo = -1;
            indexed = true;
            return;
        }
        indexedTo = -1;
        index.setMemory(0, index.capacity(), (byte)0);
        final int count = (int)(tail - head);
        if (count < SORTED_BUILD_MIN)
        {
            for (long entry = head; entry < tail; entry++)
            {
                put(ring.getLong(ringOffset(entry)), entry);
            }
        }
        else
        {
            buildIndexInSlotOrder(count);
        }
        indexed = true;
    }

    /**
     * While restoring, index the entries held now (a snapshot's), so that {@link #buildIndex()} at the
     * end of the restore only has to add what was appended since and remove what was evicted.
     */
    void indexRestored()
    {
        buildIndex();
        indexed = false;
        indexedFrom = head;
        indexedTo = tail;
    }

    /**
     * Insert the entries in the order of their home slots, so the table, far larger than the cache,
     * is written front to back instead of at random. The sort is stable, so entries with the same
     * hash still go in oldest first and the newest wins.
     */
    private void buildIndexInSlotOrder(final int count)
    {
        // Sort (home slot, entry) keys with the hashes alongside, so neither the ring nor the table is
        // read or written at random: two passes of an 11-bit radix sort, then one sequential insert.
        long[] keys = new long[count];
        long[] hashes = new long[count];
        long[] sortedKeys = new long[count];
        long[] sortedHashes = new long[count];
        for (int i = 0; i < count; i++)
        {
            final long hash = ring.getLong(ringOffset(head + i));
            hashes[i] = hash;
            keys[i] = ((mix(hash) & indexMask) << 32) | i;
        }
        final int[] starts = new int[1 << RADIX_BITS];
        final int slotBits = Integer.SIZE - Integer.numberOfLeadingZeros(indexMask);
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
                sortedKeys[to] = keys[i];
                sortedHashes[to] = hashes[i];
            }
            final long[] swapKeys = keys;
            keys = sortedKeys;
            sortedKeys = swapKeys;
            final long[] swapHashes = hashes;
            hashes = sortedHashes;
            sortedHashes = swapHashes;
        }
        for (int i = 0; i < count; i++)
        {
            put(hashes[i], head + (int)keys[i]);
        }
    }

    /**
     * @return the number of entries still inside the horizon at {@code nowNs}: the ones a snapshot holds.
     */
    int liveCount(final long nowNs, final long horizonNs)
    {
        return (int)(tail - firstLive(nowNs, horizonNs));
    }

    /**
     * @return the journal position of the oldest id still inside the horizon, or {@link Long#MAX_VALUE}.
     */
    long oldestLivePosition(final long nowNs, final long horizonNs)
    {
        final long first = firstLive(nowNs, horizonNs);
        return first < tail ? position(first) : Long.MAX_VALUE;
    }

    /**
     * Write the tenant and its ids still inside the horizon at {@code nowNs}, oldest first, then the
     * index of exactly those ids as a window with the same cap loads them (entries numbered from 0),
     * built as {@link #buildIndex()} builds it: a function of the ids alone, so the bytes are the same
     * however this window was built, and a restart copies the index instead of building it. The index
     * is derived data, left out of the state's digest (and not built for one).
     */
    void writeSnapshot(final SnapshotWriter writer, final long nowNs, final long horizonNs)
    {
        final long first = firstLive(nowNs, horizonNs);
        final int count = (int)(tail - first);
        writer.putInt(tenant.length).putBytes(tenant, 0, tenant.length).putInt(count);
        for (long entry = first; entry < tail; entry++)
        {
            final int offset = ringOffset(entry);
            writer.putLong(ring.getLong(offset))
                .putLong(ring.getLong(offset + POSITION_OFFSET))
                .putLong(ring.getLong(offset + TIME_OFFSET));
        }

        if (!writer.wantsDerived())
        {
            return;
        }
        final TenantIdRing loaded = new TenantIdRing(tenant, maxIds, false);
        try
        {
            loaded.copyEntries(this, first, count);
            loaded.buildIndex();
            final int slots = loaded.indexMask + 1;
            writer.beginDerived().putInt(slots);
            if (ByteOrder.LITTLE_ENDIAN == ByteOrder.nativeOrder())
            {
                writer.putBytes(loaded.index, 0, slots * SLOT_LENGTH);
            }
            else
            {
                for (int offset = 0, end = slots * SLOT_LENGTH; offset < end; offset += Long.BYTES)
                {
                    writer.putLong(loaded.index.getLong(offset));
                }
            }
            writer.endDerived();
        }
        finally
        {
            loaded.close();
        }
    }

    private void copyEntries(final TenantIdRing from, final long first, final int count)
    {
        if (count > ringMask + 1)
        {
            BufferUtil.free(ringMemory);
            allocate(capacityFor(count));
        }
        for (int i = 0; i < count; i++)
        {
            ring.putBytes(i * ENTRY_LENGTH, from.ring, from.ringOffset(first + i), ENTRY_LENGTH);
        }
        tail = count;
    }

    /**
     * Append a snapshot's entries, as {@link #append} would restore them, and take the snapshot's index
     * of them when it fits what was loaded; {@link #buildIndex()} follows and indexes the rest.
     *
     * @param withIndex the snapshot holds an index after the entries (format 2 on).
     * @param sameLimits the snapshot was written by a window with this one's horizon and cap.
     */
    void readEntries(
        final SnapshotReader reader, final int count, final long horizonNs, final boolean withIndex, final boolean sameLimits)
    {
        if (0 != tail || ByteOrder.LITTLE_ENDIAN != ByteOrder.nativeOrder())
        {
            for (int i = 0; i < count; i++)
            {
                final long keyHash = reader.getLong();
                final long position = reader.getLong();
                append(keyHash, position, reader.getLong(), horizonNs);
            }
            skipIndex(reader, withIndex);
            return;
        }
        // Into a new ring, the entries are the snapshot's bytes (little-endian, as the ring): one copy.
        // Appended one by one they would end as the newest maxIds of those within the horizon of the
        // last, which is what is kept here.
        final int skipped = Math.max(0, count - maxIds);
        for (int i = 0; i < skipped; i++)
        {
            reader.getLong();
            reader.getLong();
            reader.getLong();
        }
        final int kept = count - skipped;
        if (kept > ringMask + 1)
        {
            BufferUtil.free(ringMemory);
            allocate(capacityFor(kept));
        }
        reader.getBytes(ring, 0, kept * ENTRY_LENGTH);
        tail = kept;
        if (kept > 0)
        {
            final long lastNs = timestampNs(tail - 1);
            while (tail > head && lastNs - timestampNs(head) >= horizonNs)
            {
                head++;
            }
        }
        if (withIndex && sameLimits && 0 == skipped && 0 == head)
        {
            final int slots = reader.getInt();
            if (slots == indexMask + 1)
            {
                // The index a build would make of these entries: the restore indexes only what follows.
                reader.getBytes(index, 0, slots * SLOT_LENGTH);
                indexedFrom = head;
                indexedTo = tail;
                return;
            }
            reader.skip((long)slots * SLOT_LENGTH);
            return;
        }
        skipIndex(reader, withIndex);
    }

    private static void skipIndex(final SnapshotReader reader, final boolean withIndex)
    {
        if (withIndex)
        {
            reader.skip((long)reader.getCount(Integer.MAX_VALUE) * SLOT_LENGTH);
        }
    }

    void close()
    {
        BufferUtil.free(ringMemory);
        BufferUtil.free(indexMemory);
    }

    private long firstLive(final long nowNs, final long horizonNs)
    {
        long entry = head;
        while (entry < tail && nowNs - timestampNs(entry) >= horizonNs)
        {
            entry++;
        }
        return entry;
    }

    private void evictHead()
    {
        if (indexed)
        {
            remove(ring.getLong(ringOffset(head)), head);
        }
        head++;
    }

    private void put(final long keyHash, final long entry)
    {
        for (int slot = (int)mix(keyHash) & indexMask; ; slot = (slot + 1) & indexMask)
        {
            final int offset = slot * SLOT_LENGTH;
            if (0 == index.getLong(offset + 8) || index.getLong(offset) == keyHash)
            {
                index.putLong(offset, keyHash);
                index.putLong(offset + 8, entry + 1);
                return;
            }
        }
    }

    /**
     * Remove the key's slot if it still names {@code entry} (a newer id with the same hash keeps it),
     * then shift later slots of the probe run back so no lookup stops early.
     */
    private void remove(final long keyHash, final long entry)
    {
        int slot = (int)mix(keyHash) & indexMask;
        while (true)
        {
            final int offset = slot * SLOT_LENGTH;
            final long value = index.getLong(offset + 8);
            if (0 == value)
            {
                return;
            }
            if (index.getLong(offset) == keyHash)
            {
                if (value - 1 != entry)
                {
                    return;
                }
                break;
            }
            slot = (slot + 1) & indexMask;
        }

        int hole = slot;
        for (int next = (hole + 1) & indexMask; ; next = (next + 1) & indexMask)
        {
            final int nextOffset = next * SLOT_LENGTH;
            final long value = index.getLong(nextOffset + 8);
            if (0 == value)
            {
                break;
            }
            final long hash = index.getLong(nextOffset);
            final int home = (int)mix(hash) & indexMask;
            // Move the entry into the hole unless its home lies cyclically in (hole, next].
            if (((next - home) & indexMask) >= ((next - hole) & indexMask))
            {
                final int holeOffset = hole * SLOT_LENGTH;
                index.putLong(holeOffset, hash);
                index.putLong(holeOffset + 8, value);
                hole = next;
            }
        }
        index.putLong(hole * SLOT_LENGTH + 8, 0);
    }

    private void grow()
    {
        final ByteBuffer oldMemory = ringMemory;
        final UnsafeBuffer oldRing = new UnsafeBuffer(oldMemory);
        final int oldMask = ringMask;
        allocate((ringMask + 1) * 2);
        for (long entry = head; entry < tail; entry++)
        {
            ring.putBytes(ringOffset(entry), oldRing, (int)(entry & oldMask) * ENTRY_LENGTH, ENTRY_LENGTH);
        }
        BufferUtil.free(oldMemory);
        // The new table is empty: an index of the loaded entries (indexRestored, or the snapshot's)
        // went with the old one, so the end of the restore must build it whole.
        indexedTo = -1;
        if (indexed)
        {
            buildIndex();
        }
    }

    private void allocate(final int ringCapacity)
    {
        final ByteBuffer oldIndex = indexMemory;
        ringMemory = ByteBuffer.allocateDirect(ringCapacity * ENTRY_LENGTH);
        ring.wrap(ringMemory);
        ringMask = ringCapacity - 1;
        indexMemory = ByteBuffer.allocateDirect(ringCapacity * 2 * SLOT_LENGTH);
        index.wrap(indexMemory);
        indexMask = ringCapacity * 2 - 1;
        if (null != oldIndex)
        {
            BufferUtil.free(oldIndex);
        }
    }

    private int ringOffset(final long entry)
    {
        return (int)(entry & ringMask) * ENTRY_LENGTH;
    }

    private static int capacityFor(final int maxIds)
    {
        return maxIds <= 1 ? 2 : Integer.highestOneBit(maxIds - 1) << 1;
    }

    private static long mix(final long hash)
    {
        // Key hashes are already mixed (InputEnvelope.keyHash); fold the high bits in for small tables.
        return hash ^ (hash >>> 32);
    }
}
