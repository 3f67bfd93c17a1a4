package io.firstcall.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.firstcall.journal.RecordHeader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The way into the engine for any thread (Netty I/O threads, the tick source, tests): copies one
 * encoded input message into a preallocated ring slot. Never blocks: a full ring is refused and
 * counted, and the caller applies back-pressure (stops reading its socket) and retries.
 */
public final class IngestPublisher
{
    private final RingBuffer<RingSlot> ringBuffer;
    private final AtomicCounter receivedCounter;
    private final AtomicCounter ringFullCounter;
    private final int maxMessageLength;

    IngestPublisher(
        final RingBuffer<RingSlot> ringBuffer,
        final int maxMessageLength,
        final AtomicCounter receivedCounter,
        final AtomicCounter ringFullCounter)
    {
        this.ringBuffer = ringBuffer;
        this.maxMessageLength = maxMessageLength;
        this.receivedCounter = receivedCounter;
        this.ringFullCounter = ringFullCounter;
    }

    /**
     * @return the largest SBE message a slot holds.
     */
    public int maxMessageLength()
    {
        return maxMessageLength;
    }

    /**
     * Offer one SBE-encoded input message.
     *
     * @param correlationId handed back to the {@link AckListener} with the outcome.
     * @param receivedNs    when the gateway received it, epoch ns (for stage latencies).
     * @return false when the ring is full; nothing was taken.
     * @throws IllegalArgumentException when the message is larger than a slot.
     */
    public boolean offer(
        final DirectBuffer buffer, final int offset, final int length, final long correlationId, final long receivedNs)
    {
        if (length > maxMessageLength || length <= 0)
        {
            throw new IllegalArgumentException("message length " + length + " outside 1.." + maxMessageLength);
        }

        final long sequence;
        try
        {
            sequence = ringBuffer.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            ringFullCounter.incrementRelease();
            return false;
        }

        try
        {
            final RingSlot slot = ringBuffer.get(sequence);
            slot.buffer().putBytes(RecordHeader.LENGTH, buffer, offset, length);
            slot.reset(length, correlationId, receivedNs);
        }
        finally
        {
            ringBuffer.publish(sequence);
        }
        receivedCounter.incrementRelease();
        return true;
    }
}
