package io.firstcall.status;

import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ObjLongConsumer;

/**
 * One Agrona {@link AtomicCounter} per {@link EngineCounter}, allocated over a {@link CountersManager}
 * either in memory or in a memory-mapped file that a stat tool in another process can read while the
 * engine runs ({@link #openReader(Path)}, {@link #snapshot(Path)}).
 * <p>
 * Layout of the counters file:
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                  Magic 'FCCT', written last                   |
 *  +---------------------------------------------------------------+
 *  |                         Format Version                        |
 *  +---------------------------------------------------------------+
 *  |                     Metadata Buffer Length                    |
 *  +---------------------------------------------------------------+
 *  |                      Values Buffer Length                     |
 *  +---------------------------------------------------------------+
 *  |                 Padding up to HEADER_LENGTH                  ...
 *  +---------------------------------------------------------------+
 *  |                 Metadata Buffer (CountersManager)            ...
 *  +---------------------------------------------------------------+
 *  |                  Values Buffer (CountersManager)             ...
 *  +---------------------------------------------------------------+
 * </pre>
 * Each counter's key holds the {@link EngineCounter#id()} as an int, so a reader built from another
 * version still finds counters by their stable id.
 * <p>
 * Counters are safe to update from any thread. {@link #close()} only once every thread that updates
 * them has stopped: closing unmaps the file. The file is left on disk with the last values so a stat
 * tool can still read them after the engine has exited.
 */
public final class EngineCounters implements AutoCloseable
{
    /**
     * Counter type id for engine counters in the counters metadata.
     */
    public static final int ENGINE_COUNTER_TYPE_ID = 1;

    /**
     * 'FCCT' in ASCII, so the file is recognisable in a hex dump.
     */
    static final int MAGIC = 0x46434354;
    static final int VERSION = 1;
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int METADATA_LENGTH_OFFSET = 8;
    static final int VALUES_LENGTH_OFFSET = 12;

    /**
     * Two cache lines keep the buffers that follow aligned and leave room to grow the header.
     */
    static final int HEADER_LENGTH = 2 * BitUtil.CACHE_LINE_LENGTH;

    private final CountersManager countersManager;
    private final AtomicCounter[] counters;
    private final MappedByteBuffer mappedFile;
    private boolean isClosed;

    private EngineCounters(
        final AtomicBuffer metaDataBuffer, final AtomicBuffer valuesBuffer, final MappedByteBuffer mappedFile)
    {
        this.mappedFile = mappedFile;
        countersManager = new CountersManager(metaDataBuffer, valuesBuffer);

        final EngineCounter[] all = EngineCounter.values();
        counters = new AtomicCounter[all.length];
        for (final EngineCounter counter : all)
        {
            counters[counter.ordinal()] = countersManager.newCounter(
                counter.label(), ENGINE_COUNTER_TYPE_ID, (keyBuffer) -> keyBuffer.putInt(0, counter.id()));
        }
    }

    /**
     * @return counters in direct memory, visible only to this process.
     */
    public static EngineCounters inMemory()
    {
        final AtomicBuffer metaDataBuffer = new UnsafeBuffer(
            BufferUtil.allocateDirectAligned(metaDataLength(), BitUtil.CACHE_LINE_LENGTH));
        final AtomicBuffer valuesBuffer = new UnsafeBuffer(
            BufferUtil.allocateDirectAligned(valuesLength(), BitUtil.CACHE_LINE_LENGTH));

        return new EngineCounters(metaDataBuffer, valuesBuffer, null);
    }

    /**
     * Create the counters in a memory-mapped file, replacing any file already there (counts start at
     * zero). A stat tool still reading a replaced file keeps seeing the old one until it reopens.
     *
     * @param file the counters file, e.g. {@code dataDir/counters.dat}.
     * @return counters backed by the file.
     */
    public static EngineCounters mapped(final Path file)
    {
        final int metaDataLength = metaDataLength();
        final int valuesLength = valuesLength();
        final MappedByteBuffer mappedFile;
        try
        {
            final Path parent = file.toAbsolutePath().getParent();
            if (null != parent)
            {
                Files.createDirectories(parent);
            }
            // Delete rather than truncate: a reader that has the old file mapped keeps a consistent view.
            Files.deleteIfExists(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create counters file " + file, ex);
        }
        mappedFile = IoUtil.mapNewFile(file.toFile(), (long)HEADER_LENGTH + metaDataLength + valuesLength);

        try
        {
            final UnsafeBuffer header = new UnsafeBuffer(mappedFile, 0, HEADER_LENGTH);
            header.putInt(VERSION_OFFSET, VERSION);
            header.putInt(METADATA_LENGTH_OFFSET, metaDataLength);
            header.putInt(VALUES_LENGTH_OFFSET, valuesLength);

            final EngineCounters counters = new EngineCounters(
                new UnsafeBuffer(mappedFile, HEADER_LENGTH, metaDataLength),
                new UnsafeBuffer(mappedFile, HEADER_LENGTH + metaDataLength, valuesLength),
                mappedFile);

            // Published last: a reader that sees the magic sees the lengths and every allocated counter.
            header.putIntRelease(MAGIC_OFFSET, MAGIC);

            return counters;
        }
        catch (final RuntimeException ex)
        {
            IoUtil.unmap(mappedFile);
            throw ex;
        }
    }

    /**
     * Open a counters file written by a running (or exited) engine, read only.
     *
     * @param file the counters file given to {@link #mapped(Path)}.
     * @return a reader to close when done.
     * @throws IllegalStateException if the file is not a complete counters file of a known version.
     */
    public static Reader openReader(final Path file)
    {
        return new Reader(file);
    }

    /**
     * Read every counter of a counters file once, e.g. for a stat tool.
     *
     * @param file the counters file given to {@link #mapped(Path)}.
     * @return label to value, in counter order.
     */
    public static Map<String, Long> snapshot(final Path file)
    {
        try (Reader reader = openReader(file))
        {
            return reader.snapshot();
        }
    }

    /**
     * @param counter which counter.
     * @return the counter, to increment on the hot path.
     */
    public AtomicCounter get(final EngineCounter counter)
    {
        return counters[counter.ordinal()];
    }

    /**
     * @param counter which counter.
     * @return its current value (volatile read).
     */
    public long value(final EngineCounter counter)
    {
        return counters[counter.ordinal()].get();
    }

    /**
     * Visit every counter with its label, e.g. for an in-process stat page.
     *
     * @param consumer receives the label and current value of each counter, in id order.
     */
    public void forEach(final ObjLongConsumer<String> consumer)
    {
        for (final EngineCounter counter : EngineCounter.values())
        {
            consumer.accept(counter.label(), counters[counter.ordinal()].get());
        }
    }

    /**
     * Visit every counter by its enum constant, for exporters that need {@link EngineCounter#metricName()}.
     *
     * @param consumer receives each counter and its current value, in id order.
     */
    public void forEachCounter(final ObjLongConsumer<EngineCounter> consumer)
    {
        for (final EngineCounter counter : EngineCounter.values())
        {
            consumer.accept(counter, counters[counter.ordinal()].get());
        }
    }

    /**
     * @return a reader over the same buffers, for tools that speak Agrona's counters API.
     */
    public CountersReader countersReader()
    {
        return countersManager;
    }

    /**
     * Unmap the counters file, if any. Counters must not be used after this. The file stays on disk.
     */
    public void close()
    {
        if (!isClosed)
        {
            isClosed = true;
            if (null != mappedFile)
            {
                IoUtil.unmap(mappedFile);
            }
            // In-memory buffers are left to the garbage collector so a straggling increment cannot
            // touch freed memory.
        }
    }

    private static int counterCapacity()
    {
        return EngineCounter.values().length;
    }

    private static int metaDataLength()
    {
        return counterCapacity() * CountersReader.METADATA_LENGTH;
    }

    private static int valuesLength()
    {
        return counterCapacity() * CountersReader.COUNTER_LENGTH;
    }

    /**
     * A read-only view of a counters file, for a stat tool in another process.
     */
    public static final class Reader implements AutoCloseable
    {
        private final MappedByteBuffer mappedFile;
        private final CountersReader countersReader;
        private boolean isClosed;

        Reader(final Path file)
        {
            if (!Files.isRegularFile(file))
            {
                throw new IllegalStateException("no counters file at " + file);
            }
            mappedFile = IoUtil.mapExistingFile(file.toFile(), FileChannel.MapMode.READ_ONLY, "counters");

            try
            {
                countersReader = wrap(file, mappedFile);
            }
            catch (final RuntimeException ex)
            {
                IoUtil.unmap(mappedFile);
                throw ex;
            }
        }

        /**
         * @return Agrona's reader over the file, e.g. for {@link CountersReader#forEach}.
         */
        public CountersReader countersReader()
        {
            return countersReader;
        }

        /**
         * @param counter which counter.
         * @return its current value in the file.
         * @throws IllegalStateException if the file holds no such counter (an older writer).
         */
        public long value(final EngineCounter counter)
        {
            final int[] counterIdHolder = { CountersReader.NULL_COUNTER_ID };
            countersReader.forEach(
                (counterId, typeId, keyBuffer, label) ->
                {
                    if (ENGINE_COUNTER_TYPE_ID == typeId && keyBuffer.getInt(0) == counter.id())
                    {
                        counterIdHolder[0] = counterId;
                    }
                });

            if (CountersReader.NULL_COUNTER_ID == counterIdHolder[0])
            {
                throw new IllegalStateException("counter not in file: " + counter);
            }

            return countersReader.getCounterValue(counterIdHolder[0]);
        }

        /**
         * @param consumer receives the label (as written in the file) and value of each counter.
         */
        public void forEach(final ObjLongConsumer<String> consumer)
        {
            countersReader.forEach((value, counterId, label) -> consumer.accept(label, value));
        }

        /**
         * @return label to value for every counter in the file, in counter order.
         */
        public Map<String, Long> snapshot()
        {
            final Map<String, Long> values = new LinkedHashMap<>();
            forEach(values::put);
            return values;
        }

        public void close()
        {
            if (!isClosed)
            {
                isClosed = true;
                IoUtil.unmap(mappedFile);
            }
        }

        private static CountersReader wrap(final Path file, final ByteBuffer mappedFile)
        {
            final long fileLength = mappedFile.capacity();
            if (fileLength < HEADER_LENGTH)
            {
                throw new IllegalStateException("counters file too short (" + fileLength + " bytes): " + file);
            }

            final UnsafeBuffer header = new UnsafeBuffer(mappedFile, 0, HEADER_LENGTH);
            final int magic = header.getIntAcquire(MAGIC_OFFSET);
            if (MAGIC != magic)
            {
                throw new IllegalStateException(
                    "not a counters file or not yet initialised (magic " + Integer.toHexString(magic) + "): " + file);
            }

            final int version = header.getInt(VERSION_OFFSET);
            if (VERSION != version)
            {
                throw new IllegalStateException("unknown counters file version " + version + ": " + file);
            }

            final int metaDataLength = header.getInt(METADATA_LENGTH_OFFSET);
            final int valuesLength = header.getInt(VALUES_LENGTH_OFFSET);
            if (metaDataLength < 0 || valuesLength < 0 ||
                (long)HEADER_LENGTH + metaDataLength + valuesLength > fileLength)
            {
                throw new IllegalStateException("corrupt counters file: metadata length " + metaDataLength +
                    ", values length " + valuesLength + ", file length " + fileLength + ": " + file);
            }

            return new CountersReader(
                new UnsafeBuffer(mappedFile, HEADER_LENGTH, metaDataLength),
                new UnsafeBuffer(mappedFile, HEADER_LENGTH + metaDataLength, valuesLength));
        }
    }
}
