package io.firstcall.snapshot;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Writes state into a snapshot as a stream of little-endian primitives and raw bytes, in chunks of
 * {@link #CHUNK_LENGTH} handed to a {@link Sink}: a snapshot file, a digest, memory. It knows no
 * files, so the state machine can write itself without any I/O of its own.
 * <p>
 * What a {@link Snapshottable} writes must be canonical: the same state always gives the same
 * bytes, whatever history led to it (write collections in a defined order, never in hash-table
 * order), because the digest of those bytes is how two states are compared.
 */
public final class SnapshotWriter
{
    public static final int CHUNK_LENGTH = 64 * 1024;

    /**
     * Where full chunks go. A chunk's bytes are only valid during the call.
     */
    @FunctionalInterface
    public interface Sink
    {
        void onChunk(byte[] bytes, int offset, int length);
    }

    private final byte[] chunk = new byte[CHUNK_LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(chunk);
    private final Sink sink;
    private int used;
    private long flushed;

    public SnapshotWriter(final Sink sink)
    {
        this.sink = sink;
    }

    public SnapshotWriter putByte(final byte value)
    {
        ensure(Byte.BYTES);
        buffer.putByte(used, value);
        used += Byte.BYTES;
        return this;
    }

    public SnapshotWriter putBoolean(final boolean value)
    {
        return putByte(value ? (byte)1 : (byte)0);
    }

    public SnapshotWriter putInt(final int value)
    {
        ensure(Integer.BYTES);
        buffer.putInt(used, value, ByteOrder.LITTLE_ENDIAN);
        used += Integer.BYTES;
        return this;
    }

    public SnapshotWriter putLong(final long value)
    {
        ensure(Long.BYTES);
        buffer.putLong(used, value, ByteOrder.LITTLE_ENDIAN);
        used += Long.BYTES;
        return this;
    }

    /**
     * Raw bytes, without a length: write the length first when the reader cannot know it.
     */
    public SnapshotWriter putBytes(final DirectBuffer source, final int offset, final int length)
    {
        int done = 0;
        while (done < length)
        {
            ensure(1);
            final int part = Math.min(length - done, CHUNK_LENGTH - used);
            source.getBytes(offset + done, chunk, used, part);
            used += part;
            done += part;
        }
        return this;
    }

    public SnapshotWriter putBytes(final byte[] source, final int offset, final int length)
    {
        int done = 0;
        while (done < length)
        {
            ensure(1);
            final int part = Math.min(length - done, CHUNK_LENGTH - used);
            System.arraycopy(source, offset + done, chunk, used, part);
            used += part;
            done += part;
        }
        return this;
    }

    /**
     * @return bytes written so far, flushed or not.
     */
    public long position()
    {
        return flushed + used;
    }

    /**
     * Hand whatever is buffered to the sink.
     */
    public void flush()
    {
        if (used > 0)
        {
            sink.onChunk(chunk, 0, used);
            flushed += used;
            used = 0;
        }
    }

    private void ensure(final int length)
    {
        if (used + length > CHUNK_LENGTH)
        {
            flush();
        }
    }
}
