package io.firstcall.journal;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The fixed header firstcall puts in front of every journal entry, ahead of the SBE message.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                      Sequence (int64 LE)                      |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                     Timestamp ns (int64 LE)                   |
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |                   SBE message (header + body)               ...
 * </pre>
 * In the input journal the sequence is the event's own journal sequence and the timestamp is the
 * engine time assigned when it was journaled. In the output journal the sequence is the input
 * sequence that caused the output and the timestamp is that input's engine time.
 */
public final class RecordHeader
{
    public static final int SEQUENCE_OFFSET = 0;
    public static final int TIMESTAMP_OFFSET = 8;
    public static final int LENGTH = 16;

    private RecordHeader()
    {
    }

    public static long sequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + SEQUENCE_OFFSET, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    public static long timestampNs(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + TIMESTAMP_OFFSET, java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    public static void write(final MutableDirectBuffer buffer, final int offset, final long sequence, final long timestampNs)
    {
        buffer.putLong(offset + SEQUENCE_OFFSET, sequence, java.nio.ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(offset + TIMESTAMP_OFFSET, timestampNs, java.nio.ByteOrder.LITTLE_ENDIAN);
    }
}
