package io.firstcall.engine.lead;

import io.firstcall.event.Bytes;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Maps byte-string keys (tenant ids, lead ids, rep ids) to dense int indices 0, 1, 2... in
 * first-seen order, without allocating on lookup. Keys are copied once into an arena; the
 * open-addressing table keeps each key's hash beside its index, and a hash match is confirmed by
 * comparing the bytes, so distinct keys never merge. Indices are never removed: they are stable for
 * the life of the engine, which the deterministic replay relies on.
 * <p>
 * Laid out for cache misses, since lookups are spread over many keys: a probe reads one 16-byte
 * table entry {@code [hash][arena position + 1]}, then at that position in the arena the key's
 * {@code [index int32][length int32][bytes]}, usually one cache line. Reading a key by index
 * ({@link #keyOffset}, {@link #keyLength}) goes through a separate {@code [offset, length]} array.
 */
public final class ByteKeyIndex
{
    public static final int MISSING = -1;
    private static final long SEED = 0x9E3779B97F4A7C15L;
    private static final int KEY_HEADER = 8;

    private final UnsafeBuffer arenaView = new UnsafeBuffer(new byte[0]);
    private byte[] arena;
    private int arenaUsed;
    private long[] keys;
    private long[] table;
    private int mask;
    private int size;

    public ByteKeyIndex(final int initialCapacity)
    {
        final int capacity = Math.max(16, Integer.highestOneBit(Math.max(1, initialCapacity) - 1) << 2);
        arena = new byte[capacity * 16];
        arenaView.wrap(arena);
        keys = new long[capacity];
        table = new long[capacity * 4];
        mask = capacity * 2 - 1;
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
        final long[] table = this.table;
        for (int slot = (int)hash & mask; ; slot = (slot + 1) & mask)
        {
            final int position = (int)table[2 * slot + 1] - 1;
            if (position < 0)
            {
                return MISSING;
            }
            if (table[2 * slot] == hash && matches(position, buffer, offset, length))
            {
                return arenaView.getInt(position);
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
            final int position = (int)table[2 * slot + 1] - 1;
            if (position < 0)
            {
                break;
            }
            if (table[2 * slot] == hash && matches(position, buffer, offset, length))
            {
                return arenaView.getInt(position);
            }
            slot = (slot + 1) & mask;
        }

        final int index = size;
        final int position = storeKey(index, buffer, offset, length);
        table[2 * slot] = hash;
        table[2 * slot + 1] = position + 1;
        size++;
        if (size * 2 > mask + 1)
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
        return (int)(keys[index] >>> 32);
    }

    public int keyLength(final int index)
    {
        return (int)keys[index];
    }

    public String keyString(final int index)
    {
        return new String(arena, keyOffset(index), keyLength(index), StandardCharsets.UTF_8);
    }

    /**
     * @param position of a key's header in the arena.
     */
    private boolean matches(final int position, final DirectBuffer buffer, final int offset, final int length)
    {
        return arenaView.getInt(position + 4) == length && Bytes.equal(arenaView, position + KEY_HEADER, buffer, offset, length);
    }

    /**
     * @return the position of the key's header in the arena.
     */
    private int storeKey(final int index, final DirectBuffer buffer, final int offset, final int length)
    {
        if (index == keys.length)
        {
            keys = Arrays.copyOf(keys, index * 2);
        }
        if (arenaUsed + KEY_HEADER + length > arena.length)
        {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + KEY_HEADER + length));
            arenaView.wrap(arena);
        }
        final int position = arenaUsed;
        arenaView.putInt(position, index);
        arenaView.putInt(position + 4, length);
        buffer.getBytes(offset, arena, position + KEY_HEADER, length);
        keys[index] = ((long)(position + KEY_HEADER) << 32) | length;
        arenaUsed += KEY_HEADER + length;
        return position;
    }

    private void rehash()
    {
        final long[] old = table;
        table = new long[old.length * 2];
        mask = (table.length / 2) - 1;
        for (int i = 0; i < old.length; i += 2)
        {
            if (0 != old[i + 1])
            {
                int slot = (int)old[i] & mask;
                while (0 != table[2 * slot + 1])
                {
                    slot = (slot + 1) & mask;
                }
                table[2 * slot] = old[i];
                table[2 * slot + 1] = old[i + 1];
            }
        }
    }

    private static long hash(final DirectBuffer buffer, final int offset, final int length)
    {
        return Bytes.mix(Bytes.hash(SEED, buffer, offset, length));
    }
}
