package io.firstcall.engine.lead;

import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * Variable-length values (ids, profile text, episode reasons, offer lists) in one growable array,
 * in blocks whose sizes are powers of two from {@link #MIN_BLOCK} to {@link #MAX_BLOCK} bytes. A
 * freed block goes on the free list of its size, and the next block of that size is taken from
 * there, so a table whose rows come and go (leads evicted, new leads created) reuses its space
 * instead of growing: the array is as large as the most blocks of each size ever in use at once.
 * <p>
 * Free lists are intrusive: a free block's first four bytes hold the offset of the next free block
 * of its size. The layout depends only on the order of allocations and frees, so it is the same on
 * replay; it is never written to a snapshot (the values are, by their owners), so a state loaded from
 * one lays its values out afresh.
 * <p>
 * {@link #buffer()} is one view object for the life of the arena, rewrapped when the array grows:
 * read offsets again after any allocation.
 */
public final class BlockArena
{
    public static final int MIN_BLOCK = 16;
    public static final int MAX_BLOCK = 1 << 20;
    private static final int MIN_SHIFT = Integer.numberOfTrailingZeros(MIN_BLOCK);
    private static final int SIZES = Integer.numberOfTrailingZeros(MAX_BLOCK) - MIN_SHIFT + 1;
    private static final int NONE = -1;

    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final int[] freeHeads = new int[SIZES];
    private byte[] bytes;
    private int used;
    private long blockBytesInUse;

    public BlockArena(final int initialBytes)
    {
        bytes = new byte[Math.max(MIN_BLOCK, initialBytes)];
        view.wrap(bytes);
        Arrays.fill(freeHeads, NONE);
    }

    /**
     * @return the block size that holds {@code length} bytes.
     * @throws IllegalArgumentException when over {@link #MAX_BLOCK}.
     */
    public static int blockSize(final int length)
    {
        if (length <= MIN_BLOCK)
        {
            return MIN_BLOCK;
        }
        if (length > MAX_BLOCK)
        {
            throw new IllegalArgumentException("a block holds at most " + MAX_BLOCK + " bytes: " + length);
        }
        return Integer.highestOneBit(length - 1) << 1;
    }

    /**
     * @param blockSize a size from {@link #blockSize(int)}.
     * @return the new block's offset in {@link #buffer()}; its bytes are whatever they were.
     */
    public int allocate(final int blockSize)
    {
        final int size = sizeIndex(blockSize);
        final int head = freeHeads[size];
        blockBytesInUse += blockSize;
        if (NONE != head)
        {
            freeHeads[size] = view.getInt(head);
            return head;
        }
        if (used + blockSize > bytes.length)
        {
            grow(used + blockSize);
        }
        final int offset = used;
        used += blockSize;
        return offset;
    }

    /**
     * Give a block back; it must not be read again.
     */
    public void free(final int offset, final int blockSize)
    {
        final int size = sizeIndex(blockSize);
        view.putInt(offset, freeHeads[size]);
        freeHeads[size] = offset;
        blockBytesInUse -= blockSize;
    }

    public UnsafeBuffer buffer()
    {
        return view;
    }

    /**
     * The array behind {@link #buffer()}, for copies into {@code byte[]} APIs; replaced when the arena grows.
     */
    public byte[] array()
    {
        return bytes;
    }

    /**
     * @return bytes of blocks handed out and not freed.
     */
    public long blockBytesInUse()
    {
        return blockBytesInUse;
    }

    /**
     * @return the bytes the arena's array holds, used or free.
     */
    public int capacity()
    {
        return bytes.length;
    }

    private static int sizeIndex(final int blockSize)
    {
        return Integer.numberOfTrailingZeros(blockSize) - MIN_SHIFT;
    }

    private void grow(final int needed)
    {
        final long capacity = Math.max((long)bytes.length * 2, needed);
        if (capacity > Integer.MAX_VALUE - 16)
        {
            throw new IllegalStateException("block arena full: " + needed + " bytes needed");
        }
        bytes = Arrays.copyOf(bytes, (int)capacity);
        view.wrap(bytes);
    }
}
