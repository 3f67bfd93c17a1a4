package io.firstcall.snapshot;

import io.firstcall.support.LogLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnapshotStoreTest
{
    static final int SCHEMA = 77;
    static final int VERSION = 3;

    @TempDir
    Path dir;

    private final LogLines log = new LogLines();

    @Test
    void shouldWriteAndLoadEverySectionWithTheStateDigestInTheHeader()
    {
        final SnapshotStore store = store(3);
        final Sections written = new Sections(1_000, 70_000);

        final Path path = store.write(header(42), written);

        final SnapshotFile file = store.check(path, SCHEMA, VERSION);
        assertNotNull(file);
        assertEquals(42, file.header().sequence());
        assertEquals(4_200, file.header().inputPosition());
        assertEquals(99, file.header().outputPosition());
        assertArrayEquals(StateDigest.of(written), file.header().digest());
        final Sections loaded = new Sections(0, 0);
        file.load(loaded);
        assertEquals(written.values, loaded.values);
        assertEquals(List.of(), log.lines());
    }

    @Test
    void shouldListNewestFirstAndKeepOnlyTheNewest()
    {
        final SnapshotStore store = store(2);
        for (final long sequence : new long[]{ 5, 1_000_000_000_000L, 17, 900 })
        {
            store.write(header(sequence), new Sections(10, 10));
        }

        final List<Long> sequences = new ArrayList<>();
        for (final Path path : store.list())
        {
            sequences.add(SnapshotStore.sequenceOf(path));
        }
        assertEquals(List.of(1_000_000_000_000L, 900L), sequences);
    }

    @Test
    void shouldSkipAFileWithAFlippedBodyByteWithOneLogLine() throws IOException
    {
        final SnapshotStore store = store(3);
        final Path path = store.write(header(7), new Sections(100, 100));
        flipByte(path, Files.size(path) - 10);

        assertNull(store.check(path, SCHEMA, VERSION));
        assertEquals(List.of("WARNING snapshot snapshot-00000000000000000007.fcs skipped: body CRC32C mismatch (file corrupt); " +
            "falling back to an older snapshot or a full replay"), log.lines());
    }

    @Test
    void shouldSkipAFileWithAFlippedHeaderByte() throws IOException
    {
        final SnapshotStore store = store(3);
        final Path path = store.write(header(7), new Sections(100, 100));
        flipByte(path, SnapshotHeader.SEQUENCE_OFFSET);

        assertNull(store.check(path, SCHEMA, VERSION));
        assertTrue(log.lines().get(0).contains("skipped: header CRC32C mismatch"), log.lines().toString());
    }

    @Test
    void shouldSkipATruncatedFile() throws IOException
    {
        final SnapshotStore store = store(3);
        final Path path = store.write(header(7), new Sections(100, 100));
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw"))
        {
            file.setLength(file.length() - 1);
        }

        assertNull(store.check(path, SCHEMA, VERSION));
        assertTrue(log.lines().get(0).contains("skipped: truncated"), log.lines().toString());
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw"))
        {
            file.setLength(SnapshotHeader.LENGTH - 1);
        }
        assertNull(store.check(path, SCHEMA, VERSION));
        assertTrue(log.lines().get(1).contains("no whole header"), log.lines().toString());
    }

    @Test
    void shouldSkipAnotherSchemaVersionOrFormatVersion() throws IOException
    {
        final SnapshotStore store = store(3);
        final Path older = store.write(header(7).schema(SCHEMA, VERSION - 1), new Sections(1, 1));
        final Path newerFormat = store.write(header(8), new Sections(1, 1));
        final SnapshotHeader rewritten = SnapshotHeader.of(Files.readAllBytes(newerFormat));
        rewritten.buffer().putInt(SnapshotHeader.FORMAT_VERSION_OFFSET, SnapshotHeader.FORMAT_VERSION + 1, java.nio.ByteOrder.LITTLE_ENDIAN);
        try (RandomAccessFile file = new RandomAccessFile(newerFormat.toFile(), "rw"))
        {
            file.write(rewritten.seal());
        }

        assertNull(store.check(older, SCHEMA, VERSION));
        assertNull(store.check(newerFormat, SCHEMA, VERSION));
        assertTrue(log.lines().get(0).contains("skipped: incompatible: schema 77 v2, the state machine reads schema 77 v3"),
            log.lines().toString());
        assertTrue(log.lines().get(1).contains("skipped: format version " + (SnapshotHeader.FORMAT_VERSION + 1) + ", this build reads 1 to " + SnapshotHeader.FORMAT_VERSION), log.lines().toString());
    }

    @Test
    void shouldRefuseASectionThatReadsMoreOrLessThanWasWritten()
    {
        final SnapshotStore store = store(3);
        final Path path = store.write(header(7), new Sections(10, 10));
        final SnapshotFile file = store.check(path, SCHEMA, VERSION);

        assertThrows(SnapshotFormatException.class, () -> file.load(new Sections(0, 0)
        {
            public void readSection(final SnapshotSection section, final SnapshotReader reader)
            {
                reader.getLong();
            }
        }));
    }

    @Test
    void shouldDeleteWhatAnInterruptedWriteLeftBehind() throws IOException
    {
        final SnapshotStore store = store(3);
        final Path kept = store.write(header(3), new Sections(1, 1));
        final Path leftover = Files.writeString(dir.resolve(SnapshotStore.fileName(4) + SnapshotStore.TEMPORARY_SUFFIX), "half");

        assertEquals(List.of(kept), store.list());
        store.deleteTemporaryFiles();

        assertFalse(Files.exists(leftover));
        assertTrue(Files.exists(kept));
    }

    private SnapshotStore store(final int keep)
    {
        return new SnapshotStore(dir, keep, log);
    }

    private static SnapshotHeader header(final long sequence)
    {
        return new SnapshotHeader().schema(SCHEMA, VERSION).sequence(sequence).engineTimeNs(sequence * 1_000)
            .inputPosition(sequence * 100).outputPosition(99).retainInputFrom(1);
    }

    private static void flipByte(final Path path, final long offset) throws IOException
    {
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw"))
        {
            file.seek(offset);
            final int b = file.read();
            file.seek(offset);
            file.write(b ^ 0x40);
        }
    }

    /**
     * A section of longs per section kind, the machine's spanning several chunks.
     */
    static class Sections implements SnapshotContent
    {
        final List<Long> values = new ArrayList<>();
        private final int dedupLongs;
        private final int machineLongs;

        Sections(final int dedupLongs, final int machineLongs)
        {
            this.dedupLongs = dedupLongs;
            this.machineLongs = machineLongs;
            values.add(12_345L);
            for (int i = 0; i < dedupLongs + machineLongs; i++)
            {
                values.add(i * 31L);
            }
        }

        public void writeSection(final SnapshotSection section, final SnapshotWriter writer)
        {
            final int from = SnapshotSection.PIPELINE == section ? 0 : SnapshotSection.DEDUP == section ? 1 : 1 + dedupLongs;
            final int count = SnapshotSection.PIPELINE == section ? 1 : SnapshotSection.DEDUP == section ? dedupLongs : machineLongs;
            writer.putInt(count);
            for (int i = from; i < from + count; i++)
            {
                writer.putLong(values.get(i));
            }
        }

        public void readSection(final SnapshotSection section, final SnapshotReader reader)
        {
            if (SnapshotSection.PIPELINE == section)
            {
                values.clear();
            }
            final int count = reader.getCount(1_000_000);
            for (int i = 0; i < count; i++)
            {
                values.add(reader.getLong());
            }
        }
    }
}
