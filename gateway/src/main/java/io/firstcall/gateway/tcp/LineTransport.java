package io.firstcall.gateway.tcp;

import io.firstcall.gateway.session.SessionTransport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import org.agrona.DirectBuffer;

/**
 * Server messages on the JSON lines port: each one JSON object and a '\n', as encoded.
 */
public final class LineTransport implements SessionTransport
{
    public static final LineTransport INSTANCE = new LineTransport();

    private LineTransport()
    {
    }

    public void write(final Channel channel, final DirectBuffer line, final int offset, final int length)
    {
        final ByteBuf buffer = channel.alloc().ioBuffer(length);
        buffer.writeBytes(line.byteArray(), line.wrapAdjustment() + offset, length);
        channel.write(buffer, channel.voidPromise());
    }

    public void close(final Channel channel)
    {
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
}
