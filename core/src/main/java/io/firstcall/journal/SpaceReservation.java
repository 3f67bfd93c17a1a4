package io.firstcall.journal;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Keeps the file space just ahead of a Chronicle appender backed by real blocks, by writing zeros
 * there with plain file writes, so the memory-mapped writes that follow never need a new block.
 * <p>
 * Why: Chronicle writes entries through a memory mapping of a sparse file. When the filesystem has
 * no block left for a page, the store faults (SIGBUS) and the JVM does not fail that store: it skips
 * it and raises {@code InternalError: a fault occurred in an unsafe memory access operation} later,
 * at an unrelated point of the thread. By then entries with lost bytes may be committed and
 * acknowledged, and the queue's tail is damaged (measured on a full tmpfs: every entry appended after
 * the first fault was unreadable, and a restart wrote over them). A file write instead fails at once
 * with {@code IOException: No space left on device}, before anything is written through the mapping.
 * <p>
 * Zeros are what an unwritten part of a queue file holds anyway, so filling ahead of the write position
 * changes nothing a reader sees. Only space beyond every byte the appender has written is ever filled:
 * {@link #ensure} is called inside an open excerpt, whose start is past all earlier writes, and the
 * headroom exceeds what the appender writes past an entry (an index block of 32 KiB for our roll cycle).
 * <p>
 * Owned by the appending thread.
 */
final class SpaceReservation implements AutoCloseable
{
    /**
     * Bytes zeroed by one file write.
     */
    static final int STEP_BYTES = 256 * 1024;

    /**
     * Backed bytes kept ahead of each entry's end: an index block, the next entries and some slack.
     */
    static final int HEADROOM_BYTES = 2 * 1024 * 1024;

    private final ByteBuffer zeros = ByteBuffer.allocateDirect(STEP_BYTES);
    private File file;
    private FileChannel channel;
    private long reservedUpTo;

    /**
     * Make sure the bytes from {@code position} to past {@code position + length} plus the headroom are
     * backed, writing zeros where they are not yet.
     *
     * @param cycleFile the file the appender writes to now.
     * @param position  where the entry about to be written starts; the appender has written nothing past it.
     * @param length    the entry's length.
     * @throws IOException when the filesystem has no room (nothing was written through the mapping).
     */
    void ensure(final File cycleFile, final long position, final int length) throws IOException
    {
        if (cycleFile != file)
        {
            switchTo(cycleFile, position);
        }

        final long needed = position + length + HEADROOM_BYTES;
        while (reservedUpTo < needed)
        {
            try
            {
                fill(Math.max(reservedUpTo, position));
            }
            catch (final IOException ex)
            {
                // A step that ran out of room part way may still have covered this entry.
                if (reservedUpTo < needed)
                {
                    throw ex;
                }
            }
        }
    }

    public void close()
    {
        final FileChannel channel = this.channel;
        this.channel = null;
        file = null;
        if (null != channel)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignore)
            {
                // Nothing was written through this channel but zeros; nothing is lost by a failed close.
            }
        }
    }

    private void switchTo(final File cycleFile, final long position) throws IOException
    {
        close();
        channel = FileChannel.open(cycleFile.toPath(), StandardOpenOption.WRITE);
        file = cycleFile;
        reservedUpTo = position;
    }

    private void fill(final long from) throws IOException
    {
        zeros.clear();
        long position = from;
        while (zeros.hasRemaining())
        {
            position += channel.write(zeros, position);
            reservedUpTo = position;
        }
    }
}
