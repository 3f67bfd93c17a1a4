package io.firstcall.gateway.tcp;

import io.firstcall.gateway.session.TruncatedFrameException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrameDecodersTest
{
    @Test
    void shouldSplitLittleEndianFramesAndStripThePrefix()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new SbeFrameDecoder(64));
        final ByteBuf input = Unpooled.buffer();
        input.writeIntLE(3).writeBytes(new byte[]{1, 2, 3}).writeIntLE(0).writeIntLE(2).writeByte(9);
        channel.writeInbound(input);

        assertFrame(channel.readInbound(), 1, 2, 3);
        assertFrame(channel.readInbound());
        assertNull(channel.readInbound(), "the third frame is incomplete");
        channel.writeInbound(Unpooled.wrappedBuffer(new byte[]{8}));
        assertFrame(channel.readInbound(), 9, 8);
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldFailFastOnLengthPrefixOverTheLimit()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new SbeFrameDecoder(64));
        assertThrows(TooLongFrameException.class, () -> channel.writeInbound(Unpooled.buffer().writeIntLE(65)));
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldReportFrameCutOffByEndOfInput()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new SbeFrameDecoder(64));
        channel.writeInbound(Unpooled.buffer().writeIntLE(10).writeBytes(new byte[4]));
        assertThrows(TruncatedFrameException.class, channel::finish);
    }

    @Test
    void shouldSplitLinesAndReportLineCutOffByEndOfInput()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new JsonLineDecoder(256));
        channel.writeInbound(Unpooled.copiedBuffer("{\"a\":1}\r\n{\"b\":2}\n{\"c\"", StandardCharsets.UTF_8));

        assertLine(channel.readInbound(), "{\"a\":1}");
        assertLine(channel.readInbound(), "{\"b\":2}");
        assertNull(channel.readInbound());
        assertThrows(TruncatedFrameException.class, channel::finish);
    }

    @Test
    void shouldFailFastOnLineOverTheLimit()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new JsonLineDecoder(256));
        assertThrows(TooLongFrameException.class,
            () -> channel.writeInbound(Unpooled.wrappedBuffer(new byte[300])));
        channel.finishAndReleaseAll();
    }

    /**
     * A line of exactly the limit ending in "\r\n" is within it, however TCP splits it: its '\r' may come
     * in one read and its '\n' in the next.
     */
    @Test
    void shouldTakeALineAtTheLimitWhoseCarriageReturnArrivesAloneBeforeItsNewline()
    {
        final EmbeddedChannel channel = new EmbeddedChannel(new JsonLineDecoder(256));
        final String line = "x".repeat(256);
        channel.writeInbound(Unpooled.copiedBuffer(line + "\r", StandardCharsets.UTF_8));
        assertNull(channel.readInbound());
        channel.writeInbound(Unpooled.copiedBuffer("\n", StandardCharsets.UTF_8));
        assertLine(channel.readInbound(), line);
        channel.finishAndReleaseAll();
    }

    @Test
    void shouldRefuseALineOneByteOverTheLimitWhateverItsEnding()
    {
        for (final String ending : new String[] {"\n", "\r\n"})
        {
            final EmbeddedChannel channel = new EmbeddedChannel(new JsonLineDecoder(256));
            assertThrows(TooLongFrameException.class,
                () -> channel.writeInbound(Unpooled.copiedBuffer("x".repeat(257) + ending, StandardCharsets.UTF_8)));
            channel.finishAndReleaseAll();
        }
    }

    private static void assertFrame(final ByteBuf frame, final int... bytes)
    {
        try
        {
            assertEquals(bytes.length, frame.readableBytes());
            for (final int b : bytes)
            {
                assertEquals(b, frame.readByte());
            }
        }
        finally
        {
            frame.release();
        }
    }

    private static void assertLine(final ByteBuf line, final String expected)
    {
        try
        {
            assertEquals(expected, line.toString(StandardCharsets.UTF_8));
        }
        finally
        {
            line.release();
        }
    }
}
