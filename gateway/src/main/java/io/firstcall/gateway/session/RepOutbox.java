package io.firstcall.gateway.session;

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
 * A rep connection's bounded outbox: the delivery agent copies each output (SBE) in, the connection's
 * event loop renders it ({@link PushRenderer}) and writes it. The agent never waits: when the outbox is
 * full it is marked overflowed for good and the session cuts the connection off.
 * <p>
 * The ring holds at least {@link #MIN_CAPACITY} bytes because an Agrona ring takes messages of up to
 * 1/8 of its capacity and an Alert can be a few KiB; the configured rep buffer bounds the channel's
 * outbound bytes through its write buffer water mark.
 * <p>
 * Threads: {@link #offer} from the delivery event loop, {@link #drain} from the connection's (the same
 * thread when the connection is on the delivery loop).
 */
final class RepOutbox implements MessageHandler
{
    static final int MIN_CAPACITY = 32 * 1024;
    private static final int MSG_TYPE_ID = 1;

    private final OneToOneRingBuffer ring;
    private final Channel channel;
    private final SessionTransport transport;
    private final PushRenderer renderer;
    private final AtomicCounter pushesSent;
    private volatile boolean overflowed;
    private int written;

    RepOutbox(
        final int bufferBytes,
        final Channel channel,
        final SessionTransport transport,
        final PushRenderer renderer,
        final AtomicCounter pushesSent)
    {
        final int capacity = BitUtil.findNextPositivePowerOfTwo(Math.max(bufferBytes, MIN_CAPACITY));
        ring = new OneToOneRingBuffer(new UnsafeBuffer(BufferUtil.allocateDirectAligned(
            capacity + RingBufferDescriptor.TRAILER_LENGTH, BitUtil.CACHE_LINE_LENGTH)));
        this.channel = channel;
        this.transport = transport;
        this.renderer = renderer;
        this.pushesSent = pushesSent;
    }

    /**
     * Delivery event loop: copy one output in.
     *
     * @return false when it does not fit; the caller decides whether the rep is behind ({@link #overflow()}).
     */
    boolean offer(final DirectBuffer buffer, final int offset, final int length)
    {
        return !overflowed && length <= ring.maxMsgLength() && ring.write(MSG_TYPE_ID, buffer, offset, length);
    }

    /**
     * The rep is not keeping up: take nothing more.
     */
    void overflow()
    {
        overflowed = true;
    }

    boolean overflowed()
    {
        return overflowed;
    }

    /**
     * Connection's event loop: render and write (without flushing) everything in the outbox.
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
        final int lineLength = renderer.render(buffer, index, length);
        if (lineLength > 0)
        {
            transport.write(channel, renderer.line(), 0, lineLength);
            pushesSent.increment();
            written++;
        }
    }
}
