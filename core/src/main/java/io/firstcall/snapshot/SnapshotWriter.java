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

        /**
         * Bytes between {@link #beginDerived()} and {@link #endDerived()}: written to a file like the
         * rest, but left out of the state's digest, since they follow from the state.
         */
        default void onDerivedChunk(final byte[] bytes, final int offset, final int length)
        {
            onChunk(bytes, offset, length);
        }

        /**
         * @return false when derived bytes would only be dropped (a digest), so the state need not compute them.
         */
        default boolean wantsDerived()
        {
            return true;
        }
    }

    private final byte[] chunk = new byte[CHUNK_LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(chunk);
    private final Sink sink;
    private int used;
    private long flushed;
    private boolean derived;

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
     * @return true when the sink keeps derived data (see {@link #beginDerived()}); when false, write none.
     */
    public boolean wantsDerived()
    {
        return sink.wantsDerived();
    }

    /**
     * What follows until {@link #endDerived()} is derived from the state written before it (an index
     * of it, say): a reader may take it instead of computing it, and the state's digest leaves it out.
     */
    public SnapshotWriter beginDerived()
    {
        flush();
        derived = true;
        return this;
    }

    public SnapshotWriter endDerived()
    {
        flush();
        derived = false;
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
            if (derived)
            {
                sink.onDerivedChunk(chunk, 0, used);
            }
            else
            {
                sink.onChunk(chunk, 0, used);
            }
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
