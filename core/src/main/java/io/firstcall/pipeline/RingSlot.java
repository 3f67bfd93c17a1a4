package io.firstcall.pipeline;

import io.firstcall.journal.RecordHeader;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A preallocated ring entry. Its buffer holds the journal record exactly as it will be appended:
 * {@link RecordHeader} space first, then the SBE message, so journaling is one append with no copy.
 */
final class RingSlot
{
    static final int NEW = 0;
    static final int JOURNALED = 1;
    static final int DUPLICATE = 2;
    static final int FAILED = 3;

    private final UnsafeBuffer buffer;
    private int messageLength;
    private long correlationId;
    private long receivedNs;
    private long journaledNs;
    private long decidedNs;
    private boolean alerted;
    private long sequence;
    private long timestampNs;
    private int state;
    private AckListener.RejectReason rejectReason;

    RingSlot(final int maxMessageLength)
    {
        buffer = new UnsafeBuffer(new byte[RecordHeader.LENGTH + maxMessageLength]);
    }

    UnsafeBuffer buffer()
    {
        return buffer;
    }

    int maxMessageLength()
    {
        return buffer.capacity() - RecordHeader.LENGTH;
    }

    int messageLength()
    {
        return messageLength;
    }

    int recordLength()
    {
        return RecordHeader.LENGTH + messageLength;
    }

    long correlationId()
    {
        return correlationId;
    }

    long receivedNs()
    {
        return receivedNs;
    }

    long journaledNs()
    {
        return journaledNs;
    }

    /**
     * @return when the state machine took the event, on the engine's clock.
     */
    long decidedNs()
    {
        return decidedNs;
    }

    long sequence()
    {
        return sequence;
    }

    long timestampNs()
    {
        return timestampNs;
    }

    int state()
    {
        return state;
    }

    void reset(final int messageLength, final long correlationId, final long receivedNs)
    {
        this.messageLength = messageLength;
        this.correlationId = correlationId;
        this.receivedNs = receivedNs;
        this.journaledNs = 0;
        this.decidedNs = 0;
        this.alerted = false;
        this.sequence = -1;
        this.timestampNs = 0;
        this.state = NEW;
        this.rejectReason = null;
    }

    void journaled(final long sequence, final long timestampNs, final long journaledNs)
    {
        this.sequence = sequence;
        this.timestampNs = timestampNs;
        this.journaledNs = journaledNs;
        this.state = JOURNALED;
    }

    void decided(final long decidedNs)
    {
        this.decidedNs = decidedNs;
    }

    /**
     * Its outputs include an alert to a rep.
     */
    void alerted(final boolean alerted)
    {
        this.alerted = alerted;
    }

    boolean alerted()
    {
        return alerted;
    }

    void duplicateOf(final long originalSequence)
    {
        this.sequence = originalSequence;
        this.state = DUPLICATE;
    }

    /**
     * @return why a {@link #FAILED} slot was refused.
     */
    AckListener.RejectReason rejectReason()
    {
        return rejectReason;
    }

    void failed(final AckListener.RejectReason reason)
    {
        this.state = FAILED;
        this.rejectReason = reason;
    }
}
