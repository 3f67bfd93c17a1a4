package io.firstcall.gateway.egress;

import io.firstcall.pipeline.AckListener;
import io.firstcall.pipeline.OutputListener;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.AtomicCounter;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's side of delivery: every acknowledgement, rejection and output is copied into one
 * Agrona ring buffer ({@link EgressRecord}) by the engine's listeners ({@link #acks()},
 * {@link #outputs()}) and, at the end of each engine batch that wrote any, the {@link Doorbell} wakes
 * the delivery event loop, which drains the ring. Nothing here knows Netty or a connection: the engine
 * thread copies bytes, and that is all it does for the gateway.
 * <p>
 * A full ring makes the engine wait (counted in {@code egressFullWaits}), spinning briefly and then
 * parking at most {@link #MAX_PARK_NS} at a time: an acknowledgement is a promise and is never
 * dropped. The doorbell is rung before waiting, so the records of the batch so far get drained.
 * Only after {@link #close()} (the gateway is gone, and its connections with it) does a waiting
 * record give up, counted in {@code egressDropped}. Engine events (correlation id -1) have nobody to
 * answer and are not copied. An output too large for the ring is not delivered: a small
 * {@link EgressRecord#OUTPUT_TOO_LARGE} record takes its place so the gateway reports it.
 * <p>
 * Threads: the engine's journal and decision threads produce (one thread in topology {@code single},
 * for which a one-to-one ring suffices; two in {@code pipelined}, which need a many-to-one ring); the
 * delivery event loop consumes through {@link #read}.
 */
public final class EgressRing implements AutoCloseable
{
    /** Rings hold at least this much: the largest ack record and a small push fit many times over. */
    public static final int MIN_CAPACITY = 4096;
    static final long MAX_PARK_NS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final int SPINS = 100;
    private static final int NOT_CLAIMED = -1;

    private final RingBuffer ring;
    private final AtomicBuffer buffer;
    private final Doorbell doorbell;
    private final AtomicCounter fullWaits;
    private final AtomicCounter dropped;
    private final AckEgress acks = new AckEgress(this);
    private final OutputEgress outputs = new OutputEgress(this);
    private volatile boolean closed;

    /**
     * @param capacity        bytes of records, a power of two of at least {@link #MIN_CAPACITY}.
     * @param manyProducers   true when two engine threads produce (topology {@code pipelined}).
     * @param fullWaits       counts records that waited for space.
     * @param dropped         counts records given up because the gateway closed while they waited.
     */
    public EgressRing(
        final int capacity,
        final boolean manyProducers,
        final Doorbell doorbell,
        final AtomicCounter fullWaits,
        final AtomicCounter dropped)
    {
        if (capacity < MIN_CAPACITY || !BitUtil.isPowerOfTwo(capacity))
        {
            throw new IllegalArgumentException("egress ring capacity must be a power of two >= " + MIN_CAPACITY + ": " +
                capacity);
        }
        final UnsafeBuffer bytes = new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            capacity + RingBufferDescriptor.TRAILER_LENGTH, BitUtil.CACHE_LINE_LENGTH));
        ring = manyProducers ? new ManyToOneRingBuffer(bytes) : new OneToOneRingBuffer(bytes);
        buffer = ring.buffer();
        this.doorbell = doorbell;
        this.fullWaits = fullWaits;
        this.dropped = dropped;
    }

    /**
     * @return the engine's acknowledgement listener: it writes into this ring, on the journal thread.
     */
    public AckListener acks()
    {
        return acks;
    }

    /**
     * @return the engine's output listener: it writes into this ring, on the decision thread.
     */
    public OutputListener outputs()
    {
        return outputs;
    }

    void writeAck(final long correlationId, final long sequence, final boolean duplicate)
    {
        final int index = claim(duplicate ? EgressRecord.DUPLICATE : EgressRecord.ACK, EgressRecord.ACK_LENGTH);
        if (NOT_CLAIMED != index)
        {
            EgressRecord.putAck(buffer, index, correlationId, sequence);
            ring.commit(index);
        }
    }

    void writeRejected(final long correlationId, final AckListener.RejectReason reason)
    {
        final int index = claim(EgressRecord.REJECTED, EgressRecord.REJECTED_LENGTH);
        if (NOT_CLAIMED != index)
        {
            EgressRecord.putRejected(buffer, index, correlationId, reason);
            ring.commit(index);
        }
    }

    void writeOutput(final DirectBuffer message, final int offset, final int length, final long inputSequence)
    {
        if (EgressRecord.MESSAGE_OFFSET + length > ring.maxMsgLength())
        {
            writeTooLarge(message, offset, length, inputSequence);
            return;
        }

        final int index = claim(EgressRecord.OUTPUT, EgressRecord.MESSAGE_OFFSET + length);
        if (NOT_CLAIMED != index)
        {
            buffer.putLong(index + EgressRecord.INPUT_SEQUENCE_OFFSET, inputSequence);
            buffer.putBytes(index + EgressRecord.MESSAGE_OFFSET, message, offset, length);
            ring.commit(index);
        }
    }

    /**
     * Wake the delivery event loop for the records written so far.
     */
    void ringDoorbell()
    {
        doorbell.ring();
    }

    /**
     * Delivery event loop: hand up to {@code limit} records to {@code handler}, oldest first.
     *
     * @return how many were handed.
     */
    public int read(final MessageHandler handler, final int limit)
    {
        return ring.read(handler, limit);
    }

    /**
     * @return how far the delivery event loop has read, in bytes since the start.
     */
    public long consumerPosition()
    {
        return ring.consumerPosition();
    }

    /**
     * @return true when no record waits, nor is being written; from the delivery event loop.
     */
    public boolean isEmpty()
    {
        return 0 == ring.size();
    }

    /**
     * @return the largest SBE output the ring carries.
     */
    public int maxOutputLength()
    {
        return ring.maxMsgLength() - EgressRecord.MESSAGE_OFFSET;
    }

    /**
     * The gateway has stopped delivering: records that wait for space give up from now on.
     */
    public void close()
    {
        closed = true;
    }

    private void writeTooLarge(final DirectBuffer message, final int offset, final int length, final long inputSequence)
    {
        final int index = claim(EgressRecord.OUTPUT_TOO_LARGE, EgressRecord.TOO_LARGE_LENGTH);
        if (NOT_CLAIMED != index)
        {
            buffer.putLong(index + EgressRecord.INPUT_SEQUENCE_OFFSET, inputSequence);
            buffer.putInt(index + EgressRecord.TOO_LARGE_LENGTH_OFFSET, length);
            buffer.putInt(index + EgressRecord.TOO_LARGE_TEMPLATE_OFFSET,
                length >= 4 ? message.getShort(offset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF : -1);
            ring.commit(index);
        }
    }

    private int claim(final int type, final int length)
    {
        final int index = ring.tryClaim(type, length);
        return index > 0 ? index : awaitSpace(type, length);
    }

    /**
     * The ring is full: wake the delivery loop (this batch's records are not yet rung) and wait for space,
     * backing off from spinning to parks of at most {@link #MAX_PARK_NS}; locals only, so either engine
     * thread may wait here at once.
     */
    private int awaitSpace(final int type, final int length)
    {
        fullWaits.increment();
        doorbell.ring();
        long parkNs = 1_000;
        for (int attempt = 0; !closed; attempt++)
        {
            if (attempt < SPINS)
            {
                Thread.onSpinWait();
            }
            else
            {
                LockSupport.parkNanos(parkNs);
                parkNs = Math.min(parkNs * 2, MAX_PARK_NS);
            }

            final int index = ring.tryClaim(type, length);
            if (index > 0)
            {
                return index;
            }
        }

        dropped.increment();
        return NOT_CLAIMED;
    }
}
