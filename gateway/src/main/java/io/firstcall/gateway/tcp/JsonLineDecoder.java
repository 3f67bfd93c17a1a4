package io.firstcall.gateway.tcp;

import io.firstcall.gateway.session.TruncatedFrameException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LineBasedFrameDecoder;

import java.util.List;

/**
 * Splits the JSON lines port's input at '\n' (or "\r\n"), failing fast on a line over the limit, and
 * reports a last line cut off by the end of input instead of dropping it silently.
 */
final class JsonLineDecoder extends LineBasedFrameDecoder
{
    JsonLineDecoder(final int maxLineBytes)
    {
        super(maxLineBytes, true, true);
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
