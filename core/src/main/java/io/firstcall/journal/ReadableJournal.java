package io.firstcall.journal;

/**
 * What a journal offers to those who only read it: the audit tools reading a live server's data
 * directory, the engine's own followers. {@link Journal} adds appending; a journal opened with
 * {@link ChronicleJournal#openReadOnly} is only this.
 */
public interface ReadableJournal extends AutoCloseable
{
    /**
     * @return a reader positioned before the first entry.
     */
    JournalReader openReader();

    /**
     * @return true when the journal holds no entry.
     */
    boolean isEmpty();

    /**
     * @return the position of the last entry, or -1 when the journal is empty.
     */
    long lastPosition();

    void close();
}
