package io.firstcall.pipeline;

import io.firstcall.event.EventWriter;
import io.firstcall.event.InputEnvelope;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The window restored in bulk during recovery must answer exactly as one filled event by event.
 */
class DedupWindowTest
{
    private static final int CAPACITY = 8;
    private static final int EVENTS = 21;

    @TempDir
    Path dir;

    private final UnsafeBuffer record = new UnsafeBuffer(new byte[1024]);
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[1024]));
    private final InputEnvelope envelope = new InputEnvelope();
    private final long[] hashes = new long[EVENTS];
    private final long[] positions = new long[EVENTS];
    private Journal journal;

    @BeforeEach
    void journalEvents()
    {
        journal = ChronicleJournal.open(dir);
        for (int i = 0; i < EVENTS; i++)
        {
            final int length = writer.visit("acme", "e" + i, "L1", "/pricing");
            RecordHeader.write(record, 0, i, 1_000L * i);
            record.putBytes(RecordHeader.LENGTH, writer.buffer(), 0, length);
            positions[i] = journal.append(record, 0, RecordHeader.LENGTH + length);
            envelope.wrap(writer.buffer(), 0, length);
            hashes[i] = envelope.keyHash();
        }
    }

    @AfterEach
    void close()
    {
        journal.close();
    }

    @Test
    void shouldKeepOnlyTheNewestKeysWhenRestoredInBulk()
    {
        final DedupWindow recorded = new DedupWindow(CAPACITY, journal.openReader());
        final DedupWindow restored = new DedupWindow(CAPACITY, journal.openReader());
        for (int i = 0; i < EVENTS; i++)
        {
            recorded.record(hashes[i], positions[i]);
            restored.restore(hashes[i], positions[i]);
        }
        restored.endRestore();

        assertEquals(CAPACITY, restored.size());
        for (int i = 0; i < EVENTS; i++)
        {
            final long expected = i >= EVENTS - CAPACITY ? i : -1;
            assertEquals(expected, find(recorded, i), "recorded e" + i);
            assertEquals(expected, find(restored, i), "restored e" + i);
        }
    }

    @Test
    void shouldAnswerEveryKeyWhenFewerThanCapacityWereRestored()
    {
        final DedupWindow restored = new DedupWindow(64, journal.openReader());
        for (int i = 0; i < EVENTS; i++)
        {
            restored.restore(hashes[i], positions[i]);
        }
        restored.endRestore();

        assertEquals(EVENTS, restored.size());
        for (int i = 0; i < EVENTS; i++)
        {
            assertEquals(i, find(restored, i));
        }
    }

    @Test
    void shouldKeepEvictingOldestKeysWhenRecordingAfterRestore()
    {
        final DedupWindow window = new DedupWindow(CAPACITY, journal.openReader());
        for (int i = 0; i < EVENTS - 3; i++)
        {
            window.restore(hashes[i], positions[i]);
        }
        window.endRestore();
        for (int i = EVENTS - 3; i < EVENTS; i++)
        {
            window.record(hashes[i], positions[i]);
        }

        for (int i = 0; i < EVENTS; i++)
        {
            assertEquals(i >= EVENTS - CAPACITY ? i : -1, find(window, i), "e" + i);
        }
    }

    private long find(final DedupWindow window, final int event)
    {
        final int length = writer.visit("acme", "e" + event, "L1", "/pricing");
        envelope.wrap(writer.buffer(), 0, length);
        return window.findOriginal(envelope, envelope.keyHash());
    }
}
