package io.firstcall.audit;

import io.firstcall.journal.EntryHandler;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.ReadableJournal;
import io.firstcall.journal.RecordHeader;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads an input and an output journal merged in journal order: each input followed by the outputs
 * it caused (outputs name their cause's sequence, and the engine writes them in that order). It can
 * follow journals a server still appends to: an output is handed on only once its cause has been, so
 * an output read before its input (the engine journals the input first, but a reader may see the two
 * files at different moments) waits, copied, for it; {@link #poll} returns 0 when nothing new is there
 * yet and may be called again later.
 * <p>
 * Entries are handed over in place, without copying or allocating, apart from that one waiting output.
 */
public final class JournalWalk implements AutoCloseable
{
    private final JournalReader inputs;
    private final JournalReader outputs;
    private final EntryHandler onInput = this::onInput;
    private final EntryHandler onOutput = this::onOutput;
    private final ExpandableArrayBuffer pending = new ExpandableArrayBuffer(1024);
    private final UnsafeBuffer pendingView = new UnsafeBuffer(pending.byteArray());
    private JournalListener listener;
    private int pendingLength;
    private boolean hasPending;
    private boolean delivered;
    private long lastInput = -1;
    private long lastTimestampNs = Long.MIN_VALUE;
    private long inputCount;
    private long outputCount;

    JournalWalk(final ReadableJournal input, final ReadableJournal output, final boolean readInputs, final boolean readOutputs)
    {
        inputs = readInputs ? input.openReader() : null;
        outputs = readOutputs ? output.openReader() : null;
    }

    /**
     * Hand at most {@code limit} entries to the listener.
     *
     * @return how many were handed over; 0 when the journals hold nothing more yet.
     */
    public int poll(final JournalListener listener, final int limit)
    {
        this.listener = listener;
        int count = 0;
        while (count < limit)
        {
            if (hasPending)
            {
                if (RecordHeader.sequence(pendingView, 0) <= lastInput)
                {
                    hasPending = false;
                    deliverOutput(pendingView, 0, pendingLength);
                    count++;
                    continue;
                }
                if (inputs.readNext(onInput))
                {
                    count++;
                    continue;
                }
                break;
            }

            if (null != outputs && outputs.readNext(onOutput))
            {
                if (delivered)
                {
                    count++;
                }
                continue;
            }
            if (null != inputs && inputs.readNext(onInput))
            {
                count++;
                continue;
            }
            break;
        }
        this.listener = null;
        return count;
    }

    /**
     * Read to the end of what the journals hold now.
     *
     * @return the entries handed over.
     */
    public long drain(final JournalListener listener)
    {
        long total = 0;
        int count;
        while ((count = poll(listener, 4096)) > 0)
        {
            total += count;
        }
        return total;
    }

    /**
     * @return the sequence of the last input handed over, -1 before the first.
     */
    public long lastInputSequence()
    {
        return lastInput;
    }

    /**
     * @return the engine time of the last entry handed over, {@link Long#MIN_VALUE} before the first.
     */
    public long lastTimestampNs()
    {
        return lastTimestampNs;
    }

    public long inputCount()
    {
        return inputCount;
    }

    public long outputCount()
    {
        return outputCount;
    }

    public void close()
    {
        if (null != inputs)
        {
            inputs.close();
        }
        if (null != outputs)
        {
            outputs.close();
        }
    }

    private void onInput(final DirectBuffer buffer, final int offset, final int length, final long position)
    {
        final long sequence = RecordHeader.sequence(buffer, offset);
        final long timestampNs = RecordHeader.timestampNs(buffer, offset);
        lastInput = sequence;
        lastTimestampNs = Math.max(lastTimestampNs, timestampNs);
        inputCount++;
        listener.onInput(sequence, timestampNs, buffer, offset + RecordHeader.LENGTH, length - RecordHeader.LENGTH);
    }

    private void onOutput(final DirectBuffer buffer, final int offset, final int length, final long position)
    {
        if (null == inputs || RecordHeader.sequence(buffer, offset) <= lastInput)
        {
            delivered = true;
            deliverOutput(buffer, offset, length);
            return;
        }
        delivered = false;
        hasPending = true;
        pendingLength = length;
        pending.putBytes(0, buffer, offset, length);
        if (pendingView.byteArray() != pending.byteArray())
        {
            pendingView.wrap(pending.byteArray());
        }
    }

    private void deliverOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        final long timestampNs = RecordHeader.timestampNs(buffer, offset);
        lastTimestampNs = Math.max(lastTimestampNs, timestampNs);
        outputCount++;
        listener.onOutput(RecordHeader.sequence(buffer, offset), timestampNs, buffer, offset + RecordHeader.LENGTH,
            length - RecordHeader.LENGTH);
    }
}
