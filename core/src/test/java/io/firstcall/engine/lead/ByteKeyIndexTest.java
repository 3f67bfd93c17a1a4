package io.firstcall.engine.lead;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private static UnsafeBuffer key(final String text)
    {
        return new UnsafeBuffer(text.getBytes(StandardCharsets.UTF_8));
    }
}
