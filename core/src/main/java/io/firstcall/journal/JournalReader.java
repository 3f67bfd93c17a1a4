package io.firstcall.journal;

/**
 * Reads a {@link Journal} in append order. The buffer handed to the {@link EntryHandler} is only
 * valid during the callback.
 */
public interface JournalReader extends AutoCloseable
{
    /**
     * Read the next entry, if there is one.
     *
     * @return true when an entry was handed to the handler.
     */
    boolean readNext(EntryHandler handler);

    /**
     * Read the entry at a position returned by {@link Journal#append}, without moving this
     * reader's sequential cursor.
     *
     * @return true when the entry exists and was handed to the handler.
     */
    boolean readAt(long position, EntryHandler handler);

    /**
     * Move the sequential cursor just past the entry at {@code position}, so that {@link #readNext}
     * reads the entry after it; -1 moves it before the first entry.
     *
     * @return false when there is no entry at {@code position}; the cursor is then anywhere.
     */
    boolean seekAfter(long position);

    void close();
}
