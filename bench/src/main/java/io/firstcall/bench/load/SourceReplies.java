package io.firstcall.bench.load;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The source connection's reader: counts acks and errors and remembers when the last ack came.
 * Written by that one reader thread only, read by the sender.
 */
final class SourceReplies implements MessageReader.Handler
{
    private static final byte[] ACK = LoadEvents.bytes("{\"type\":\"ack\"");
    private static final byte[] ERROR = LoadEvents.bytes("{\"type\":\"error\"");

    private final AtomicLong acks = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile long lastAckNs;
    private volatile String firstError;

    public void onMessage(final byte[] buffer, final int offset, final int length, final long receivedNs)
    {
        final int limit = offset + length;
        if (Ascii.startsWith(buffer, offset, limit, ACK))
        {
            lastAckNs = receivedNs;
            acks.lazySet(acks.get() + 1);
        }
        else if (Ascii.startsWith(buffer, offset, limit, ERROR))
        {
            if (null == firstError)
            {
                firstError = new String(buffer, offset, length, StandardCharsets.UTF_8);
            }
            errors.lazySet(errors.get() + 1);
        }
    }

    long acks()
    {
        return acks.get();
    }

    long errors()
    {
        return errors.get();
    }

    long lastAckNs()
    {
        return lastAckNs;
    }

    String firstError()
    {
        return firstError;
    }
}
