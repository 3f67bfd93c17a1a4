package io.firstcall.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads a {@link ChronicleJournal}. Entries are handed over in place: the handler's buffer wraps the
 * memory-mapped excerpt, so nothing is copied or allocated per entry.
 */
final class ChronicleJournalReader implements JournalReader
{
    private final ChronicleJournal journal;
    private final ChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final UnsafeBuffer entryBuffer = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer randomEntryBuffer = new UnsafeBuffer(0, 0);

    // A second tailer for readAt, so random reads never move the sequential cursor; created on first use.
    private ExcerptTailer randomTailer;
    private boolean isClosed;

    ChronicleJournalReader(final ChronicleJournal journal, final ChronicleQueue queue)
    {
        this.journal = journal;
        this.queue = queue;
        this.tailer = queue.createTailer();
    }

    public boolean readNext(final EntryHandler handler)
    {
        try (DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent())
            {
                return false;
            }

            deliver(context, entryBuffer, handler);
            return true;
        }
    }

    public boolean readAt(final long position, final EntryHandler handler)
    {
        ExcerptTailer tailer = randomTailer;
        if (null == tailer)
        {
            tailer = queue.createTailer();
            randomTailer = tailer;
        }

        if (position < 0 || !tailer.moveToIndex(position))
        {
            return false;
        }

        try (DocumentContext context = tailer.readingDocument())
        {
            if (!context.isPresent() || context.index() != position)
            {
                return false;
            }

            deliver(context, randomEntryBuffer, handler);
            return true;
        }
    }

    public boolean seekAfter(final long position)
    {
        if (position < 0)
        {
            tailer.toStart();
            return true;
        }
        if (!tailer.moveToIndex(position))
        {
            return false;
        }
        try (DocumentContext context = tailer.readingDocument())
        {
            return context.isPresent() && context.index() == position;
        }
    }

    public void close()
    {
        if (isClosed)
        {
            return;
        }
        isClosed = true;

        try
        {
            tailer.close();
            if (null != randomTailer)
            {
                randomTailer.close();
            }
        }
        finally
        {
            journal.onReaderClosed(this);
        }
    }

    private static void deliver(final DocumentContext context, final UnsafeBuffer buffer, final EntryHandler handler)
    {
        final Bytes<?> bytes = context.wire().bytes();
        final long readPosition = bytes.readPosition();
        final int length = (int)bytes.readRemaining();
        buffer.wrap(bytes.addressForRead(readPosition), length);

        try
        {
            handler.onEntry(buffer, 0, length, context.index());
        }
        catch (final RuntimeException | Error ex)
        {
            // The entry was not handled: leave the cursor on it so the next read hands it over again.
            context.rollbackOnClose();
            throw ex;
        }
    }
}
