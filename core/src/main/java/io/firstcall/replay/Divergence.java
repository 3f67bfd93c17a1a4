package io.firstcall.replay;

import io.firstcall.journal.RecordHeader;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The first output that differed between a recording and a replay, with both records (header and
 * SBE message) for the report.
 */
public final class Divergence
{
    private final long outputIndex;
    private final long inputSequence;
    private final byte[] expected;
    private final byte[] actual;

    Divergence(final long outputIndex, final long inputSequence, final byte[] expected, final byte[] actual)
    {
        this.outputIndex = outputIndex;
        this.inputSequence = inputSequence;
        this.expected = expected;
        this.actual = actual;
    }

    /**
     * @return the position of the output in the output journal, from 0.
     */
    public long outputIndex()
    {
        return outputIndex;
    }

    /**
     * @return the input sequence being replayed when the outputs differed.
     */
    public long inputSequence()
    {
        return inputSequence;
    }

    public byte[] expected()
    {
        return expected.clone();
    }

    public byte[] actual()
    {
        return actual.clone();
    }

    public String toString()
    {
        return "output #" + outputIndex + " while replaying input seq " + inputSequence +
            ": recorded " + describe(expected) + ", replayed " + describe(actual);
    }

    private static String describe(final byte[] record)
    {
        if (record.length < RecordHeader.LENGTH + 8)
        {
            return record.length + " bytes";
        }
        final UnsafeBuffer buffer = new UnsafeBuffer(record);
        final int templateId = buffer.getShort(RecordHeader.LENGTH + 2, java.nio.ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        return "{cause seq " + RecordHeader.sequence(buffer, 0) + ", template " + templateId + ", " + record.length + " bytes}";
    }
}
