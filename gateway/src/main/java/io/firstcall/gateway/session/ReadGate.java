package io.firstcall.gateway.session;

import io.netty.channel.ChannelConfig;

/**
 * Why a connection is not being read right now, as a set of reasons; the socket is read (auto-read on)
 * only when none holds. Event loop only.
 */
final class ReadGate
{
    /** An event waits for ring space. */
    static final int RING_FULL = 1;
    /** Too many events unanswered or too many reply bytes waiting. */
    static final int BACKLOG = 2;
    /** A source is not reading its replies. */
    static final int UNWRITABLE = 4;
    /** The session is ending or the gateway shutting down: for good. */
    static final int STOPPED = 8;

    private final ChannelConfig config;
    private int reasons;

    ReadGate(final ChannelConfig config)
    {
        this.config = config;
    }

    boolean isOpen()
    {
        return 0 == reasons;
    }

    void close(final int reason)
    {
        if (0 == reasons)
        {
            config.setAutoRead(false);
        }
        reasons |= reason;
    }

    /**
     * Drop reasons that no longer hold; read again when none is left. Turning auto-read on hands the
     * lines a flow control handler held back to the session at once, re-entering it: callers only
     * re-check their state after this.
     */
    void open(final int clearedReasons)
    {
        final int remaining = reasons & ~clearedReasons;
        if (remaining != reasons)
        {
            reasons = remaining;
            if (0 == remaining)
            {
                config.setAutoRead(true);
            }
        }
    }
}
