package io.firstcall.engine.lead;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteKeyIndexTest
{
    @Test
    void shouldAssignDenseIndicesInFirstSeenOrderAndFindThemAgainAcrossGrowth()
    {
        final ByteKeyIndex index = new ByteKeyIndex(2);
        for (int i = 0; i < 50_000; i++)
        {
            assertEquals(i, index.getOrAdd(key("lead-" + i), 0, ("lead-" + i).length()));
        }
        for (int i = 0; i < 50_000; i++)
        {
            final String id = "lead-" + i;
            assertEquals(i, index.get(key(id), 0, id.length()));
            assertEquals(i, index.getOrAdd(key(id), 0, id.length()));
            assertEquals(id, index.keyString(i));
        }
        assertEquals(50_000, index.size());
        assertEquals(ByteKeyIndex.MISSING, index.get(key("lead-50000"), 0, 10));
    }

    @Test
    void shouldTellApartKeysThatArePrefixesOfEachOther()
    {
        final ByteKeyIndex index = new ByteKeyIndex(4);
        assertEquals(0, index.getOrAdd(key("ab"), 0, 2));
        assertEquals(1, index.getOrAdd(key("abc"), 0, 3));
        assertEquals(2, index.getOrAdd(key(""), 0, 0));
        assertEquals(0, index.get(key("ab"), 0, 2));
        assertEquals(2, index.get(key(""), 0, 0));
    }

    /**
     * Keys of up to 16 bytes are matched from the table entry alone; longer ones also by the rest
     * of their bytes in the arena.
     */
    @Test
    void shouldTellApartKeysThatShareTheirFirstSixteenBytesOrDifferOnlyInTrailingZeros()
    {
        final String prefix = "0123456789abcdef";
        final String[] ids = {prefix, prefix + "x", prefix + "y", prefix + "x".repeat(30), prefix + "x".repeat(29) + "y",
            "a", "a\0", "a\0\0", "\0", prefix.substring(0, 15) + "\0"};
        final ByteKeyIndex index = new ByteKeyIndex(2);
        for (int i = 0; i < ids.length; i++)
        {
            assertEquals(i, index.getOrAdd(key(ids[i]), 0, ids[i].length()), ids[i]);
        }
        for (int i = 0; i < ids.length; i++)
        {
            assertEquals(i, index.get(key(ids[i]), 0, ids[i].length()), ids[i]);
            assertEquals(ids[i], index.keyString(i));
        }
        final String other = prefix + "x".repeat(29) + "z";
        assertEquals(ByteKeyIndex.MISSING, index.get(key(other), 0, other.length()));
    }

    @Test
    void shouldFindEveryOtherKeyAfterRemovalsAndReuseTheLowestFreeIndex()
    {
        final ByteKeyIndex index = new ByteKeyIndex(2);
        final Map<String, Integer> expected = new HashMap<>();
        final TreeSet<Integer> free = new TreeSet<>();
        final Random random = new Random(42);
        int limit = 0;
        for (int step = 0; step < 200_000; step++)
        {
            // Keys of 1..40 bytes over a small space, so probe runs wrap and collide.
            final String id = "k" + random.nextInt(5_000) + "x".repeat(random.nextInt(40));
            final Integer known = expected.get(id);
            if (null != known && random.nextBoolean())
            {
                index.remove(known);
                expected.remove(id);
                free.add(known);
            }
            else if (null == known)
            {
                final int next = free.isEmpty() ? limit++ : free.pollFirst();
                assertEquals(next, index.getOrAdd(key(id), 0, id.length()), id);
                expected.put(id, next);
            }
        }
        assertEquals(expected.size(), index.size());
        for (final Map.Entry<String, Integer> entry : expected.entrySet())
        {
            assertEquals(entry.getValue(), index.get(key(entry.getKey()), 0, entry.getKey().length()), entry.getKey());
            assertEquals(entry.getKey(), index.keyString(entry.getValue()));
        }
        for (final int gone : free)
        {
            assertFalse(index.isLive(gone));
        }
    }

    @Test
    void shouldPutKeysBackAtTheirIndicesAndHandOutTheSameIndicesAfterwards()
    {
        final ByteKeyIndex index = new ByteKeyIndex(4);
        index.addAt(3, key("d"), 0, 1);
        index.addAt(0, key("a"), 0, 1);

        assertEquals(3, index.get(key("d"), 0, 1));
        assertEquals(4, index.limit());
        assertEquals(1, index.getOrAdd(key("b"), 0, 1));
        assertEquals(2, index.getOrAdd(key("c"), 0, 1));
        assertEquals(4, index.getOrAdd(key("e"), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> index.addAt(1, key("z"), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> index.addAt(9, key("a"), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> index.remove(7));
    }

    private static UnsafeBuffer key(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
