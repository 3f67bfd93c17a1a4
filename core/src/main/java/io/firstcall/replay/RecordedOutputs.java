package io.firstcall.replay;

import io.firstcall.engine.OutputSink;
import io.firstcall.journal.EntryHandler;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import io.firstcall.event.Bytes;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;

/**
 * An {@link OutputSink} that checks each output a state machine produces against the next one
 * recorded in an output journal: header (cause sequence, engine time) and message, byte for byte.
 * Outputs produced after the recording runs out are handed to {@link #beyondRecording}.
 */
public final class RecordedOutputs implements OutputSink
{
    private final JournalReader recorded;
    private final ExpandableArrayBuffer produced = new ExpandableArrayBuffer(4096);
    private final EntryHandler compareHandler = this::compare;
    private final OutputSink beyondRecording;
    private int producedLength;
    private long inputSequence;
    private long inputTimestampNs;
    private long compared;
    private long beyond;
    private Divergence firstDivergence;

    /**
     * @param beyondRecording receives outputs that have no recorded counterpart (with the record header).
     */
    public RecordedOutputs(final JournalReader recorded, final OutputSink beyondRecording)
    {
        this.recorded = recorded;
        this.beyondRecording = beyondRecording;
    }

    /**
     * Set the input whose outputs come next.
     */
    public void beginInput(final long sequence, final long timestampNs)
    {
        this.inputSequence = sequence;
        this.inputTimestampNs = timestampNs;
    }

    public void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        RecordHeader.write(produced, 0, inputSequence, inputTimestampNs);
        produced.putBytes(RecordHeader.LENGTH, buffer, offset, length);
        producedLength = RecordHeader.LENGTH + length;
        if (!recorded.readNext(compareHandler))
        {
            beyond++;
            beyondRecording.onOutput(produced, 0, producedLength);
        }
    }

    /**
     * @return how many recorded outputs were never produced (read to the end of the recording).
     */
    public long countUnproduced()
    {
        long count = 0;
        while (recorded.readNext((buffer, offset, length, position) -> {}))
        {
            count++;
        }
        return count;
    }

    public long compared()
    {
        return compared;
    }

    public long beyondRecording()
    {
        return beyond;
    }

    /**
     * @return the first output that differed from the recording, or null.
     */
    public Divergence firstDivergence()
    {
        return firstDivergence;
    }

    private void compare(final DirectBuffer buffer, final int offset, final int length, final long position)
    {
        final long index = compared++;
        if (null == firstDivergence &&
            (length != producedLength || !Bytes.equal(buffer, offset, produced, 0, length)))
        {
            final byte[] expected = new byte[length];
            buffer.getBytes(offset, expected);
            final byte[] actual = new byte[producedLength];
            produced.getBytes(0, actual);
            firstDivergence = new Divergence(index, inputSequence, expected, actual);
        }
    }
}
