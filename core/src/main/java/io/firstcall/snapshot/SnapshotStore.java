package io.firstcall.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The snapshot files of one data directory ({@code data/snapshots/}), named
 * {@code snapshot-<input sequence, 20 digits>.fcs} so that the name orders them.
 * <p>
 * A snapshot is written to a temporary file, fsync'd, renamed over its final name atomically and
 * the directory fsync'd, so a crash at any point leaves either no file or a whole one under the
 * final name (a leftover temporary file is deleted by {@link #deleteTemporaryFiles()}). After a
 * write only the newest {@code keep} snapshots are kept.
 * <p>
 * Each snapshot skipped on restart is logged in one line saying why.
 */
public final class SnapshotStore
{
    public static final String DIRECTORY_NAME = "snapshots";
    static final String PREFIX = "snapshot-";
    static final String SUFFIX = ".fcs";
    static final String TEMPORARY_SUFFIX = ".tmp";
    private static final int SEQUENCE_DIGITS = 20;

    private final Path directory;
    private final int keep;
    private final System.Logger logger;

    /**
     * @param keep how many snapshots to keep, newest first; at least 1.
     */
    public SnapshotStore(final Path directory, final int keep, final System.Logger logger)
    {
        if (keep < 1)
        {
            throw new IllegalArgumentException("keep at least one snapshot: " + keep);
        }
        this.directory = directory;
        this.keep = keep;
        this.logger = logger;
    }

    public Path directory()
    {
        return directory;
    }

    /**
     * @return every snapshot file, newest (highest input sequence) first, usable or not.
     */
    public List<Path> list()
    {
        final List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory))
        {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX))
        {
            for (final Path entry : entries)
            {
                if (sequenceOf(entry) >= 0)
                {
                    files.add(entry);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list snapshots in " + directory, ex);
        }
        files.sort(Comparator.comparingLong(SnapshotStore::sequenceOf).reversed());
        return files;
    }

    /**
     * Check a snapshot whole: header, format, schema and body CRC32C.
     *
     * @return the file, or null when it cannot be used (logged once, with the reason).
     */
    public SnapshotFile check(final Path path, final int schemaId, final int schemaVersion)
    {
        final SnapshotFile file = SnapshotFile.open(path);
        String problem = file.problem();
        if (null == problem && (file.header().schemaId() != schemaId || file.header().schemaVersion() != schemaVersion))
        {
            problem = "incompatible: schema " + file.header().schemaId() + " v" + file.header().schemaVersion() +
                ", the state machine reads schema " + schemaId + " v" + schemaVersion;
        }
        if (null == problem)
        {
            problem = file.verifyBody();
        }
        if (null != problem)
        {
            reportSkipped(path, problem);
            return null;
        }
        return file;
    }

    /**
     * Log that a snapshot was not used, and why, in one line.
     */
    public void reportSkipped(final Path path, final String reason)
    {
        logger.log(Level.WARNING, "snapshot " + path.getFileName() + " skipped: " + reason +
            "; falling back to an older snapshot or a full replay");
    }

    /**
     * @return the headers of every snapshot whose header is sound, newest first (bodies not checked).
     */
    public List<SnapshotHeader> headers()
    {
        final List<SnapshotHeader> headers = new ArrayList<>();
        for (final Path path : list())
        {
            final SnapshotFile file = SnapshotFile.open(path);
            if (null == file.problem())
            {
                headers.add(file.header());
            }
        }
        return headers;
    }

    /**
     * Write a snapshot of {@code content} atomically, then keep only the newest snapshots.
     *
     * @param header with sequence, engine time, positions and schema set; lengths, digest and CRCs are filled in.
     * @return the snapshot's final path.
     */
    public Path write(final SnapshotHeader header, final SnapshotContent content)
    {
        final Path target = directory.resolve(fileName(header.sequence()));
        final Path temporary = directory.resolve(fileName(header.sequence()) + TEMPORARY_SUFFIX);
        try
        {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE))
            {
                final BodySink sink = new BodySink(channel);
                final SnapshotWriter writer = new SnapshotWriter(sink);
                for (final SnapshotSection section : SnapshotSection.values())
                {
                    final long start = writer.position();
                    content.writeSection(section, writer);
                    header.sectionLength(section, writer.position() - start);
                }
                writer.flush();
                header.digest(sink.digest.digest());
                header.bodyCrc((int)sink.crc.getValue());
                writeFully(channel, ByteBuffer.wrap(header.seal()), 0);
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory();
        }
        catch (final IOException ex)
        {
            deleteQuietly(temporary);
            throw new UncheckedIOException("cannot write snapshot " + target, ex);
        }
        catch (final RuntimeException | Error ex)
        {
            deleteQuietly(temporary);
            throw ex;
        }
        prune();
        return target;
    }

    /**
     * Delete all but the newest {@code keep} snapshots.
     */
    public void prune()
    {
        final List<Path> files = list();
        for (int i = keep; i < files.size(); i++)
        {
            deleteQuietly(files.get(i));
        }
    }

    /**
     * Delete what a crash in the middle of a write left behind.
     */
    public void deleteTemporaryFiles()
    {
        if (!Files.isDirectory(directory))
        {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, PREFIX + "*" + TEMPORARY_SUFFIX))
        {
            for (final Path entry : entries)
            {
                deleteQuietly(entry);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list snapshots in " + directory, ex);
        }
    }

    static String fileName(final long sequence)
    {
        final String digits = Long.toString(sequence);
        return PREFIX + "0".repeat(Math.max(0, SEQUENCE_DIGITS - digits.length())) + digits + SUFFIX;
    }

    /**
     * @return the input sequence a snapshot file's name carries, or -1 when it is not a snapshot's name.
     */
    static long sequenceOf(final Path path)
    {
        final String name = path.getFileName().toString();
        if (name.length() != PREFIX.length() + SEQUENCE_DIGITS + SUFFIX.length() ||
            !name.startsWith(PREFIX) || !name.endsWith(SUFFIX))
        {
            return -1;
        }
        long sequence = 0;
        for (int i = PREFIX.length(), end = PREFIX.length() + SEQUENCE_DIGITS; i < end; i++)
        {
            final char c = name.charAt(i);
            if (c < '0' || c > '9')
            {
                return -1;
            }
            sequence = sequence * 10 + (c - '0');
        }
        return sequence;
    }

    private void syncDirectory() throws IOException
    {
        // The rename is only durable once the directory entry naming the file is.
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }

    private static void deleteQuietly(final Path path)
    {
        try
        {
            Files.deleteIfExists(path);
        }
        catch (final IOException ignore)
        {
            // Left for the next prune or start; never worth failing a snapshot for.
        }
    }

    private static void writeFully(final FileChannel channel, final ByteBuffer buffer, final long position) throws IOException
    {
        long at = position;
        while (buffer.hasRemaining())
        {
            at += channel.write(buffer, at);
        }
    }

    /**
     * Appends the body after the header's room, with its CRC32C and SHA-256 on the way.
     */
    private static final class BodySink implements SnapshotWriter.Sink
    {
        private final FileChannel channel;
        private final CRC32C crc = new CRC32C();
        private final MessageDigest digest = StateDigest.sha256();
        private long position = SnapshotHeader.LENGTH;

        BodySink(final FileChannel channel)
        {
            this.channel = channel;
        }

        public void onChunk(final byte[] bytes, final int offset, final int length)
        {
            digest.update(bytes, offset, length);
            append(bytes, offset, length);
        }

        public void onDerivedChunk(final byte[] bytes, final int offset, final int length)
        {
            // In the file and its CRC, not in the state's digest.
            append(bytes, offset, length);
        }

        private void append(final byte[] bytes, final int offset, final int length)
        {
            crc.update(bytes, offset, length);
            try
            {
                writeFully(channel, ByteBuffer.wrap(bytes, offset, length), position);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
            position += length;
        }
    }
}
