package io.firstcall.gateway.session;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import io.firstcall.gateway.json.JsonEventDecoder;
import io.netty.channel.Channel;

import java.util.concurrent.TimeUnit;

/**
 * One session's {@link SessionState} and every way its connection ends: failing (the error is answered
 * after the replies due, then the connection closes), aborting (the error goes first), a rep cut off
 * (at once: its outbound buffer may never drain), or a half-closed client answered in full. A graceful
 * close gives clients that never read a deadline. The state never moves backwards. Event loop of the
 * channel only.
 */
final class SessionLifecycle
{
    static final long CLOSE_TIMEOUT_MS = 1_000;

    private final Channel channel;
    private final GatewayCounters counters;
    private final SessionTransport transport;
    private final ReadGate readGate;
    private final SessionReplies replies;
    private final Runnable forceClose;
    private SessionState state = SessionState.OPEN;

    SessionLifecycle(
        final Channel channel,
        final SessionTransport transport,
        final GatewayCounters counters,
        final ReadGate readGate,
        final SessionReplies replies)
    {
        this.channel = channel;
        this.transport = transport;
        this.counters = counters;
        this.readGate = readGate;
        this.replies = replies;
        this.forceClose = channel::close;
    }

    SessionState state()
    {
        return state;
    }

    boolean isTakingLines()
    {
        return state.isTakingLines();
    }

    boolean isClosing()
    {
        return state.isClosing();
    }

    /**
     * Move on to {@code next} if it lies ahead.
     *
     * @return false, changing nothing, when the session is already there or past it.
     */
    boolean advance(final SessionState next)
    {
        if (!state.canMoveTo(next))
        {
            return false;
        }

        state = next;
        return true;
    }

    /**
     * Stop reading, answer the decoder's error after the replies already due, then close.
     */
    void fail(final JsonEventDecoder decoder, final GatewayCounter counter)
    {
        if (beginFailing(counter))
        {
            replyThenClose(replies.encoder().error(decoder));
        }
    }

    /**
     * Stop reading, answer an error after the replies already due, then close.
     *
     * @param counter to count it in, or null.
     */
    void fail(final String code, final String field, final CharSequence message, final GatewayCounter counter)
    {
        if (beginFailing(counter))
        {
            replyThenClose(replies.encoder().error(null, 0, 0, code, field, message));
        }
    }

    /**
     * Close now with an error, ahead of any reply still due.
     */
    void abort(final GatewayErrorCode code, final String message, final GatewayCounter counter)
    {
        if (isClosing())
        {
            return;
        }

        counters.increment(counter);
        if (channel.isActive())
        {
            replies.writeAhead(replies.encoder().error(null, 0, 0, code.wireName(), null, message));
        }
        closeGracefully();
    }

    /**
     * A rep that does not read: tell it, then close without waiting for the flush.
     */
    void cutOff()
    {
        if (isClosing())
        {
            return;
        }

        counters.increment(GatewayCounter.SLOW_CONSUMER_DISCONNECTS);
        replies.writeAhead(replies.encoder().error(null, 0, 0, GatewayErrorCode.SLOW_CONSUMER.wireName(), null,
            "pushes were not read fast enough"));
        channel.flush();
        advance(SessionState.CLOSING);
        channel.close();
    }

    /**
     * A half-closed session closes once everything is answered and nothing waits to be offered.
     */
    void closeIfFinished(final boolean stalled)
    {
        if (SessionState.INPUT_SHUT == state && readGate.isOpen() && replies.sequencer().isEmpty() && !stalled)
        {
            closeGracefully();
        }
    }

    /**
     * Flush what was written, then close the way the transport closes.
     */
    void closeGracefully()
    {
        if (advance(SessionState.CLOSING))
        {
            transport.close(channel);
            // A client that never reads would hold a graceful close open for ever.
            channel.eventLoop().schedule(forceClose, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
    }

    private boolean beginFailing(final GatewayCounter counter)
    {
        if (!isTakingLines())
        {
            return false;
        }

        if (null != counter)
        {
            counters.increment(counter);
        }
        advance(SessionState.FAILING);
        readGate.close(ReadGate.STOPPED);

        return true;
    }

    private void replyThenClose(final int length)
    {
        if (replies.reply(length, true))
        {
            closeGracefully();
        }
    }
}
