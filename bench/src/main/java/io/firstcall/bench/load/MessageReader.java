package io.firstcall.bench.load;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads whole server messages from a blocking stream into one reused buffer: newline-terminated JSON
 * lines, or JSON bodies behind a 4-byte little-endian length prefix (the SBE port's replies). Every
 * message of one read is stamped with the time that read returned.
 */
final class MessageReader
{
    private static final int CAPACITY = 1 << 20;

    /**
     * Told of each message, without its framing; the bytes are valid during the call only.
     */
    @FunctionalInterface
    interface Handler
    {
        void onMessage(byte[] buffer, int offset, int length, long receivedNs);
    }

    private final byte[] buffer = new byte[CAPACITY];
    private final boolean framed;
    private final Handler handler;
    private int limit;

    /**
     * @param framed true for length-prefixed frames, false for lines.
     */
    MessageReader(final boolean framed, final Handler handler)
    {
        this.framed = framed;
        this.handler = handler;
    }

    /**
     * Block for one read and hand over every complete message it finished.
     *
     * @return false at end of stream.
     */
    boolean readOnce(final InputStream in) throws IOException
    {
        final int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0)
        {
            return false;
        }
        final long receivedNs = System.nanoTime();
        limit += read;
        final int consumed = framed ? frames(receivedNs) : lines(receivedNs);
        if (consumed > 0)
        {
            System.arraycopy(buffer, consumed, buffer, 0, limit - consumed);
            limit -= consumed;
        }
        if (limit == buffer.length)
        {
            throw new IOException("a server message longer than " + CAPACITY + " bytes");
        }
        return true;
    }

    private int lines(final long receivedNs)
    {
        int start = 0;
        for (int i = 0; i < limit; i++)
        {
            if ('\n' == buffer[i])
            {
                handler.onMessage(buffer, start, i - start, receivedNs);
                start = i + 1;
            }
        }
        return start;
    }

    private int frames(final long receivedNs)
    {
        int start = 0;
        while (limit - start >= 4)
        {
            final int length = (buffer[start] & 0xFF) | (buffer[start + 1] & 0xFF) << 8 |
                (buffer[start + 2] & 0xFF) << 16 | (buffer[start + 3] & 0xFF) << 24;
            if (limit - start - 4 < length)
            {
                break;
            }
            handler.onMessage(buffer, start + 4, length, receivedNs);
            start += 4 + length;
        }
        return start;
    }
}
