package io.firstcall.gateway.session;

import io.netty.channel.Channel;
import org.agrona.DirectBuffer;

/**
 * How a session's server messages are framed on its transport: a JSON line, a length-prefixed
 * frame or a WebSocket text frame. Implementations are stateless and called on the channel's event
 * loop only.
 */
public interface SessionTransport
{
    /**
     * Write (without flushing) one server message.
     *
     * @param line   holding one JSON object followed by '\n', as the JSON encoder writes it; backed by a
     *               byte array ({@code byteArray()} is not null).
     * @param offset of the line in {@code line}.
     * @param length of the line, newline included.
     */
    void write(Channel channel, DirectBuffer line, int offset, int length);

    /**
     * Flush what was written, then close the connection the way the transport closes it.
     */
    void close(Channel channel);
}
