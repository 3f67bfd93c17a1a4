package io.firstcall.pipeline;

import io.firstcall.engine.OutputSink;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Stage three: journals each output of the state machine (header: the input sequence that caused
 * it and that input's engine time) and then hands it to delivery. Journal before delivery, so an
 * audit can always find what a rep was sent.
 */
final class OutputPublisher implements OutputSink
{
    private final Journal outputJournal;
    private final OutputListener listener;
    private final AtomicCounter outputCounter;
    private final AtomicCounter deliveredCounter;
    private final ExpandableArrayBuffer record = new ExpandableArrayBuffer(4096);
    private long inputSequence;
    private long inputTimestampNs;

    OutputPublisher(
        final Journal outputJournal,
        final OutputListener listener,
        final AtomicCounter outputCounter,
        final AtomicCounter deliveredCounter)
    {
        this.outputJournal = outputJournal;
        this.listener = listener;
        this.outputCounter = outputCounter;
        this.deliveredCounter = deliveredCounter;
    }

    void beginInput(final long sequence, final long timestampNs)
    {
        this.inputSequence = sequence;
        this.inputTimestampNs = timestampNs;
    }

    public void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        RecordHeader.write(record, 0, inputSequence, inputTimestampNs);
        record.putBytes(RecordHeader.LENGTH, buffer, offset, length);
        outputJournal.append(record, 0, RecordHeader.LENGTH + length);
        outputCounter.incrementRelease();

        listener.onOutput(record, RecordHeader.LENGTH, length, inputSequence);
        deliveredCounter.incrementRelease();
    }
}
