package io.firstcall.gateway.session;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import io.firstcall.gateway.json.JsonOutputEncoder;
import io.firstcall.pipeline.AckListener;
import io.netty.channel.Channel;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableRingBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.Locale;

/**
 * A connection's replies in the order its lines arrived, so a client can match replies to lines even
 * when a line had no readable id. Each entry is either an event waiting for its acknowledgement (the
 * client id and the request number it was offered under) or a reply already encoded (an error).
 * <pre>
 *  entry: +-------+-------------------+----------------------------------------------+
 *         | kind  | request (int64)   | payload: client id, or an encoded reply line |
 *         +-------+-------------------+----------------------------------------------+
 *          0       1                   9
 * </pre>
 * The delivery event loop adds acknowledgements through {@link #onJournaled} and {@link #onRejected} into
 * an {@link AckQueue}; the connection's event loop matches them with the entries in {@link #writeDue()}.
 * The id bytes never cross threads. The entry ring starts small and doubles, so an idle connection costs little
 * and a busy one stops allocating once warm; the session stops reading long before it could fill.
 */
final class ReplySequencer implements ExpandableRingBuffer.MessageConsumer
{
    /** A session stops reading once this many events are unanswered. */
    static final int MAX_IN_FLIGHT = 1024;
    /** A session stops reading once this many bytes of replies wait. */
    static final int PAUSE_BYTES = 256 * 1024;

    private static final byte EVENT = 1;
    private static final byte REPLY = 2;
    private static final byte REPLY_THEN_CLOSE = 3;
    private static final int KIND_OFFSET = 0;
    private static final int REQUEST_OFFSET = 1;
    private static final int PAYLOAD_OFFSET = 9;
    private static final int INITIAL_CAPACITY = 1024;
    private static final int MAX_CAPACITY = 4 * 1024 * 1024;
    private static final String[] UNAVAILABLE_MESSAGES = unavailableMessages();

    private final ExpandableRingBuffer entries = new ExpandableRingBuffer(INITIAL_CAPACITY, MAX_CAPACITY, false);
    private final UnsafeBuffer entry = new UnsafeBuffer(new byte[PAYLOAD_OFFSET + 1024]);
    private final AckQueue acks = new AckQueue(MAX_IN_FLIGHT);
    private final Channel channel;
    private final SessionTransport transport;
    private final JsonOutputEncoder encoder;
    private final AtomicCounter acksSent;
    private final AtomicCounter journalUnavailable;
    private volatile boolean ackOverflow;
    private int events;
    private boolean closeRequested;
    private boolean outOfOrder;

    ReplySequencer(
        final Channel channel,
        final SessionTransport transport,
        final JsonOutputEncoder encoder,
        final GatewayCounters counters)
    {
        this.channel = channel;
        this.transport = transport;
        this.encoder = encoder;
        this.acksSent = counters.get(GatewayCounter.ACKS_SENT);
        this.journalUnavailable = counters.get(GatewayCounter.JOURNAL_UNAVAILABLE);
    }

    /**
     * Delivery event loop.
     */
    void onJournaled(final long request, final long sequence, final boolean duplicate)
    {
        if (!acks.offer(request, sequence, duplicate ? AckQueue.DUPLICATE : AckQueue.JOURNALED))
        {
            ackOverflow = true;
        }
    }

    /**
     * Delivery event loop.
     */
    void onRejected(final long request, final AckListener.RejectReason reason)
    {
        if (!acks.offer(request, -1, AckQueue.rejected(reason)))
        {
            ackOverflow = true;
        }
    }

    /**
     * @return true if the engine answered more events than were in flight: a fault.
     */
    boolean ackOverflow()
    {
        return ackOverflow;
    }

    boolean isEmpty()
    {
        return entries.isEmpty();
    }

    /**
     * @return true when the session should stop reading until replies go out.
     */
    boolean isBacklogged()
    {
        return events >= MAX_IN_FLIGHT || entries.size() >= PAUSE_BYTES;
    }

    void addEvent(final byte[] id, final int offset, final int length, final long request)
    {
        entry.putByte(KIND_OFFSET, EVENT);
        entry.putLong(REQUEST_OFFSET, request);
        entry.putBytes(PAYLOAD_OFFSET, id, offset, length);
        append(PAYLOAD_OFFSET + length);
        events++;
    }

    /**
     * Queue an encoded reply behind the replies already due.
     *
     * @param thenClose close the connection once it is written.
     */
    void addReply(final DirectBuffer line, final int length, final boolean thenClose)
    {
        if (entry.capacity() < PAYLOAD_OFFSET + length)
        {
            entry.wrap(new byte[PAYLOAD_OFFSET + length]);
        }
        entry.putByte(KIND_OFFSET, thenClose ? REPLY_THEN_CLOSE : REPLY);
        entry.putLong(REQUEST_OFFSET, 0);
        entry.putBytes(PAYLOAD_OFFSET, line, 0, length);
        append(PAYLOAD_OFFSET + length);
    }

    /**
     * Write (without flushing) every reply that is due, oldest first, up to the first event whose
     * acknowledgement has not come. Afterwards check {@link #closeRequested()} and {@link #outOfOrder()}.
     *
     * @return bytes of entries written.
     */
    int writeDue()
    {
        return entries.consume(this, Integer.MAX_VALUE);
    }

    /**
     * @return true once a reply that closes the connection was written.
     */
    boolean closeRequested()
    {
        return closeRequested;
    }

    /**
     * @return true if an acknowledgement did not match the oldest event: a fault.
     */
    boolean outOfOrder()
    {
        return outOfOrder;
    }

    public boolean onMessage(final MutableDirectBuffer buffer, final int offset, final int length, final int headOffset)
    {
        if (closeRequested || outOfOrder)
        {
            return false;
        }

        final byte kind = buffer.getByte(offset + KIND_OFFSET);
        final int payloadOffset = offset + PAYLOAD_OFFSET;
        final int payloadLength = length - PAYLOAD_OFFSET;
        if (EVENT != kind)
        {
            transport.write(channel, buffer, payloadOffset, payloadLength);
            closeRequested = REPLY_THEN_CLOSE == kind;
            return true;
        }

        if (acks.isEmpty())
        {
            return false;
        }
        if (acks.request() != buffer.getLong(offset + REQUEST_OFFSET))
        {
            outOfOrder = true;
            return false;
        }

        final long sequence = acks.sequence();
        final long outcome = acks.outcome();
        acks.advance();
        events--;

        final byte[] id = buffer.byteArray();
        final int idOffset = buffer.wrapAdjustment() + payloadOffset;
        final int lineLength;
        if (AckQueue.isJournaled(outcome))
        {
            lineLength = encoder.ack(id, idOffset, payloadLength, sequence, AckQueue.DUPLICATE == outcome);
            acksSent.increment();
        }
        else
        {
            lineLength = encoder.error(id, idOffset, payloadLength, GatewayErrorCode.JOURNAL_UNAVAILABLE.wireName(), null,
                UNAVAILABLE_MESSAGES[AckQueue.rejectReason(outcome).ordinal()]);
            journalUnavailable.increment();
        }
        transport.write(channel, encoder.buffer(), 0, lineLength);

        return true;
    }

    private void append(final int length)
    {
        if (!entries.append(entry, 0, length))
        {
            throw new IllegalStateException("reply queue full");
        }
    }

    private static String[] unavailableMessages()
    {
        final AckListener.RejectReason[] reasons = AckListener.RejectReason.values();
        final String[] messages = new String[reasons.length];
        for (final AckListener.RejectReason reason : reasons)
        {
            messages[reason.ordinal()] = "the journal did not take the event (" +
                reason.name().toLowerCase(Locale.ROOT) + "); nothing was acknowledged: send it again";
        }

        return messages;
    }
}
