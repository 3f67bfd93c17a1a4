package io.firstcall.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.function.LongSupplier;

/**
 * A {@link Journal} over a Chronicle Queue in one directory. Each entry is one excerpt holding
 * exactly the appended bytes; an entry's position is its Chronicle index.
 * <p>
 * The appender is created on the first {@link #append}, so the journal may be opened on one thread
 * and appended to on another (Chronicle binds an appender to the thread that first uses it).
 * {@link #sync()} must be called on the appending thread.
 */
public final class ChronicleJournal implements Journal
{
    static final RollCycles ROLL_CYCLE = RollCycles.FAST_HOURLY;

    private final Path directory;
    private final ChronicleQueue queue;
    private final ArrayList<ChronicleJournalReader> readers = new ArrayList<>();

    // Cycle files the appender has left (rolled past) since the last sync: they may still hold dirty pages.
    private final ArrayList<File> leftFilesToSync = new ArrayList<>();

    private ExcerptAppender appender;
    private int appendCycle = Integer.MIN_VALUE;
    private File appendFile;
    private boolean directoryToSync;
    private File syncFile;
    private FileChannel syncChannel;
    private boolean isClosed;

    private ChronicleJournal(final Path directory, final ChronicleQueue queue)
    {
        this.directory = directory;
        this.queue = queue;
    }

    /**
     * Open the journal in a directory, creating the directory and the queue when absent.
     *
     * @param directory holding the queue's files; one journal per directory.
     * @return the open journal, positioned to append after any existing entries.
     */
    public static ChronicleJournal open(final Path directory)
    {
        return open(directory, System::currentTimeMillis);
    }

    /**
     * Open the journal with a clock of its own for choosing cycle files, so a test can write entries
     * into hourly files of its choosing. Entries carry their own engine time; this only names files.
     *
     * @param epochMs the wall clock in milliseconds since the epoch.
     */
    public static ChronicleJournal open(final Path directory, final LongSupplier epochMs)
    {
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }

        // FAST_HOURLY: an hour's file holds up to 2^32 - 1 entries, i.e. 1.19 M entries/s sustained for a
        // whole hour, where FAST_DAILY would overflow after 50 k/s sustained for a day. Hourly files also
        // stay small enough to archive and delete one by one. Each roll maps a new file, which costs a
        // stall of a few ms once an hour. Chronicle keeps the roll cycle of an existing queue.
        final ChronicleQueue queue = SingleChronicleQueueBuilder
            .binary(directory)
            .rollCycle(ROLL_CYCLE)
            .timeProvider(epochMs::getAsLong)
            .build();

        return new ChronicleJournal(directory, queue);
    }

    /**
     * {@inheritDoc}
     * <p>
     * Copies the bytes straight into the memory-mapped excerpt: no allocation once the appender exists.
     */
    public long append(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length <= 0)
        {
            // Chronicle pads an empty excerpt with a one-byte marker, so it would read back as one byte.
            throw new IllegalArgumentException("length must be positive: " + length);
        }
        buffer.boundsCheck(offset, length);
        final ExcerptAppender appender = appender();

        try (DocumentContext context = appender.acquireWritingDocument(false))
        {
            final Bytes<?> bytes = context.wire().bytes();
            final byte[] array = buffer.byteArray();
            if (null != array)
            {
                bytes.write(array, buffer.wrapAdjustment() + offset, length);
            }
            else
            {
                bytes.unsafeWrite(buffer.addressOffset() + offset, length);
            }
        }

        if (appender.cycle() != appendCycle)
        {
            onNewCycle(appender);
        }

        return appender.lastIndexAppended();
    }

    /**
     * {@inheritDoc}
     * <p>
     * Calls fdatasync on each cycle file appended to since the last sync. Chronicle's own
     * {@code ExcerptAppender.sync()} is not used: with the default {@code SyncMode.ASYNC} it issues
     * {@code msync(MS_ASYNC)}, which does not wait for the device, and it covers only the chunk the
     * appender is in. Queue-wide {@code SyncMode.SYNC} would make it wait, but would also put a
     * synchronous msync of a whole chunk on the appending thread each time a chunk is released:
     * a stall at every chunk boundary, even when {@link SyncMode#NONE} is chosen.
     */
    public void sync()
    {
        if (null == appendFile)
        {
            return;
        }

        try
        {
            for (int i = 0, size = leftFilesToSync.size(); i < size; i++)
            {
                try (FileChannel channel = FileChannel.open(leftFilesToSync.get(i).toPath(), StandardOpenOption.READ))
                {
                    channel.force(false);
                }
            }
            leftFilesToSync.clear();

            if (appendFile != syncFile)
            {
                closeSyncChannel();
                syncChannel = FileChannel.open(appendFile.toPath(), StandardOpenOption.READ);
                syncFile = appendFile;
            }
            syncChannel.force(false);

            if (directoryToSync)
            {
                // A new cycle file is only durable once the directory entry naming it is.
                try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
                {
                    channel.force(true);
                }
                directoryToSync = false;
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public JournalReader openReader()
    {
        ensureOpen();
        final ChronicleJournalReader reader = new ChronicleJournalReader(this, queue);
        readers.add(reader);

        return reader;
    }

    public boolean isEmpty()
    {
        ensureOpen();
        return queue.lastIndex() < queue.firstIndex();
    }

    public long lastPosition()
    {
        ensureOpen();
        return isEmpty() ? -1 : queue.lastIndex();
    }

    public void close()
    {
        if (isClosed)
        {
            return;
        }
        isClosed = true;

        for (int i = readers.size() - 1; i >= 0; i--)
        {
            readers.get(i).close();
        }

        try
        {
            closeSyncChannel();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        finally
        {
            if (null != appender)
            {
                appender.close();
            }
            queue.close();
        }
    }

    void onReaderClosed(final ChronicleJournalReader reader)
    {
        readers.remove(reader);
    }

    private ExcerptAppender appender()
    {
        ExcerptAppender appender = this.appender;
        if (null == appender)
        {
            ensureOpen();
            appender = queue.createAppender();
            this.appender = appender;
        }

        return appender;
    }

    private void onNewCycle(final ExcerptAppender appender)
    {
        if (null != appendFile)
        {
            leftFilesToSync.add(appendFile);
        }
        appendCycle = appender.cycle();
        appendFile = appender.currentFile();
        directoryToSync = true;
    }

    private void closeSyncChannel() throws IOException
    {
        final FileChannel channel = syncChannel;
        if (null != channel)
        {
            syncChannel = null;
            syncFile = null;
            channel.close();
        }
    }

    private void ensureOpen()
    {
        if (isClosed)
        {
            throw new IllegalStateException("journal is closed: " + directory);
        }
    }
}
