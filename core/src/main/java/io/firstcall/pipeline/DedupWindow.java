package io.firstcall.pipeline;

import io.firstcall.event.InputEnvelope;
import io.firstcall.journal.EntryHandler;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;

/**
 * Remembers the (tenant, event id) keys of the last {@code capacity} journaled events, so a
 * retried event is journaled and processed once.
 * <p>
 * Only a 64-bit hash of each key and the journal position of its entry are kept in memory. A hash
 * hit is confirmed by reading the original entry back from the journal and comparing the key
 * bytes, so a hash collision can never swallow a distinct event; that read is off the common path
 * (retries are rare). Eviction is first in, first out.
 * <p>
 * The window survives restarts: recovery hands every journaled key to {@link #restore} and calls
 * {@link #endRestore} once. Restoring only fills the ring of the newest keys, and the table is built
 * from the ring at the end, because a journal of millions of events would otherwise pay a put and
 * an eviction in a table far larger than the cache for each one, only to keep the last
 * {@code capacity} of them.
 */
public final class DedupWindow
{
    private static final long MISSING = -1;

    private final Long2LongHashMap positionByHash;
    private final long[] hashes;
    private final long[] positions;
    private final JournalReader reader;
    private final InputEnvelope original = new InputEnvelope();
    private final EntryHandler confirmHandler = this::onOriginal;
    private int head;
    private int size;
    private InputEnvelope candidate;
    private long originalSequence;
    private boolean confirmed;

    public DedupWindow(final int capacity, final JournalReader reader)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("dedup window must hold at least one id: " + capacity);
        }
        this.positionByHash = new Long2LongHashMap(Math.max(16, capacity * 2), 0.65f, MISSING);
        this.hashes = new long[capacity];
        this.positions = new long[capacity];
        this.reader = reader;
    }

    public int capacity()
    {
        return hashes.length;
    }

    public int size()
    {
        return size;
    }

    /**
     * @return the journal sequence of the event with the same key, or -1 when there is none in the window.
     */
    long findOriginal(final InputEnvelope event, final long keyHash)
    {
        final long position = positionByHash.get(keyHash);
        if (MISSING == position)
        {
            return -1;
        }

        candidate = event;
        confirmed = false;
        reader.readAt(position, confirmHandler);
        candidate = null;
        return confirmed ? originalSequence : -1;
    }

    /**
     * Remember a journaled event's key; evicts the oldest when the window is full.
     */
    public void record(final long keyHash, final long position)
    {
        if (size == hashes.length)
        {
            // One table access in the common case: remove, and put back only if a newer key with
            // the same hash had taken the entry over.
            final long oldHash = hashes[head];
            final long removed = positionByHash.remove(oldHash);
            if (MISSING != removed && removed != positions[head])
            {
                positionByHash.put(oldHash, removed);
            }
        }
        else
        {
            size++;
        }

        hashes[head] = keyHash;
        positions[head] = position;
        positionByHash.put(keyHash, position);
        head = (head + 1) % hashes.length;
    }

    /**
     * Remember a journaled event's key while recovering: the table is not touched until
     * {@link #endRestore}, and {@link #findOriginal} must not be called before it.
     */
    public void restore(final long keyHash, final long position)
    {
        hashes[head] = keyHash;
        positions[head] = position;
        head = (head + 1) % hashes.length;
        if (size < hashes.length)
        {
            size++;
        }
    }

    /**
     * Build the table from the restored ring, oldest key first, so that of two keys with the same
     * hash the newer one's position is kept, as {@link #record} would have left it.
     */
    public void endRestore()
    {
        positionByHash.clear();
        final int capacity = hashes.length;
        final int oldest = size < capacity ? 0 : head;
        for (int i = 0; i < size; i++)
        {
            final int index = (oldest + i) % capacity;
            positionByHash.put(hashes[index], positions[index]);
        }
    }

    private void onOriginal(final DirectBuffer buffer, final int offset, final int length, final long position)
    {
        if (original.wrap(buffer, offset + RecordHeader.LENGTH, length - RecordHeader.LENGTH) && original.sameKey(candidate))
        {
            originalSequence = RecordHeader.sequence(buffer, offset);
            confirmed = true;
        }
    }
}
