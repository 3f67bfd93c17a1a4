package io.firstcall.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalExportTest
{
    @TempDir
    Path dir;

    @Test
    void shouldImportEveryEntryAtThePositionItHad()
    {
        final List<Long> positions = new ArrayList<>();
        try (Journal journal = ChronicleJournal.open(dir.resolve("original"), () -> 1_700_000_000_000L))
        {
            for (int i = 0; i < 100; i++)
            {
                positions.add(journal.append(new UnsafeBuffer(new byte[] {(byte)i, 1, 2}), 0, 3 - i % 2));
            }
        }

        assertEquals(100, JournalExport.export(dir.resolve("original"), dir.resolve("journal.fcj")));
        assertEquals(100, JournalExport.importInto(dir.resolve("journal.fcj"), dir.resolve("copy")));

        try (Journal copy = ChronicleJournal.open(dir.resolve("copy")); JournalReader reader = copy.openReader())
        {
            for (int i = 0; i < 100; i++)
            {
                final int expected = i;
                assertTrue(reader.readNext((buffer, offset, length, position) ->
                {
                    assertEquals(positions.get(expected), position);
                    final byte[] entry = new byte[length];
                    buffer.getBytes(offset, entry);
                    assertArrayEquals(expected % 2 == 0 ? new byte[] {(byte)expected, 1, 2} : new byte[] {(byte)expected, 1}, entry);
                }));
            }
        }
        assertEquals(JournalFormat.VERSION, JournalFormat.versionOf(dir.resolve("copy")));
    }

    @Test
    void shouldRefuseAnExportOfAnotherFormatAndAnImportIntoAJournal() throws IOException
    {
        try (Journal journal = ChronicleJournal.open(dir.resolve("original")))
        {
            journal.append(new UnsafeBuffer(new byte[8]), 0, 8);
        }
        JournalExport.export(dir.resolve("original"), dir.resolve("journal.fcj"));

        assertThrows(IllegalStateException.class, () -> JournalExport.importInto(dir.resolve("journal.fcj"), dir.resolve("original")));
        try (RandomAccessFile file = new RandomAccessFile(dir.resolve("journal.fcj").toFile(), "rw"))
        {
            file.seek(8);
            file.writeInt(JournalFormat.VERSION + 1);
        }
        assertTrue(assertThrows(UnsupportedJournalException.class,
            () -> JournalExport.importInto(dir.resolve("journal.fcj"), dir.resolve("copy"))).getMessage()
            .contains("journal format " + (JournalFormat.VERSION + 1)));
    }
}
