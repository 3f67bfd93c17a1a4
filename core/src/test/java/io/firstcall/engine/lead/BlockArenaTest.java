package io.firstcall.engine.lead;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BlockArenaTest
{
    @Test
    void shouldRoundLengthsUpToPowersOfTwoFromSixteen()
    {
        assertEquals(16, BlockArena.blockSize(0));
        assertEquals(16, BlockArena.blockSize(16));
        assertEquals(32, BlockArena.blockSize(17));
        assertEquals(4096, BlockArena.blockSize(2560));
        assertEquals(BlockArena.MAX_BLOCK, BlockArena.blockSize(BlockArena.MAX_BLOCK));
        assertThrows(IllegalArgumentException.class, () -> BlockArena.blockSize(BlockArena.MAX_BLOCK + 1));
    }

    @Test
    void shouldReuseFreedBlocksOfTheSameSizeSoChurnDoesNotGrowIt()
    {
        final BlockArena arena = new BlockArena(16);
        final int[] held = new int[64];
        for (int i = 0; i < held.length; i++)
        {
            held[i] = arena.allocate(64);
        }
        final int capacity = arena.capacity();
        for (int round = 0; round < 10_000; round++)
        {
            final int i = round % held.length;
            arena.free(held[i], 64);
            held[i] = arena.allocate(64);
            arena.buffer().putLong(held[i], round);
        }

        assertEquals(capacity, arena.capacity());
        assertEquals(64L * 64, arena.blockBytesInUse());
    }

    @Test
    void shouldHandBackTheMostRecentlyFreedBlockFirst()
    {
        final BlockArena arena = new BlockArena(16);
        final int a = arena.allocate(32);
        final int b = arena.allocate(32);
        arena.free(a, 32);
        arena.free(b, 32);

        assertEquals(b, arena.allocate(32));
        assertEquals(a, arena.allocate(32));
        assertEquals(64, arena.allocate(16), "another size comes from fresh space");
    }
}
