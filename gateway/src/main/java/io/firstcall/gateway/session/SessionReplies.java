package io.firstcall.gateway.session;

import io.firstcall.gateway.json.JsonOutputEncoder;
import io.netty.channel.Channel;

/**
 * A session's answers to its client, in the order its lines came: an answer with nothing due before it
 * is written at once, anything else waits its turn in the {@link ReplySequencer} behind the events
 * still waiting for their acknowledgement. Too many waiting answers stop reading
 * ({@link ReadGate#BACKLOG}). Event loop of the channel only.
 */
final class SessionReplies
{
    private final Channel channel;
    private final SessionTransport transport;
    private final JsonOutputEncoder encoder;
    private final ReplySequencer sequencer;
    private final ReadGate readGate;

    SessionReplies(
        final Channel channel, final SessionTransport transport, final ReplySequencer sequencer, final ReadGate readGate)
    {
        this.channel = channel;
        this.transport = transport;
        this.encoder = LoopResources.current().encoder();
        this.sequencer = sequencer;
        this.readGate = readGate;
    }

    /**
     * @return the loop's encoder: encode an answer with it, then hand its length to {@link #reply}.
     */
    JsonOutputEncoder encoder()
    {
        return encoder;
    }

    ReplySequencer sequencer()
    {
        return sequencer;
    }

    /**
     * Write the line in the encoder's buffer now if nothing is due before it, else queue it in order.
     *
     * @param thenClose the connection closes once the line is written.
     * @return true when the line was written now and the caller must close ({@code thenClose}); a queued
     * line that closes asks for it when written ({@link ReplySequencer#closeRequested()}).
     */
    boolean reply(final int length, final boolean thenClose)
    {
        if (sequencer.isEmpty())
        {
            transport.write(channel, encoder.buffer(), 0, length);
            if (!thenClose)
            {
                channel.flush();
            }
            return thenClose;
        }

        sequencer.addReply(encoder.buffer(), length, thenClose);
        if (sequencer.isBacklogged())
        {
            readGate.close(ReadGate.BACKLOG);
        }
        return false;
    }

    /**
     * Write the line in the encoder's buffer ahead of anything due, without flushing: a last word
     * before the connection closes.
     */
    void writeAhead(final int length)
    {
        transport.write(channel, encoder.buffer(), 0, length);
    }
}
