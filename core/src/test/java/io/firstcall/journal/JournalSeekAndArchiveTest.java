package io.firstcall.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What restarting from a snapshot needs of a journal: its last position, seeking just past a
 * position, and archiving the cycle files before one.
 */
class JournalSeekAndArchiveTest
{
    static final long HOUR_MS = TimeUnit.HOURS.toMillis(1);
    static final long T0_MS = TimeUnit.DAYS.toMillis(20_000);

    @TempDir
    Path dir;

    private final AtomicLong nowMs = new AtomicLong(T0_MS);
    private final UnsafeBuffer record = new UnsafeBuffer(new byte[64]);
    private final List<Long> positions = new ArrayList<>();

    @Test
    void shouldGiveTheLastPositionOrMinusOneWhenEmpty()
    {
        try (Journal journal = ChronicleJournal.open(dir.resolve("j")))
        {
            assertEquals(-1, journal.lastPosition());
            append(journal, 0, 3);
            assertEquals(positions.get(2), journal.lastPosition());
        }
    }

    @Test
    void shouldSeekJustPastAPosition()
    {
        try (Journal journal = ChronicleJournal.open(dir.resolve("j"), nowMs::get))
        {
            append(journal, 0, 5);
            nowMs.addAndGet(HOUR_MS);
            append(journal, 5, 5);
            try (JournalReader reader = journal.openReader())
            {
                assertTrue(reader.seekAfter(positions.get(2)));
                assertEquals(3, next(reader));
                assertTrue(reader.seekAfter(positions.get(4)), "the last entry of a cycle");
                assertEquals(5, next(reader));
                assertTrue(reader.seekAfter(positions.get(9)));
                assertEquals(-1, next(reader));
                assertTrue(reader.seekAfter(-1));
                assertEquals(0, next(reader));
                assertFalse(reader.seekAfter(positions.get(9) + 1));
            }
        }
    }

    @Test
    void shouldArchiveOnlyCyclesBeforeThePositionsCycleAndReadOnAfterReopening() throws IOException
    {
        final Path journalDir = dir.resolve("input");
        final Path archiveDir = dir.resolve("archive").resolve("input");
        try (Journal journal = ChronicleJournal.open(journalDir, nowMs::get))
        {
            for (int hour = 0; hour < 4; hour++)
            {
                append(journal, hour * 10, 10);
                nowMs.addAndGet(HOUR_MS);
            }
        }

        final List<Path> moved = JournalArchive.archiveBefore(journalDir, positions.get(25), archiveDir);

        assertEquals(2, moved.size(), moved.toString());
        try (Journal journal = ChronicleJournal.open(journalDir, nowMs::get); JournalReader reader = journal.openReader())
        {
            assertEquals(20, next(reader), "the first entry left is the first of the position's cycle");
            assertTrue(reader.readAt(positions.get(25), (buffer, offset, length, position) -> { }));
            assertFalse(reader.readAt(positions.get(5), (buffer, offset, length, position) -> { }));
            assertTrue(reader.seekAfter(positions.get(25)));
            assertEquals(26, next(reader));
            append(journal, 40, 1);
            assertEquals(positions.get(40), journal.lastPosition());
        }

        for (final Path file : moved)
        {
            Files.move(file, journalDir.resolve(file.getFileName()));
        }
        try (Journal journal = ChronicleJournal.open(journalDir, nowMs::get); JournalReader reader = journal.openReader())
        {
            assertEquals(0, next(reader), "moving the files back restores the journal");
        }
    }

    @Test
    void shouldLeaveEverythingWhenThePositionIsInTheFirstCycle()
    {
        final Path journalDir = dir.resolve("input");
        try (Journal journal = ChronicleJournal.open(journalDir, nowMs::get))
        {
            append(journal, 0, 10);
        }

        assertEquals(List.of(), JournalArchive.archiveBefore(journalDir, positions.get(9), dir.resolve("archive")));
        assertFalse(Files.exists(dir.resolve("archive")));
    }

    private void append(final Journal journal, final int first, final int count)
    {
        for (int i = first; i < first + count; i++)
        {
            RecordHeader.write(record, 0, i, i);
            positions.add(journal.append(record, 0, 32));
        }
    }

    private static long next(final JournalReader reader)
    {
        final long[] sequence = { -1 };
        reader.readNext((buffer, offset, length, position) -> sequence[0] = RecordHeader.sequence(buffer, offset));
        return sequence[0];
    }
}
