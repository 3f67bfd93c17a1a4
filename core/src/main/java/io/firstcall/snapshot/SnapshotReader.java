package io.firstcall.snapshot;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Reads back what a {@link SnapshotWriter} wrote, pulling chunks from a {@link Source}. Running past
 * the end, or a length outside what the caller allows, throws {@link SnapshotFormatException}: a
 * snapshot is checked (CRC32C) before it is read, so that means a writer and reader that disagree,
 * never a torn file.
 */
public final class SnapshotReader
{
    /**
     * Where the bytes come from.
     */
    @FunctionalInterface
    public interface Source
    {
        /**
         * @return bytes read into {@code bytes}, at least 1, or -1 at the end.
         */
        int read(byte[] bytes, int offset, int length);
    }

    private final byte[] chunk = new byte[SnapshotWriter.CHUNK_LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(chunk);
    private final Source source;
    private int limit;
    private int next;
    private long consumed;
    private int formatVersion = SnapshotHeader.FORMAT_VERSION;

    public SnapshotReader(final Source source)
    {
        this.source = source;
    }

    /**
     * @return the format version of the file being read: a section whose layout changed reads by it.
     */
    public int formatVersion()
    {
        return formatVersion;
    }

    SnapshotReader formatVersion(final int formatVersion)
    {
        this.formatVersion = formatVersion;
        return this;
    }

    /**
     * Skip {@code length} bytes.
     */
    public void skip(final long length)
    {
        long done = 0;
        while (done < length)
        {
            require(1);
            final int part = (int)Math.min(length - done, limit - next);
            next += part;
            done += part;
        }
    }

    public byte getByte()
    {
        require(Byte.BYTES);
        final byte value = buffer.getByte(next);
        next += Byte.BYTES;
        return value;
    }

    public boolean getBoolean()
    {
        final byte value = getByte();
        if (value != 0 && value != 1)
        {
            throw new SnapshotFormatException("not a boolean: " + value + " at " + (position() - 1));
        }
        return 1 == value;
    }

    public int getInt()
    {
        require(Integer.BYTES);
        final int value = buffer.getInt(next, ByteOrder.LITTLE_ENDIAN);
        next += Integer.BYTES;
        return value;
    }

    public long getLong()
    {
        require(Long.BYTES);
        final long value = buffer.getLong(next, ByteOrder.LITTLE_ENDIAN);
        next += Long.BYTES;
        return value;
    }

    /**
     * An int that sizes what follows (a count, a length), checked before anything is allocated for it.
     *
     * @throws SnapshotFormatException when it is negative or above {@code max}.
     */
    public int getCount(final int max)
    {
        final int count = getInt();
        if (count < 0 || count > max)
        {
            throw new SnapshotFormatException("count " + count + " outside 0.." + max + " at " + (position() - Integer.BYTES));
        }
        return count;
    }

    public void getBytes(final MutableDirectBuffer destination, final int offset, final int length)
    {
        int done = 0;
        while (done < length)
        {
            require(1);
            final int part = Math.min(length - done, limit - next);
            destination.putBytes(offset + done, chunk, next, part);
            next += part;
            done += part;
        }
    }

    public void getBytes(final byte[] destination, final int offset, final int length)
    {
        int done = 0;
        while (done < length)
        {
            require(1);
            final int part = Math.min(length - done, limit - next);
            System.arraycopy(chunk, next, destination, offset + done, part);
            next += part;
            done += part;
        }
    }

    /**
     * @return bytes read so far.
     */
    public long position()
    {
        return consumed + next;
    }

    /**
     * @return true when the source is exhausted and every byte has been read.
     */
    public boolean atEnd()
    {
        if (next < limit)
        {
            return false;
        }
        return !refill();
    }

    private void require(final int length)
    {
        if (next + length <= limit)
        {
            return;
        }
        final int left = limit - next;
        System.arraycopy(chunk, next, chunk, 0, left);
        consumed += next;
        next = 0;
        limit = left;
        while (limit < length)
        {
            final int read = source.read(chunk, limit, chunk.length - limit);
            if (read < 0)
            {
                throw new SnapshotFormatException("snapshot ends at " + (consumed + limit) + ", " + length + " more bytes expected");
            }
            limit += read;
        }
    }

    private boolean refill()
    {
        consumed += next;
        next = 0;
        limit = 0;
        final int read = source.read(chunk, 0, chunk.length);
        if (read < 0)
        {
            return false;
        }
        limit = read;
        return true;
    }
}
