package io.firstcall.replay;

import io.firstcall.engine.OutputSink;
import io.firstcall.journal.EntryHandler;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import io.firstcall.event.Bytes;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An {@link OutputSink} that checks each output a state machine produces against the next one
 * recorded in an output journal: header (cause sequence, engine time) and message, byte for byte.
 * Outputs produced after the recording runs out are handed to {@link #beyondRecording}.
 */
public final class RecordedOutputs implements OutputSink
{
    private final JournalReader recorded;
    private final ExpandableArrayBuffer beyondRecord = new ExpandableArrayBuffer(4096);
    private final EntryHandler compareHandler = this::compare;
    private final OutputSink beyondRecording;
    private DirectBuffer producedBuffer;
    private int producedOffset;
    private int producedLength;
    private long inputSequence;
    private long inputTimestampNs;
    private long compared;
    private long beyond;
    private boolean recordingEnded;
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

    /**
     * {@inheritDoc}
     * <p>
     * The output is compared in place with the recorded one: a recovery compares every output of a
     * long journal, so it is only copied (with its header) when there is no recording to compare with.
     */
    public void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!recordingEnded)
        {
            producedBuffer = buffer;
            producedOffset = offset;
            producedLength = length;
            recordingEnded = !recorded.readNext(compareHandler);
            producedBuffer = null;
        }

        // Once the recording has run out it is never read again: the outputs handed on may be appended
        // to the very journal it reads, and must not be compared with themselves.
        if (recordingEnded)
        {
            beyond++;
            RecordHeader.write(beyondRecord, 0, inputSequence, inputTimestampNs);
            beyondRecord.putBytes(RecordHeader.LENGTH, buffer, offset, length);
            beyondRecording.onOutput(beyondRecord, 0, RecordHeader.LENGTH + length);
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
            (length != RecordHeader.LENGTH + producedLength ||
            RecordHeader.sequence(buffer, offset) != inputSequence ||
            RecordHeader.timestampNs(buffer, offset) != inputTimestampNs ||
            !Bytes.equal(buffer, offset + RecordHeader.LENGTH, producedBuffer, producedOffset, producedLength)))
        {
            final byte[] expected = new byte[length];
            buffer.getBytes(offset, expected);
            final UnsafeBuffer actual = new UnsafeBuffer(new byte[RecordHeader.LENGTH + producedLength]);
            RecordHeader.write(actual, 0, inputSequence, inputTimestampNs);
            actual.putBytes(RecordHeader.LENGTH, producedBuffer, producedOffset, producedLength);
            firstDivergence = new Divergence(index, inputSequence, expected, actual.byteArray());
        }
    }
}
