package io.firstcall.replay;

import io.firstcall.engine.output.OutputBatch;
import io.firstcall.event.Bytes;
import io.firstcall.journal.EntryHandler;
import io.firstcall.journal.JournalReader;
import org.agrona.DirectBuffer;

/**
 * Checks the outputs a state machine regenerates against the ones recorded in an output journal:
 * each record of an {@link OutputBatch} (header: cause sequence and engine time; then the SBE
 * message) with the next recorded entry, byte for byte. Records produced after the recording runs
 * out are handed to the {@link RecordSink} given, and never compared again.
 */
public final class RecordedOutputs
{
    private final JournalReader recorded;
    private final RecordSink beyondRecording;
    private final EntryHandler compareHandler = this::compare;
    private DirectBuffer producedBuffer;
    private int producedOffset;
    private int producedLength;
    private long inputSequence;
    private long compared;
    private long beyond;
    private boolean recordingEnded;
    private Divergence firstDivergence;

    /**
     * @param beyondRecording receives the records that have no recorded counterpart.
     */
    public RecordedOutputs(final JournalReader recorded, final RecordSink beyondRecording)
    {
        this.recorded = recorded;
        this.beyondRecording = beyondRecording;
    }

    /**
     * Compare every record of the batch, in order, with the recording. The records are compared in
     * place: a recovery compares every output of a long journal.
     */
    public void compare(final OutputBatch outputs)
    {
        inputSequence = outputs.causeSequence();
        final DirectBuffer buffer = outputs.buffer();
        for (int i = 0; i < outputs.count(); i++)
        {
            final int offset = outputs.recordOffset(i);
            final int length = outputs.recordLength(i);
            if (!recordingEnded)
            {
                producedBuffer = buffer;
                producedOffset = offset;
                producedLength = length;
                recordingEnded = !recorded.readNext(compareHandler);
                producedBuffer = null;
            }

            // Once the recording has run out it is never read again: the records handed on may be appended
            // to the very journal it reads, and must not be compared with themselves.
            if (recordingEnded)
            {
                beyond++;
                beyondRecording.onRecord(buffer, offset, length);
            }
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
            (length != producedLength || !Bytes.equal(buffer, offset, producedBuffer, producedOffset, producedLength)))
        {
            final byte[] expected = new byte[length];
            buffer.getBytes(offset, expected);
            final byte[] actual = new byte[producedLength];
            producedBuffer.getBytes(producedOffset, actual);
            firstDivergence = new Divergence(index, inputSequence, expected, actual);
        }
    }
}
