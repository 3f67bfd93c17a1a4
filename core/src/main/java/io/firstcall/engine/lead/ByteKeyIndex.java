package io.firstcall.engine.lead;

import io.firstcall.event.Bytes;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps byte-string keys (tenant ids, lead ids) to dense int indices 0, 1, 2... in first-seen
 * order, without allocating on lookup. Keys are copied once into an arena; the open-addressing
 * table stores each key's hash and index and compares bytes on a hash match, so distinct keys
 * never merge. Indices are never removed: they are stable for the life of the engine, which the
 * deterministic replay relies on.
 */
public final class ByteKeyIndex
{
    public static final int MISSING = -1;
    private static final long SEED = 0x9E3779B97F4A7C15L;

    private final UnsafeBuffer arenaView = new UnsafeBuffer(new byte[0]);
    private byte[] arena;
    private int arenaUsed;
    private int[] keyOffsets;
    private int[] keyLengths;
    private long[] tableHashes;
    private int[] tableIndices;
    private int mask;
    private int size;

    public ByteKeyIndex(final int initialCapacity)
    {
        final int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, initialCapacity) - 1) << 2);
        arena = new byte[capacity * 16];
        arenaView.wrap(arena);
        keyOffsets = new int[capacity];
        keyLengths = new int[capacity];
        tableHashes = new long[capacity * 2];
        tableIndices = new int[capacity * 2];
        Arrays.fill(tableIndices, MISSING);
        mask = tableIndices.length - 1;
    }

    public int size()
    {
        return size;
    }

    /**
     * @return the key's index, or {@link #MISSING}.
     */
    public int get(final DirectBuffer buffer, final int offset, final int length)
    {
        final long hash = hash(buffer, offset, length);
        for (int slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            final int index = tableIndices[slot];
            if (MISSING == index)
            {
                return MISSING;
            }
            if (tableHashes[slot] == hash && matches(index, buffer, offset, length))
            {
                return index;
            }
        }
    }

    /**
     * @return the key's index, adding it with the next index when new.
     */
    public int getOrAdd(final DirectBuffer buffer, final int offset, final int length)
    {
        final long hash = hash(buffer, offset, length);
        int slot = (int)hash & mask;
        while (true)
        {
            final int index = tableIndices[slot];
            if (MISSING == index)
            {
                break;
            }
            if (tableHashes[slot] == hash && matches(index, buffer, offset, length))
            {
                return index;
            }
            slot = (slot + 1) & mask;
        }

        final int index = size;
        storeKey(index, buffer, offset, length);
        tableHashes[slot] = hash;
        tableIndices[slot] = index;
        size++;
        if (size * 2 > tableIndices.length)
        {
            rehash();
        }
        return index;
    }

    public DirectBuffer keyBuffer()
    {
        return arenaView;
    }

    public int keyOffset(final int index)
    {
        return keyOffsets[index];
    }

    public int keyLength(final int index)
    {
        return keyLengths[index];
    }

    public String keyString(final int index)
    {
        return new String(arena, keyOffsets[index], keyLengths[index], StandardCharsets.UTF_8);
    }

    private boolean matches(final int index, final DirectBuffer buffer, final int offset, final int length)
    {
        return keyLengths[index] == length && Bytes.equal(arenaView, keyOffsets[index], buffer, offset, length);
    }

    private void storeKey(final int index, final DirectBuffer buffer, final int offset, final int length)
    {
        if (index == keyOffsets.length)
        {
            keyOffsets = Arrays.copyOf(keyOffsets, index * 2);
            keyLengths = Arrays.copyOf(keyLengths, index * 2);
        }
        if (arenaUsed + length > arena.length)
        {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + length));
            arenaView.wrap(arena);
        }
        buffer.getBytes(offset, arena, arenaUsed, length);
        keyOffsets[index] = arenaUsed;
        keyLengths[index] = length;
        arenaUsed += length;
    }

    private void rehash()
    {
        final long[] oldHashes = tableHashes;
        final int[] oldIndices = tableIndices;
        tableHashes = new long[oldHashes.length * 2];
        tableIndices = new int[oldIndices.length * 2];
        Arrays.fill(tableIndices, MISSING);
        mask = tableIndices.length - 1;
        for (int i = 0; i < oldIndices.length; i++)
        {
            if (MISSING != oldIndices[i])
            {
                int slot = (int)oldHashes[i] & mask;
                while (MISSING != tableIndices[slot])
                {
                    slot = (slot + 1) & mask;
                }
                tableHashes[slot] = oldHashes[i];
                tableIndices[slot] = oldIndices[i];
            }
        }
    }

    private static long hash(final DirectBuffer buffer, final int offset, final int length)
    {
        return Bytes.mix(Bytes.hash(SEED, buffer, offset, length));
    }
}
