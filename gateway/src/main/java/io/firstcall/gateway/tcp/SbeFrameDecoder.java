package io.firstcall.gateway.tcp;

import io.firstcall.gateway.session.TruncatedFrameException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

import java.nio.ByteOrder;
import java.util.List;

/**
 * Splits the SBE port's input into frames: a 4-byte little-endian unsigned body length, then the body.
 * A length over the limit fails at once (fail fast), without waiting for the body; a frame cut off by
 * the end of input is reported instead of dropped silently.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                 Body Length (uint32, little-endian)           |
 *  +---------------------------------------------------------------+
 *  |                 Body (hello JSON, or SBE input message)      ...
 *  +---------------------------------------------------------------+
 * </pre>
 */
final class SbeFrameDecoder extends LengthFieldBasedFrameDecoder
{
    SbeFrameDecoder(final int maxFrameBytes)
    {
        super(ByteOrder.LITTLE_ENDIAN, FrameTransport.LENGTH_PREFIX_BYTES + maxFrameBytes, 0,
            FrameTransport.LENGTH_PREFIX_BYTES, 0, FrameTransport.LENGTH_PREFIX_BYTES, true);
    }

    protected void decodeLast(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out)
        throws Exception
    {
        super.decodeLast(ctx, in, out);
        final int leftover = in.readableBytes();
        if (leftover > 0)
        {
            in.skipBytes(leftover);
            throw new TruncatedFrameException(leftover);
        }
    }
}
