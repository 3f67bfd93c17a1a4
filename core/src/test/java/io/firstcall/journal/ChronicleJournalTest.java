package io.firstcall.journal;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChronicleJournalTest
{
    @TempDir
    Path tempDir;

    @Test
    void shouldReadBackEntriesOfVariedSizesByteForByte()
    {
        final List<byte[]> entries = entries(2_000, 42);
        final List<Long> positions = new ArrayList<>();

        try (ChronicleJournal journal = ChronicleJournal.open(tempDir))
        {
            appendAll(journal, entries, positions);

            try (JournalReader reader = journal.openReader())
            {
                final List<byte[]> read = new ArrayList<>();
                final List<Long> readPositions = new ArrayList<>();
                while (reader.readNext((buffer, offset, length, position) ->
                {
                    read.add(copy(buffer, offset, length));
                    readPositions.add(position);
                }))
                {
                }

                assertEntriesEqual(entries, read);
                assertEquals(positions, readPositions);
            }
        }
    }

    @Test
    void shouldAppendFromDirectAndOffsetBuffers()
    {
        final byte[] bytes = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        final UnsafeBuffer direct = new UnsafeBuffer(ByteBuffer.allocateDirect(16));
        direct.putBytes(0, bytes);
        final UnsafeBuffer slicedArray = new UnsafeBuffer(bytes, 2, 5);
        final UnsafeBuffer heapByteBuffer = new UnsafeBuffer(ByteBuffer.wrap(bytes, 1, 6).slice());

        try (ChronicleJournal journal = ChronicleJournal.open(tempDir))
        {
            journal.append(direct, 3, 4);
            journal.append(slicedArray, 1, 3);
            journal.append(heapByteBuffer, 0, 6);

            final List<byte[]> read = readAll(journal);
            assertEntriesEqual(
                List.of(new byte[]{ 4, 5, 6, 7 }, new byte[]{ 4, 5, 6 }, new byte[]{ 2, 3, 4, 5, 6, 7 }), read);
        }
    }

    @Test
    void shouldReturnStrictlyIncreasingPositions()
    {
        final List<byte[]> entries = entries(5_000, 7);
        final List<Long> positions = new ArrayList<>();

        try (ChronicleJournal journal = ChronicleJournal.open(tempDir))
        {
            appendAll(journal, entries, positions);
        }

        for (int i = 1; i < positions.size(); i++)
        {
            assertTrue(positions.get(i) > positions.get(i - 1), "position " + i);
        }
    }

    @Test
    void shouldReadEntryAtPositionWithoutMovingSequentialCursor()
    {
        final List<byte[]> entries = entries(1_000, 3);
        final List<Long> positions = new ArrayList<>();

        try (ChronicleJournal journal = ChronicleJournal.open(tempDir))
        {
            appendAll(journal, entries, positions);

            try (JournalReader reader = journal.openReader())
            {
                final List<byte[]> read = new ArrayList<>();
                final EntryHandler collect = (buffer, offset, length, position) -> read.add(copy(buffer, offset, length));
                for (int i = 0; i < 10; i++)
                {
                    assertTrue(reader.readNext(collect));
                }

                final long[] seenPosition = new long[1];
                final byte[][] seen = new byte[1][];
                final EntryHandler capture = (buffer, offset, length, position) ->
                {
                    seen[0] = copy(buffer, offset, length);
                    seenPosition[0] = position;
                };
                for (final int index : new int[]{ 777, 0, 999, 10, 500 })
                {
                    assertTrue(reader.readAt(positions.get(index), capture));
                    assertArrayEquals(entries.get(index), seen[0], "entry " + index);
                    assertEquals(positions.get(index), seenPosition[0]);
                }

                while (reader.readNext(collect))
                {
                }
                assertEntriesEqual(entries, read);
            }
        }
    }

    @Test
    void shouldNotReadAtPositionThatHoldsNoEntry()
    {
        try (ChronicleJournal journal = ChronicleJournal.open(tempDir))
        {
            final long position = journal.append(new UnsafeBuffer(new byte[]{ 1 }), 0, 1);

            try (JournalReader reader = journal.openReader())
            {
                final EntryHandler fail = (buffer, offset, length, p) -> { throw new AssertionError("no entry"); };
                assertFalse(reader.readAt(position + 1, fail));
                assertFalse(reader.readAt(-1, fail));
            }
        }
    }

    @Test
    void shouldContinueAfterReopenAndReadAllEntries()
    {
        final List<byte[]> first = entries(1_500, 11);
        final List<byte[]> second = entries(1_500, 12);
        final List<Long> positions = new ArrayList<>();

        final ChronicleJournal journal = ChronicleJournal.open(tempDir);
        appendAll(journal, first, positions);
        journal.close();
        journal.close();

        try (ChronicleJournal reopened = ChronicleJournal.open(tempDir))
        {
            assertFalse(reopened.isEmpty());
            assertEntriesEqual(first, readAll(reopened));

            appendAll(reopened, second, positions);
            assertTrue(positions.get(first.size()) > positions.get(first.size() - 1));

            final List<byte[]> all = new ArrayList<>(first);
            all.addAll(second);
            assertEntriesEqual(all, readAll(reopened));
        }
    }

    @Test
    void shouldSeeEntriesAppendedAfterReaderReachedTheEnd()
    {
        try (ChronicleJournal journal = ChronicleJournal.open(tempDir);
            JournalReader reader = journal.openReader())
        {
            final int[] count = new int[1];
            final EntryHandler counter = (buffer, offset, length, position) -> count[0]++;
            assertFalse(reader.readNext(counter));

            journal.append(new UnsafeBuffer(new byte[]{ 9, 8 }), 0, 2);
            assertTrue(reader.readNext(counter));
            assertFalse(reader.readNext(counter));
            assertEquals(1, count[0]);
        }
    }

    @Test
    void shouldBeEmptyUntilFirstAppend()
    {
        try (ChronicleJournal journal = ChronicleJournal.open(tempDir.resolve("a/b")))
        {
            assertTrue(journal.isEmpty());
            try (JournalReader reader = journal.openReader())
            {
                assertFalse(reader.readNext((buffer, offset, length, position) -> { throw new AssertionError(); }));
            }
            journal.sync();

            journal.append(new UnsafeBuffer(new byte[]{ 1, 2, 3 }), 0, 3);
            assertFalse(journal.isEmpty());
        }

        try (ChronicleJournal journal = ChronicleJournal.open(tempDir.resolve("a/b")))
        {
            assertFalse(journal.isEmpty());
        }
    }

    @Test
    void shouldRejectEmptyEntry()
    {
        try (ChronicleJournal journal = ChronicleJournal.open(tempDir))
        {
            assertThrows(IllegalArgumentException.class, () -> journal.append(new UnsafeBuffer(new byte[4]), 0, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> journal.append(new UnsafeBuffer(new byte[4]), 2, 3));
            assertTrue(journal.isEmpty());
        }
    }

    @Test
    void shouldSyncWithoutError()
    {
        final List<byte[]> entries = entries(100, 5);
        try (ChronicleJournal journal = ChronicleJournal.open(tempDir))
        {
            journal.sync();
            appendAll(journal, entries, new ArrayList<>());
            journal.sync();
            journal.append(new UnsafeBuffer(new byte[]{ 1 }), 0, 1);
            journal.sync();
            journal.sync();
            assertEquals(entries.size() + 1, readAll(journal).size());
        }
    }

    @Test
    void shouldHandAnEntryOverAgainWhenHandlerThrows()
    {
        try (ChronicleJournal journal = ChronicleJournal.open(tempDir);
            JournalReader reader = journal.openReader())
        {
            journal.append(new UnsafeBuffer(new byte[]{ 1 }), 0, 1);
            journal.append(new UnsafeBuffer(new byte[]{ 2 }), 0, 1);

            assertThrows(IllegalStateException.class,
                () -> reader.readNext((buffer, offset, length, position) -> { throw new IllegalStateException(); }));

            final List<Byte> read = new ArrayList<>();
            final EntryHandler collect = (buffer, offset, length, position) -> read.add(buffer.getByte(offset));
            while (reader.readNext(collect))
            {
            }
            assertEquals(List.of((byte)1, (byte)2), read);
        }
    }

    @Test
    void shouldAppendOnAnotherThreadThanOpenAndClose() throws Exception
    {
        final List<byte[]> entries = entries(500, 9);
        final ChronicleJournal journal = ChronicleJournal.open(tempDir);
        final ExecutorService executor = Executors.newSingleThreadExecutor();
        try
        {
            final Future<?> appended = executor.submit(() ->
            {
                appendAll(journal, entries, new ArrayList<>());
                journal.sync();
            });
            appended.get();
            assertEntriesEqual(entries, readAll(journal));
        }
        finally
        {
            executor.shutdown();
            journal.close();
        }
    }

    @Test
    void shouldRoundTripOneMillionEntries()
    {
        final int count = 1_000_000;
        final int length = 100;
        final UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(length));

        try (ChronicleJournal journal = ChronicleJournal.open(tempDir))
        {
            long lastPosition = Long.MIN_VALUE;
            for (int i = 0; i < count; i++)
            {
                buffer.putInt(0, i);
                buffer.putInt(length - 4, ~i);
                final long position = journal.append(buffer, 0, length);
                assertTrue(position > lastPosition);
                lastPosition = position;
            }

            try (JournalReader reader = journal.openReader())
            {
                final long[] totals = new long[3];
                final EntryHandler handler = (entry, offset, entryLength, position) ->
                {
                    final int sequence = entry.getInt(offset);
                    if (sequence == totals[0] && entry.getInt(offset + entryLength - 4) == ~sequence)
                    {
                        totals[1]++;
                    }
                    totals[0]++;
                    totals[2] += entryLength;
                };
                while (reader.readNext(handler))
                {
                }

                assertEquals(count, totals[0]);
                assertEquals(count, totals[1]);
                assertEquals((long)count * length, totals[2]);
            }
        }
    }

    private static List<byte[]> entries(final int count, final long seed)
    {
        final java.util.Random random = new java.util.Random(seed);
        final int[] sizes = { 1, 2, 7, 8, 16, 100, 255, 1024, 4096, 65_536 };
        final List<byte[]> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++)
        {
            final int size = i % 97 == 0 ? sizes[random.nextInt(sizes.length)] : 1 + random.nextInt(300);
            final byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            entries.add(bytes);
        }

        return entries;
    }

    private static void appendAll(final Journal journal, final List<byte[]> entries, final List<Long> positions)
    {
        // Append from an offset inside a larger buffer, as the pipeline does.
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[70_000]);
        for (final byte[] entry : entries)
        {
            buffer.putBytes(13, entry);
            positions.add(journal.append(buffer, 13, entry.length));
        }
    }

    private static List<byte[]> readAll(final Journal journal)
    {
        final List<byte[]> read = new ArrayList<>();
        try (JournalReader reader = journal.openReader())
        {
            while (reader.readNext((buffer, offset, length, position) -> read.add(copy(buffer, offset, length))))
            {
            }
        }

        return read;
    }

    private static byte[] copy(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return bytes;
    }

    private static void assertEntriesEqual(final List<byte[]> expected, final List<byte[]> actual)
    {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++)
        {
            assertTrue(Arrays.equals(expected.get(i), actual.get(i)), "entry " + i);
        }
    }
}
