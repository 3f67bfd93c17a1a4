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
 * One thread appends: the first to call {@link #append} or {@link #sync()} owns the journal, and any
 * other thread that tries is refused with an {@link IllegalStateException} naming both threads.
 * Chronicle's appender is not thread safe and only checks its thread while the first one is alive, so
 * a second appending thread would otherwise work or fail depending on timing. The journal may be opened
 * and closed on other threads: Chronicle checks no thread on close, and the caller closes it only once
 * its owner has stopped appending.
 * <p>
 * An append either returns with the whole entry in the queue or throws leaving nothing of it: a
 * failure inside the excerpt rolls it back. Space is made sure of before each entry is written
 * ({@link SpaceReservation}), so a full filesystem fails the append cleanly and a later append
 * succeeds once there is room again. A fault of the memory mapping itself ({@link InternalError})
 * means bytes may have been lost in the queue's tail: the journal then refuses every later append
 * until it is reopened.
 */
public final class ChronicleJournal implements Journal
{
    static final RollCycles ROLL_CYCLE = RollCycles.FAST_HOURLY;

    /**
     * The file Chronicle keeps a queue's metadata in: a directory without it holds no journal.
     */
    public static final String METADATA_FILE = "metadata.cq4t";

    private final Path directory;
    private final ChronicleQueue queue;
    private final boolean readOnly;
    private final ArrayList<ChronicleJournalReader> readers = new ArrayList<>();

    // Cycle files the appender has left (rolled past) since the last sync: they may still hold dirty pages.
    private final ArrayList<File> leftFilesToSync = new ArrayList<>();

    private final SpaceReservation reservation = new SpaceReservation();

    private Thread owner;
    private ExcerptAppender appender;
    private Throwable fault;
    private int appendCycle = Integer.MIN_VALUE;
    private File appendFile;
    private boolean directoryToSync;
    private File syncFile;
    private FileChannel syncChannel;
    private boolean isClosed;

    private ChronicleJournal(final Path directory, final ChronicleQueue queue, final boolean readOnly)
    {
        this.directory = directory;
        this.queue = queue;
        this.readOnly = readOnly;
    }

    /**
     * Open an existing journal to read only, e.g. a live server's while it appends: its files are
     * mapped read-only, nothing in the directory is created or changed, and readers see entries as
     * the writer completes them (Chronicle hands readers only whole entries), across new cycle files.
     *
     * @param directory holding the queue's files, {@link #METADATA_FILE} among them.
     * @throws IllegalArgumentException when the directory holds no journal.
     */
    public static ReadableJournal openReadOnly(final Path directory)
    {
        if (!Files.isRegularFile(directory.resolve(METADATA_FILE)))
        {
            throw new IllegalArgumentException("no journal in " + directory + " (no " + METADATA_FILE + ")");
        }
        final ChronicleQueue queue = SingleChronicleQueueBuilder
            .binary(directory)
            .rollCycle(ROLL_CYCLE)
            .readOnly(true)
            .build();

        return new ChronicleJournal(directory, queue, true);
    }

    /**
     * Open the journal in a directory, creating the directory and the queue when absent.
     *
     * @param directory holding the queue's files; one journal per directory.
     * @return the open journal, positioned to append after any existing entries.
     * @throws UnsupportedJournalException when the directory holds a journal of a format this build
     *                                     does not read ({@link JournalFormat}).
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
        // Before Chronicle sees the directory: a journal of another format is refused, a new one marked.
        JournalFormat.prepare(directory);

        // FAST_HOURLY: an hour's file holds up to 2^32 - 1 entries, i.e. 1.19 M entries/s sustained for a
        // whole hour, where FAST_DAILY would overflow after 50 k/s sustained for a day. Hourly files also
        // stay small enough to archive and delete one by one. Each roll maps a new file, which costs a
        // stall of a few ms once an hour. Chronicle keeps the roll cycle of an existing queue.
        final ChronicleQueue queue = SingleChronicleQueueBuilder
            .binary(directory)
            .rollCycle(ROLL_CYCLE)
            .timeProvider(epochMs::getAsLong)
            .build();

        return new ChronicleJournal(directory, queue, false);
    }

    /**
     * {@inheritDoc}
     * <p>
     * Copies the bytes straight into the memory-mapped excerpt: no allocation once the appender exists.
     *
     * @throws IllegalStateException when called by another thread than the one that appends, or after a
     *                               fault of the mapping.
     * @throws UncheckedIOException  when the filesystem has no room for the entry; nothing was appended.
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

        final DocumentContext context = appender.acquireWritingDocument(false);
        try
        {
            if (appender.cycle() != appendCycle)
            {
                onNewCycle(appender);
            }
            final Bytes<?> bytes = context.wire().bytes();
            reservation.ensure(appendFile, bytes.writePosition(), length);
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
        catch (final IOException ex)
        {
            rollBack(context, ex);
            throw new UncheckedIOException(
                "could not make room for an entry in " + directory + ": " + ex.getMessage(), ex);
        }
        catch (final RuntimeException | Error ex)
        {
            onFault(ex);
            rollBack(context, ex);
            throw ex;
        }

        try
        {
            context.close();
        }
        catch (final RuntimeException | Error ex)
        {
            onFault(ex);
            throw ex;
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
        checkOwner();
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
            reservation.close();
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
        checkOwner();
        ensureOpen();
        ExcerptAppender appender = this.appender;
        if (null == appender)
        {
            appender = queue.createAppender();
            this.appender = appender;
        }
        if (null != fault)
        {
            throw new IllegalStateException("journal " + directory + " refuses appends since its memory mapping " +
                "faulted (full or failing disk): entries written since may be damaged; reopen it", fault);
        }

        return appender;
    }

    private void checkOwner()
    {
        if (readOnly)
        {
            throw new IllegalStateException("journal " + directory + " is open read-only");
        }
        final Thread current = Thread.currentThread();
        final Thread owner = this.owner;
        if (current != owner)
        {
            if (null != owner)
            {
                throw new IllegalStateException("journal " + directory + " is appended to by thread '" +
                    owner.getName() + "'; thread '" + current.getName() + "' may not append or sync: " +
                    "exactly one thread appends to a journal");
            }
            ensureOpen();
            this.owner = current;
        }
    }

    private void onFault(final Throwable failure)
    {
        if (failure instanceof InternalError)
        {
            fault = failure;
        }
    }

    private static void rollBack(final DocumentContext context, final Throwable failure)
    {
        try
        {
            context.rollbackOnClose();
            context.close();
        }
        catch (final RuntimeException | Error ex)
        {
            failure.addSuppressed(ex);
        }
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
