package io.firstcall.pipeline;

import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One tenant's journaled event ids, oldest first, off the heap: a ring of entries and an
 * {@link IdIndex} from key hash to entry, each grown by doubling up to the tenant's cap.
 * <pre>
 *   ring entry (24 B):   [key hash int64][journal position int64][engine time ns int64]
 * </pre>
 * Entries are numbered from 0 in journal order and entry n lives in ring slot {@code n & mask}, so
 * the oldest is {@link #head} and the newest {@code tail - 1}. Engine time never goes backwards, so
 * expired entries are always at the head. The index has twice the ring's slots (load at most 1/2).
 * <p>
 * While restoring (recovery, a snapshot replica) only the ring is kept and the index is built once
 * at the end ({@link #buildIndex()}): one sequential write per event instead of two random accesses
 * in a table far larger than the cache.
 */
final class TenantIdRing
{
    static final int ENTRY_LENGTH = 24;
    private static final int INITIAL_CAPACITY = 1024;
    private static final int POSITION_OFFSET = 8;
    private static final int TIME_OFFSET = 16;
    private static final int SORTED_BUILD_MIN = 1 << 18;

    private final byte[] tenant;
    private final int maxIds;
    private ByteBuffer ringMemory;
    private final UnsafeBuffer ring = new UnsafeBuffer(0, 0);
    private final IdIndex index = new IdIndex();
    private int ringMask;
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
        return index.find(keyHash);
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
            index.put(keyHash, tail);
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
                index.remove(ring.getLong(ringOffset(entry)), entry);
            }
            for (long entry = Math.max(head, indexedTo); entry < tail; entry++)
            {
                index.put(ring.getLong(ringOffset(entry)), entry);
            }
            indexedTo = -1;
            indexed = true;
            return;
        }
        indexedTo = -1;
        index.clear();
        final int count = (int)(tail - head);
        if (count < SORTED_BUILD_MIN)
        {
            for (long entry = head; entry < tail; entry++)
            {
                index.put(ring.getLong(ringOffset(entry)), entry);
            }
        }
        else
        {
            final long[] hashes = new long[count];
            for (int i = 0; i < count; i++)
            {
                hashes[i] = ring.getLong(ringOffset(head + i));
            }
            index.putAllInSlotOrder(hashes, head);
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
            final int slots = loaded.index.slots();
            writer.beginDerived().putInt(slots);
            if (ByteOrder.LITTLE_ENDIAN == ByteOrder.nativeOrder())
            {
                writer.putBytes(loaded.index.table(), 0, slots * IdIndex.SLOT_LENGTH);
            }
            else
            {
                for (int offset = 0, end = slots * IdIndex.SLOT_LENGTH; offset < end; offset += Long.BYTES)
                {
                    writer.putLong(loaded.index.table().getLong(offset));
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
            if (slots == index.slots())
            {
                // The index a build would make of these entries: the restore indexes only what follows.
                reader.getBytes(index.table(), 0, slots * IdIndex.SLOT_LENGTH);
                indexedFrom = head;
                indexedTo = tail;
                return;
            }
            reader.skip((long)slots * IdIndex.SLOT_LENGTH);
            return;
        }
        skipIndex(reader, withIndex);
    }

    private static void skipIndex(final SnapshotReader reader, final boolean withIndex)
    {
        if (withIndex)
        {
            reader.skip((long)reader.getCount(Integer.MAX_VALUE) * IdIndex.SLOT_LENGTH);
        }
    }

    void close()
    {
        BufferUtil.free(ringMemory);
        index.close();
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
            index.remove(ring.getLong(ringOffset(head)), head);
        }
        head++;
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
        ringMemory = ByteBuffer.allocateDirect(ringCapacity * ENTRY_LENGTH);
        ring.wrap(ringMemory);
        ringMask = ringCapacity - 1;
        index.allocate(ringCapacity * 2);
    }

    private int ringOffset(final long entry)
    {
        return (int)(entry & ringMask) * ENTRY_LENGTH;
    }

    private static int capacityFor(final int maxIds)
    {
        return maxIds <= 1 ? 2 : Integer.highestOneBit(maxIds - 1) << 1;
    }
}
