package io.firstcall.journal;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journals carry their format version beside their entries; a journal of another version, or one
 * written before versions (entries, no format file), is refused by every opener with a clear message.
 */
class JournalFormatTest
{
    @TempDir
    Path dir;

    @Test
    void shouldMarkANewJournalWithThisBuildsFormat() throws IOException
    {
        try (Journal journal = ChronicleJournal.open(dir.resolve("input")))
        {
            journal.append(new UnsafeBuffer(new byte[16]), 0, 16);
        }

        assertEquals("firstcall-journal-format=" + JournalFormat.VERSION + "\n",
            Files.readString(dir.resolve("input").resolve(JournalFormat.FILE_NAME), StandardCharsets.UTF_8));
        assertEquals(JournalFormat.VERSION, JournalFormat.versionOf(dir.resolve("input")));
    }

    @Test
    void shouldReopenAJournalOfEverySupportedFormat() throws IOException
    {
        for (int version = JournalFormat.OLDEST_SUPPORTED; version <= JournalFormat.VERSION; version++)
        {
            final Path journalDir = journalWithOneEntry("v" + version);
            Files.writeString(journalDir.resolve(JournalFormat.FILE_NAME), "firstcall-journal-format=" + version + "\n");
            try (Journal journal = ChronicleJournal.open(journalDir); JournalReader reader = journal.openReader())
            {
                assertTrue(reader.readNext((buffer, offset, length, position) -> assertEquals(16, length)));
            }
        }
    }

    @Test
    void shouldRefuseAJournalWrittenBeforeFormatVersions() throws IOException
    {
        final Path journalDir = journalWithOneEntry("input");
        Files.delete(journalDir.resolve(JournalFormat.FILE_NAME));

        final UnsupportedJournalException refused =
            assertThrows(UnsupportedJournalException.class, () -> ChronicleJournal.open(journalDir));
        assertTrue(refused.getMessage().startsWith(journalDir + ": journal written by a firstcall before journal format " +
            "versions (format 1, before core v2)"), refused.getMessage());
        assertFalse(Files.exists(journalDir.resolve(JournalFormat.FILE_NAME)), "nothing written into a refused journal");
    }

    @Test
    void shouldRefuseANewerFormatAndOneNoLongerRead() throws IOException
    {
        final Path newer = journalWithOneEntry("newer");
        Files.writeString(newer.resolve(JournalFormat.FILE_NAME), "firstcall-journal-format=" + (JournalFormat.VERSION + 1) + "\n");
        assertTrue(assertThrows(UnsupportedJournalException.class, () -> ChronicleJournal.open(newer)).getMessage()
            .contains("journal format " + (JournalFormat.VERSION + 1) + ", written by a newer firstcall"));

        final Path older = journalWithOneEntry("older");
        Files.writeString(older.resolve(JournalFormat.FILE_NAME), "firstcall-journal-format=" + (JournalFormat.OLDEST_SUPPORTED - 1));
        assertTrue(assertThrows(UnsupportedJournalException.class, () -> ChronicleJournal.open(older)).getMessage()
            .contains(", no longer read; this build reads formats " + JournalFormat.OLDEST_SUPPORTED));

        final Path garbage = journalWithOneEntry("garbage");
        Files.writeString(garbage.resolve(JournalFormat.FILE_NAME), "hello");
        assertTrue(assertThrows(UnsupportedJournalException.class, () -> ChronicleJournal.open(garbage)).getMessage()
            .contains("not a journal format file"));
    }

    @Test
    void shouldCheckADataDirectoryForToolsWithoutWritingAnything() throws IOException
    {
        assertThrows(UnsupportedJournalException.class, () -> JournalFormat.check(dir));
        journalWithOneEntry("input");
        journalWithOneEntry("output");
        JournalFormat.check(dir);

        Files.delete(dir.resolve("output").resolve(JournalFormat.FILE_NAME));
        assertTrue(assertThrows(UnsupportedJournalException.class, () -> JournalFormat.check(dir)).getMessage()
            .startsWith(dir.resolve("output") + ": journal written by a firstcall before journal format versions"));
    }

    @Test
    void shouldRefuseToLaunchOnAnUnversionedDataDirectoryAndTouchNothing() throws IOException
    {
        final EngineContext ctx = new EngineContext().dataDir(dir).ticksEnabled(false).journalRetention("archive")
            .tenant("acme", "tenant: acme\n");
        try (Engine engine = Engine.launch(ctx))
        {
            assertTrue(engine.health().isUp());
        }
        Files.delete(dir.resolve("input").resolve(JournalFormat.FILE_NAME));
        final List<Path> before = files(dir);

        final UnsupportedJournalException refused = assertThrows(UnsupportedJournalException.class,
            () -> Engine.launch(new EngineContext().dataDir(dir).ticksEnabled(false).journalRetention("archive")));
        assertTrue(refused.getMessage().contains("before journal format versions"), refused.getMessage());
        assertEquals(before, files(dir), "no file created, moved or removed");
    }

    private Path journalWithOneEntry(final String name)
    {
        final Path journalDir = dir.resolve(name);
        try (Journal journal = ChronicleJournal.open(journalDir))
        {
            journal.append(new UnsafeBuffer(new byte[16]), 0, 16);
        }
        return journalDir;
    }

    private static List<Path> files(final Path root) throws IOException
    {
        try (Stream<Path> walk = Files.walk(root))
        {
            return walk.map(root::relativize).sorted().toList();
        }
    }
}
