package io.firstcall.pipeline;

/**
 * Told about each offered event once its fate is settled. Called on the journaling thread, in
 * journal order, and only after the event is in the journal (and msync'd when the sync mode says
 * so). Implementations must not block: hand the answer to the connection's own thread.
 */
public interface AckListener
{
    AckListener NONE = new AckListener()
    {
        public void onJournaled(final long correlationId, final long sequence, final boolean duplicate)
        {
        }

        public void onRejected(final long correlationId, final RejectReason reason)
        {
        }
    };

    /**
     * @param correlationId given when the event was offered.
     * @param sequence      the event's journal sequence; for a duplicate, the original's.
     * @param duplicate     true when the tenant's event id was already journaled.
     */
    void onJournaled(long correlationId, long sequence, boolean duplicate);

    /**
     * The event could not be journaled; nothing about it was acknowledged, so the client may retry.
     */
    void onRejected(long correlationId, RejectReason reason);

    /**
     * Called once per ring batch, after the batch's last acknowledgement (and, on one engine thread,
     * after its outputs): a place to wake the connections' threads once rather than per event.
     */
    default void endOfBatch()
    {
    }

    /**
     * Why the journal did not take an event. Every one means: not acknowledged, send it again.
     */
    enum RejectReason
    {
        /** The append failed; nothing of the event is in the journal. */
        JOURNAL_APPEND_FAILED,
        /** Appended, but the sync the sync mode asks for failed. */
        JOURNAL_SYNC_FAILED,
        /** Refused before the append: the data directory is below its minimum free space. */
        DISK_SPACE_LOW
    }
}
