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
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadOnlyJournalTest
{
    @TempDir
    Path tempDir;

    @Test
    void shouldSeeEntriesAppendedWhileItReadsAcrossCycleFiles()
    {
        final AtomicLong epochMs = new AtomicLong(TimeUnit.DAYS.toMillis(20_000));
        try (ChronicleJournal writer = ChronicleJournal.open(tempDir, epochMs::get))
        {
            append(writer, 1);
            try (ReadableJournal reader = ChronicleJournal.openReadOnly(tempDir); JournalReader entries = reader.openReader())
            {
                final List<Integer> read = new ArrayList<>();
                drain(entries, read);
                assertEquals(List.of(1), read);

                append(writer, 2);
                epochMs.addAndGet(TimeUnit.HOURS.toMillis(2));
                append(writer, 3);
                drain(entries, read);
                assertEquals(List.of(1, 2, 3), read);
                assertFalse(reader.isEmpty());
            }
        }
    }

    @Test
    void shouldRefuseToAppendAndChangeNothingInTheDirectory() throws IOException
    {
        try (ChronicleJournal writer = ChronicleJournal.open(tempDir))
        {
            append(writer, 7);
        }
        final List<String> before = listing();
        try (ReadableJournal reader = ChronicleJournal.openReadOnly(tempDir))
        {
            assertThrows(IllegalStateException.class, () -> ((Journal)reader).append(new UnsafeBuffer(new byte[4]), 0, 4));
            try (JournalReader entries = reader.openReader())
            {
                final List<Integer> read = new ArrayList<>();
                drain(entries, read);
                assertEquals(List.of(7), read);
            }
        }
        assertEquals(before, listing());
    }

    @Test
    void shouldRefuseADirectoryWithoutAJournal() throws IOException
    {
        Files.writeString(tempDir.resolve("notes.txt"), "not a journal");
        final IllegalArgumentException refused =
            assertThrows(IllegalArgumentException.class, () -> ChronicleJournal.openReadOnly(tempDir));
        assertTrue(refused.getMessage().contains("no journal"), refused.getMessage());
        assertEquals(List.of("notes.txt"), listing());
    }

    private List<String> listing() throws IOException
    {
        try (Stream<Path> files = Files.list(tempDir))
        {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void append(final Journal journal, final int value)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4]);
        buffer.putInt(0, value);
        journal.append(buffer, 0, 4);
    }

    private static void drain(final JournalReader reader, final List<Integer> read)
    {
        while (reader.readNext((buffer, offset, length, position) -> read.add(buffer.getInt(offset))))
        {
        }
    }
}
