package io.firstcall.gateway.session;

import io.firstcall.gateway.json.JsonOutputEncoder;
import io.netty.channel.Channel;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * A rep connection's bounded outbox: the engine thread copies each output (SBE) in, the connection's
 * event loop encodes it as JSON and writes it. The engine never waits: when the outbox is full, or the
 * channel's outbound buffer is over its high water mark, the outbox is marked overflowed and the
 * session cuts the connection off.
 * <p>
 * The ring holds at least {@link #MIN_CAPACITY} bytes because an Agrona ring takes messages of up to
 * 1/8 of its capacity and an Alert can be a few KiB; the configured rep buffer bounds the channel's
 * outbound bytes through its write buffer water mark.
 */
final class RepOutbox implements MessageHandler
{
    static final int MIN_CAPACITY = 32 * 1024;
    private static final int MSG_TYPE_ID = 1;

    private final OneToOneRingBuffer ring;
    private final Channel channel;
    private final SessionTransport transport;
    private final JsonOutputEncoder encoder;
    private final AtomicCounter pushesSent;
    private volatile boolean overflowed;
    private int written;

    RepOutbox(
        final int bufferBytes,
        final Channel channel,
        final SessionTransport transport,
        final JsonOutputEncoder encoder,
        final AtomicCounter pushesSent)
    {
        final int capacity = BitUtil.findNextPositivePowerOfTwo(Math.max(bufferBytes, MIN_CAPACITY));
        ring = new OneToOneRingBuffer(new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            capacity + RingBufferDescriptor.TRAILER_LENGTH, BitUtil.CACHE_LINE_LENGTH)));
        this.channel = channel;
        this.transport = transport;
        this.encoder = encoder;
        this.pushesSent = pushesSent;
    }

    /**
     * Engine thread: copy one output in.
     *
     * @return false when the rep is not keeping up; the outbox is then overflowed for good.
     */
    boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        if (overflowed)
        {
            return false;
        }

        if (!channel.isWritable() || length > ring.maxMsgLength() || !ring.write(MSG_TYPE_ID, buffer, offset, length))
        {
            overflowed = true;
            return false;
        }

        return true;
    }

    boolean overflowed()
    {
        return overflowed;
    }

    /**
     * Event loop: encode and write (without flushing) everything in the outbox.
     *
     * @return how many pushes were written.
     */
    int drain()
    {
        written = 0;
        ring.read(this);

        return written;
    }

    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final int lineLength = encoder.encode(buffer, index, length);
        if (lineLength > 0)
        {
            transport.write(channel, encoder.buffer(), 0, lineLength);
            pushesSent.increment();
            written++;
        }
    }
}
