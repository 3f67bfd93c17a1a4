package io.firstcall.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * One snapshot file on disk, its header read and checked. {@link #problem()} says whether it can be
 * used; {@link #load} checks the body's CRC32C before a byte of it is handed to the state, so a
 * torn or corrupt file is refused whole instead of half loaded.
 */
public final class SnapshotFile
{
    private static final int VERIFY_CHUNK = 1 << 20;

    private final Path path;
    private final SnapshotHeader header;
    private final long fileLength;
    private final String problem;

    private SnapshotFile(final Path path, final SnapshotHeader header, final long fileLength, final String problem)
    {
        this.path = path;
        this.header = header;
        this.fileLength = fileLength;
        this.problem = problem;
    }

    /**
     * Read and check a file's header (magic, header CRC, format version, length).
     */
    public static SnapshotFile open(final Path path)
    {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            final long fileLength = channel.size();
            if (fileLength < SnapshotHeader.LENGTH)
            {
                return new SnapshotFile(path, null, fileLength, "truncated: " + fileLength + " bytes, no whole header");
            }
            final byte[] start = new byte[SnapshotHeader.LENGTH];
            readFully(channel, ByteBuffer.wrap(start), 0);
            final SnapshotHeader header = SnapshotHeader.of(start);
            String problem = header.problem();
            if (null == problem && fileLength != SnapshotHeader.LENGTH + header.bodyLength())
            {
                problem = "truncated: " + fileLength + " bytes, the header announces " + (SnapshotHeader.LENGTH + header.bodyLength());
            }
            return new SnapshotFile(path, null == problem ? header : null, fileLength, problem);
        }
        catch (final IOException ex)
        {
            return new SnapshotFile(path, null, -1, "unreadable: " + ex);
        }
    }

    public Path path()
    {
        return path;
    }

    /**
     * @return the header, or null when {@link #problem()} is not.
     */
    public SnapshotHeader header()
    {
        return header;
    }

    public long fileLength()
    {
        return fileLength;
    }

    /**
     * @return why the header cannot be used, or null.
     */
    public String problem()
    {
        return problem;
    }

    /**
     * @return why the body cannot be used (CRC32C mismatch, unreadable), or null.
     */
    public String verifyBody()
    {
        if (null != problem)
        {
            return problem;
        }
        final CRC32C crc = new CRC32C();
        final ByteBuffer chunk = ByteBuffer.allocateDirect(VERIFY_CHUNK);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            long position = SnapshotHeader.LENGTH;
            while (position < fileLength)
            {
                chunk.clear().limit((int)Math.min(VERIFY_CHUNK, fileLength - position));
                readFully(channel, chunk, position);
                position += chunk.flip().remaining();
                crc.update(chunk);
            }
        }
        catch (final IOException ex)
        {
            return "unreadable: " + ex;
        }
        return (int)crc.getValue() == header.bodyCrc() ? null : "body CRC32C mismatch (file corrupt)";
    }

    /**
     * Hand each section of the body to {@code content}, checking it reads exactly the section's length.
     * Call {@link #verifyBody()} first.
     *
     * @throws SnapshotFormatException when a section reads more or fewer bytes than were written.
     */
    public void load(final SnapshotContent content)
    {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            final long[] next = { SnapshotHeader.LENGTH };
            final SnapshotReader reader = new SnapshotReader((bytes, offset, length) ->
            {
                if (next[0] >= fileLength)
                {
                    return -1;
                }
                final int read = read(channel, ByteBuffer.wrap(bytes, offset, (int)Math.min(length, fileLength - next[0])), next[0]);
                next[0] += read;
                return read;
            }).formatVersion(header.formatVersion());
            long sectionEnd = 0;
            for (final SnapshotSection section : SnapshotSection.values())
            {
                sectionEnd += header.sectionLength(section);
                content.readSection(section, reader);
                if (reader.position() != sectionEnd)
                {
                    throw new SnapshotFormatException(section + " section read up to " + reader.position() +
                        ", it ends at " + sectionEnd);
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read snapshot " + path, ex);
        }
    }

    /**
     * Read the start of one section, e.g. the settings a section was written with.
     *
     * @return what {@code reading} returns.
     */
    public <T> T readSection(final SnapshotSection section, final Function<SnapshotReader, T> reading)
    {
        long start = SnapshotHeader.LENGTH;
        for (int i = 0; i < section.ordinal(); i++)
        {
            start += header.sectionLength(SnapshotSection.values()[i]);
        }
        final long end = start + header.sectionLength(section);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ))
        {
            final long[] next = { start };
            return reading.apply(new SnapshotReader((bytes, offset, length) ->
            {
                if (next[0] >= end)
                {
                    return -1;
                }
                final int read = read(channel, ByteBuffer.wrap(bytes, offset, (int)Math.min(length, end - next[0])), next[0]);
                next[0] += read;
                return read;
            }).formatVersion(header.formatVersion()));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read snapshot " + path, ex);
        }
    }

    public String toString()
    {
        return path.getFileName() + (null == header ? " (" + problem + ")" : " (" + header + ")");
    }

    private static int read(final FileChannel channel, final ByteBuffer buffer, final long position)
    {
        try
        {
            final int read = channel.read(buffer, position);
            if (read <= 0)
            {
                throw new SnapshotFormatException("snapshot ends early at " + position);
            }
            return read;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static void readFully(final FileChannel channel, final ByteBuffer buffer, final long position) throws IOException
    {
        long at = position;
        while (buffer.hasRemaining())
        {
            final int read = channel.read(buffer, at);
            if (read < 0)
            {
                throw new IOException("end of file at " + at);
            }
            at += read;
        }
    }
}
