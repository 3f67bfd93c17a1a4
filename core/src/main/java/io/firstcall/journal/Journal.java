package io.firstcall.journal;

import org.agrona.DirectBuffer;

/**
 * An append-only log of opaque entries. The rest of firstcall sees only this interface; the
 * Chronicle Queue behind it stays an implementation detail ({@link ChronicleJournal}).
 * <p>
 * Exactly one thread appends and syncs (the engine thread that owns the journal); an implementation
 * refuses any other. Readers are opened with {@link #openReader()} and are owned by the thread that
 * reads them.
 */
public interface Journal extends ReadableJournal
{
    /**
     * Append one entry, whole or not at all: when this throws, nothing of the entry is in the journal
     * and a later append may succeed (e.g. once the disk has room again).
     *
     * @return the entry's position: opaque, strictly increasing, usable with {@link JournalReader#readAt}.
     */
    long append(DirectBuffer buffer, int offset, int length);

    /**
     * Force appended entries to the storage device (msync). Appended entries already survive a
     * process crash; this makes them survive a power loss.
     */
    void sync();
}
