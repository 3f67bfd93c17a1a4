package io.firstcall.gateway.tcp;

import io.firstcall.gateway.session.SessionTransport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import org.agrona.DirectBuffer;

/**
 * Server messages on the SBE port: one JSON object per frame, without its newline, after a 4-byte
 * little-endian length prefix, the same framing the client's frames use.
 */
public final class FrameTransport implements SessionTransport
{
    public static final FrameTransport INSTANCE = new FrameTransport();
    static final int LENGTH_PREFIX_BYTES = 4;

    private FrameTransport()
    {
    }

    public void write(final Channel channel, final DirectBuffer line, final int offset, final int length)
    {
        final int bodyLength = length - 1;
        final ByteBuf buffer = channel.alloc().ioBuffer(LENGTH_PREFIX_BYTES + bodyLength);
        buffer.writeIntLE(bodyLength);
        buffer.writeBytes(line.byteArray(), line.wrapAdjustment() + offset, bodyLength);
        channel.write(buffer, channel.voidPromise());
    }

    public void close(final Channel channel)
    {
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
}
