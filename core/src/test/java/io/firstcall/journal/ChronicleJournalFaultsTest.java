package io.firstcall.journal;

import io.firstcall.support.Tmpfs;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a {@link ChronicleJournal} does when it is misused or cannot write: one appending thread, no
 * partial entry, and a full filesystem that fails appends cleanly instead of faulting.
 */
class ChronicleJournalFaultsTest
{
    private static final int ENTRY_BYTES = 1_500;

    @TempDir
    Path tempDir;

    @Test
    void shouldRefuseAppendAndSyncFromASecondThreadAndKeepAppendingOnTheFirst() throws Exception
    {
        final ExecutorService other = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "intruder"));
        try (ChronicleJournal journal = ChronicleJournal.open(tempDir))
        {
            journal.append(entry(0), 0, ENTRY_BYTES);

            final Future<?> append = other.submit(() -> journal.append(entry(1), 0, ENTRY_BYTES));
            final Throwable refused = assertThrows(Exception.class, append::get).getCause();
            assertTrue(refused instanceof IllegalStateException, refused.toString());
            assertTrue(refused.getMessage().contains("'" + Thread.currentThread().getName() + "'") &&
                refused.getMessage().contains("'intruder'"), refused.getMessage());
            final Throwable syncRefused = assertThrows(Exception.class, other.submit(journal::sync)::get).getCause();
            assertTrue(syncRefused instanceof IllegalStateException, syncRefused.toString());

            journal.append(entry(2), 0, ENTRY_BYTES);
            journal.sync();
            assertEquals(List.of(0, 2), ids(journal));
        }
        finally
        {
            other.shutdown();
        }
    }

    @Test
    void shouldLeaveNothingOfAnEntryWhoseWriteFailsAndAppendTheNextOne()
    {
        try (ChronicleJournal journal = ChronicleJournal.open(tempDir))
        {
            final long first = journal.append(entry(0), 0, ENTRY_BYTES);
            final UnsafeBuffer failing = new UnsafeBuffer(new byte[ENTRY_BYTES])
            {
                public byte[] byteArray()
                {
                    throw new IllegalStateException("source buffer failed mid-append");
                }
            };

            assertThrows(IllegalStateException.class, () -> journal.append(failing, 0, ENTRY_BYTES));
            final long next = journal.append(entry(1), 0, ENTRY_BYTES);

            assertEquals(first + 1, next, "the failed entry took no position");
            assertEquals(List.of(0, 1), ids(journal));
        }
    }

    @Test
    void shouldFailAppendsCleanlyOnAFullFilesystemAndAppendAgainOnceThereIsRoom() throws Exception
    {
        final Path mountPoint = Files.createDirectories(tempDir.resolve("tmpfs"));
        try (Tmpfs tmpfs = Tmpfs.mount(mountPoint, 16))
        {
            final Path filler = tmpfs.fill("filler", 4L * 1024 * 1024);
            final List<Integer> appended = new ArrayList<>();
            int refused = 0;
            try (ChronicleJournal journal = ChronicleJournal.open(tmpfs.path().resolve("journal")))
            {
                int id = 0;
                while (refused < 20)
                {
                    try
                    {
                        journal.append(entry(id), 0, ENTRY_BYTES);
                        assertEquals(0, refused, "once full, every append fails until there is room");
                        appended.add(id);
                    }
                    catch (final UncheckedIOException ex)
                    {
                        assertTrue(ex.getMessage().contains("No space left on device"), ex.getMessage());
                        refused++;
                    }
                    id++;
                }
                assertTrue(appended.size() > 1_000, "appended before the disk was full: " + appended.size());
                assertEquals(appended, ids(journal), "every appended entry reads back whole, nothing else");

                Files.delete(filler);
                for (int i = 0; i < 500; i++)
                {
                    journal.append(entry(id), 0, ENTRY_BYTES);
                    appended.add(id++);
                }
                assertEquals(appended, ids(journal));
            }

            try (ChronicleJournal reopened = ChronicleJournal.open(tmpfs.path().resolve("journal")))
            {
                assertEquals(appended, ids(reopened), "and after reopening");
            }
        }
    }

    /**
     * An entry whose every byte is derived from its id, so a damaged entry cannot pass for a good one.
     */
    private static UnsafeBuffer entry(final int id)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[ENTRY_BYTES]);
        buffer.putInt(0, id);
        for (int i = 4; i < ENTRY_BYTES; i++)
        {
            buffer.putByte(i, (byte)(id * 31 + i));
        }
        return buffer;
    }

    /**
     * @return the ids of the journal's entries, each checked whole.
     */
    private static List<Integer> ids(final Journal journal)
    {
        final List<Integer> ids = new ArrayList<>();
        try (JournalReader reader = journal.openReader())
        {
            while (reader.readNext((DirectBuffer buffer, int offset, int length, long position) ->
            {
                final int id = buffer.getInt(offset);
                assertEquals(ENTRY_BYTES, length, "entry " + id);
                for (int i = 4; i < ENTRY_BYTES; i++)
                {
                    assertEquals((byte)(id * 31 + i), buffer.getByte(offset + i), "entry " + id + " byte " + i);
                }
                ids.add(id);
            }))
            {
                continue;
            }
        }
        return ids;
    }
}
