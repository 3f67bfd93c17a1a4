package io.firstcall.support;

import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Snapshots in memory: what a {@link SnapshotWriter} wrote, as bytes, and a reader over them.
 */
public final class SnapshotBytes
{
    private SnapshotBytes()
    {
    }

    public static byte[] write(final Consumer<SnapshotWriter> state)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final SnapshotWriter writer = new SnapshotWriter(bytes::write);
        state.accept(writer);
        writer.flush();
        return bytes.toByteArray();
    }

    /**
     * @return a reader handing out {@code bytes} a few at a time, so chunk boundaries get exercised.
     */
    public static SnapshotReader reader(final byte[] bytes)
    {
        final int[] next = new int[1];
        return new SnapshotReader((into, offset, length) ->
        {
            if (next[0] == bytes.length)
            {
                return -1;
            }
            final int part = Math.min(Math.min(length, 1000), bytes.length - next[0]);
            System.arraycopy(bytes, next[0], into, offset, part);
            next[0] += part;
            return part;
        });
    }

    public static String hex(final byte[] bytes)
    {
        return Arrays.toString(bytes);
    }
}
