package io.firstcall.gateway.ws;

import io.firstcall.gateway.session.SessionTransport;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.agrona.DirectBuffer;

/**
 * Server messages on the WebSocket: one JSON object per text frame, without its newline.
 */
final class WebSocketTransport implements SessionTransport
{
    static final WebSocketTransport INSTANCE = new WebSocketTransport();

    private WebSocketTransport()
    {
    }

    public void write(final Channel channel, final DirectBuffer line, final int offset, final int length)
    {
        final int textLength = length - 1;
        final ByteBuf text = channel.alloc().ioBuffer(textLength);
        text.writeBytes(line.byteArray(), line.wrapAdjustment() + offset, textLength);
        channel.write(new TextWebSocketFrame(text), channel.voidPromise());
    }

    public void close(final Channel channel)
    {
        channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
            .addListener(ChannelFutureListener.CLOSE);
    }
}
