package io.firstcall.gateway.tcp;

import io.firstcall.gateway.session.TruncatedFrameException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.handler.codec.TooLongFrameException;

import java.util.List;

/**
 * Splits the JSON lines port's input at '\n' (or "\r\n"), failing fast on a line over the limit, and
 * reports a last line cut off by the end of input instead of dropping it silently.
 * <p>
 * Netty's decoder counts a line's '\r' while it waits for the '\n', so a line of exactly the limit
 * ending "\r\n" would fail when TCP delivers the '\r' before the '\n'. It is given one byte more, for
 * that '\r', and a line is held to the limit here, once its ending is stripped.
 */
final class JsonLineDecoder extends LineBasedFrameDecoder
{
    private final int maxLineBytes;

    JsonLineDecoder(final int maxLineBytes)
    {
        super(maxLineBytes + 1, true, true);
        this.maxLineBytes = maxLineBytes;
    }

    protected Object decode(final ChannelHandlerContext ctx, final ByteBuf buffer) throws Exception
    {
        final Object line = super.decode(ctx, buffer);
        if (null != line && ((ByteBuf)line).readableBytes() > maxLineBytes)
        {
            final int length = ((ByteBuf)line).readableBytes();
            ((ByteBuf)line).release();
            throw new TooLongFrameException("frame length (" + length + ") exceeds the allowed maximum (" + maxLineBytes + ")");
        }
        return line;
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
