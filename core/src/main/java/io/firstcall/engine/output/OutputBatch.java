package io.firstcall.engine.output;

import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The outputs of a batch of events, laid out exactly as the output journal stores them, so the
 * output stage journals each with one append and no copy. The state machine writes here and
 * nowhere else; it never sees a journal or a connection.
 * <pre>
 *  record i:  +---------------------------------------+  recordOffset(i)
 *             | cause sequence      int64 LE          |
 *             | cause engine time   int64 LE (ns)     |   the journal's RecordHeader, 16 bytes
 *             +---------------------------------------+  recordOffset(i) + 16
 *             | SBE output message (header + body)    |
 *             +---------------------------------------+  recordOffset(i) + recordLength(i)
 * </pre>
 * A writer takes {@link #begin()}, encodes one message there with the generated encoder
 * ({@code wrapAndApplyHeader(batch.buffer(), batch.begin(), header)}) and calls
 * {@link #commit(int)} with the message's length. The buffer and the index grow as needed and are
 * reused, so a batch allocates nothing once it has seen its largest size.
 * <p>
 * Single threaded: the engine thread writes and the output stage reads, between events.
 */
public final class OutputBatch
{
    /**
     * The record header's length; the journal's {@code RecordHeader} has the same layout.
     */
    public static final int HEADER_LENGTH = 16;

    private final ExpandableArrayBuffer buffer;
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];
    private int count;
    private int limit;
    private long causeSequence = -1;
    private long causeTimeNs;

    public OutputBatch()
    {
        this(64 * 1024);
    }

    public OutputBatch(final int initialCapacity)
    {
        buffer = new ExpandableArrayBuffer(initialCapacity);
    }

    /**
     * Forget every record; the buffer is kept.
     */
    public void reset()
    {
        count = 0;
        limit = 0;
    }

    /**
     * Set the input that causes the records written next: its journal sequence and engine time.
     */
    public void cause(final long sequence, final long timeNs)
    {
        causeSequence = sequence;
        causeTimeNs = timeNs;
    }

    public long causeSequence()
    {
        return causeSequence;
    }

    public long causeTimeNs()
    {
        return causeTimeNs;
    }

    /**
     * Open a record: writes its header and returns where its SBE message goes.
     */
    public int begin()
    {
        buffer.putLong(limit, causeSequence, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(limit + 8, causeTimeNs, ByteOrder.LITTLE_ENDIAN);
        return limit + HEADER_LENGTH;
    }

    /**
     * Close the record opened by the last {@link #begin()}.
     *
     * @param messageLength the SBE message's length, header included.
     */
    public void commit(final int messageLength)
    {
        if (count == offsets.length)
        {
            offsets = Arrays.copyOf(offsets, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        offsets[count] = limit;
        lengths[count] = HEADER_LENGTH + messageLength;
        count++;
        limit += HEADER_LENGTH + messageLength;
    }

    public int count()
    {
        return count;
    }

    public int recordOffset(final int index)
    {
        return offsets[index];
    }

    /**
     * @return the record's length, header included.
     */
    public int recordLength(final int index)
    {
        return lengths[index];
    }

    /**
     * @return the bytes used by the records.
     */
    public int length()
    {
        return limit;
    }

    public MutableDirectBuffer buffer()
    {
        return buffer;
    }
}
