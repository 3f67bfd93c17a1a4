package io.firstcall.pipeline;

import io.firstcall.event.EventWriter;
import io.firstcall.event.InputEnvelope;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import io.firstcall.status.EngineCounter;
import io.firstcall.status.EngineCounters;
import io.firstcall.support.SnapshotBytes;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The de-duplication guarantee as a time horizon, with a per-tenant cap, and its state in snapshots.
 */
class DedupWindowTest
{
    static final long T0 = TimeUnit.DAYS.toNanos(20_000);
    static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    static final long HORIZON = TimeUnit.HOURS.toNanos(24);

    @TempDir
    Path dir;

    private final UnsafeBuffer record = new UnsafeBuffer(new byte[1024]);
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[1024]));
    private final InputEnvelope envelope = new InputEnvelope();
    private final EngineCounters counters = EngineCounters.inMemory();
    private final AtomicCounter earlyEvictions = counters.get(EngineCounter.DEDUP_EARLY_EVICTIONS);
    private final List<DedupWindow> windows = new ArrayList<>();
    private final List<String> tenants = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final List<Long> positions = new ArrayList<>();
    private final List<Long> times = new ArrayList<>();
    private Journal journal;

    @BeforeEach
    void open()
    {
        journal = ChronicleJournal.open(dir);
    }

    @AfterEach
    void close()
    {
        windows.forEach(DedupWindow::close);
        journal.close();
        counters.close();
    }

    @Test
    void shouldAnswerEveryIdReSentOldestFirstWhenMoreThanTheOldCountWereJournaled()
    {
        final int events = 300_000;
        final DedupWindow window = live(HORIZON, 1 << 20);
        for (int i = 0; i < events; i++)
        {
            recordLive(window, journalEvent("acme", "e" + i, T0 + i * MS));
        }

        final long nowNs = T0 + events * MS;
        for (int i = 0; i < events; i++)
        {
            assertEquals(i, find(window, i, nowNs), "e" + i);
        }
        assertEquals(0, earlyEvictions.get());
    }

    @Test
    void shouldForgetAnIdExactlyAtTheHorizon()
    {
        final DedupWindow window = live(HORIZON, 1024);
        recordLive(window, journalEvent("acme", "e0", T0));
        recordLive(window, journalEvent("acme", "e1", T0 + 5 * MS));

        assertEquals(0, find(window, 0, T0 + HORIZON - 1));
        assertEquals(-1, find(window, 0, T0 + HORIZON));
        assertEquals(1, find(window, 1, T0 + HORIZON));
        assertEquals(-1, find(window, 1, T0 + HORIZON + 5 * MS));
        assertEquals(0, earlyEvictions.get(), "expiry is not an early eviction");
    }

    @Test
    void shouldEvictTheOldestEarlyAndCountWhenATenantPassesItsCap()
    {
        final DedupWindow window = live(HORIZON, 8);
        for (int i = 0; i < 21; i++)
        {
            recordLive(window, journalEvent("acme", "e" + i, T0 + i * MS));
        }

        for (int i = 0; i < 21; i++)
        {
            assertEquals(i >= 13 ? i : -1, find(window, i, T0 + 21 * MS), "e" + i);
        }
        assertEquals(13, earlyEvictions.get());
    }

    @Test
    void shouldNotLetOneTenantsFloodEvictAnotherTenantsIds()
    {
        final DedupWindow window = live(HORIZON, 8);
        for (int i = 0; i < 5; i++)
        {
            recordLive(window, journalEvent("globex", "g" + i, T0 + i * MS));
        }
        for (int i = 5; i < 105; i++)
        {
            recordLive(window, journalEvent("acme", "a" + i, T0 + i * MS));
        }

        for (int i = 0; i < 5; i++)
        {
            assertEquals(i, find(window, i, T0 + 200 * MS), "g" + i);
        }
        assertEquals(92, earlyEvictions.get());
    }

    @Test
    void shouldNeverConfirmAHashHitForAnotherKey()
    {
        final DedupWindow window = live(HORIZON, 8);
        final int first = journalEvent("acme", "e0", T0);
        window.record(envelope(first), envelope(journalEvent("acme", "e1", T0)).keyHash(), positions.get(first), T0);

        assertEquals(-1, window.findOriginal(envelope(1), envelope(first).keyHash(), T0), "the entry read back is e0, not e1");
    }

    @Test
    void shouldAnswerAndSnapshotTheSameWhetherRecordedLiveOrRestored()
    {
        final DedupWindow recorded = live(10 * MS, 8);
        final DedupWindow restored = window(10 * MS, 8);
        for (int i = 0; i < 40; i++)
        {
            final int event = journalEvent(i % 3 == 0 ? "globex" : "acme", "e" + i, T0 + i * MS);
            recordLive(recorded, event);
            restored.restore(envelope(event), envelope(event).keyHash(), positions.get(event), times.get(event));
        }
        restored.endRestore();

        final long nowNs = T0 + 40 * MS;
        for (int i = 0; i < 40; i++)
        {
            assertEquals(find(recorded, i, nowNs), find(restored, i, nowNs), "e" + i);
        }
        assertArrayEquals(snapshot(recorded, nowNs), snapshot(restored, nowNs));
        assertEquals(recorded.oldestPosition(nowNs), restored.oldestPosition(nowNs));
    }

    @Test
    void shouldLoadFromASnapshotExactly()
    {
        final DedupWindow original = live(50 * MS, 16);
        for (int i = 0; i < 200; i++)
        {
            recordLive(original, journalEvent(i % 4 == 0 ? "globex" : "acme", "e" + i, T0 + i * MS));
        }
        final long snapshotNs = T0 + 199 * MS;
        final byte[] bytes = snapshot(original, snapshotNs);

        final DedupWindow loaded = window(50 * MS, 16);
        loaded.readSnapshot(SnapshotBytes.reader(bytes));
        loaded.endRestore();

        assertArrayEquals(bytes, snapshot(loaded, snapshotNs));
        assertEquals(original.oldestPosition(snapshotNs), loaded.oldestPosition(snapshotNs));
        for (int i = 200; i < 260; i++)
        {
            final int event = journalEvent(i % 4 == 0 ? "globex" : "acme", "e" + i, T0 + i * MS);
            recordLive(original, event);
            recordLive(loaded, event);
        }
        final long nowNs = T0 + 260 * MS;
        for (int i = 0; i < 260; i++)
        {
            assertEquals(find(original, i, nowNs), find(loaded, i, nowNs), "e" + i);
        }
        assertArrayEquals(snapshot(original, nowNs), snapshot(loaded, nowNs));
    }

    /**
     * A snapshot carries each tenant's index for a window with the writer's horizon and cap; a window
     * with other limits loads the ids as its own limits keep them and builds its index instead.
     */
    @ParameterizedTest
    @CsvSource({"50,16", "50,8", "60,16", "40,4"})
    void shouldLoadASnapshotIntoAWindowWithOtherLimitsAsIfRestoredFromItsIds(final long horizonMs, final int cap)
    {
        final DedupWindow original = live(50 * MS, 16);
        for (int i = 0; i < 200; i++)
        {
            recordLive(original, journalEvent(i % 4 == 0 ? "globex" : "acme", "e" + i, T0 + i * MS));
        }
        final long snapshotNs = T0 + 199 * MS;
        final byte[] bytes = snapshot(original, snapshotNs);

        final DedupWindow loaded = window(horizonMs * MS, cap);
        loaded.readSnapshot(SnapshotBytes.reader(bytes));
        loaded.endRestore();
        final DedupWindow reference = window(horizonMs * MS, cap);
        for (int event = 0; event < ids.size(); event++)
        {
            if (snapshotNs - times.get(event) < 50 * MS)
            {
                reference.restore(envelope(event), envelope(event).keyHash(), positions.get(event), times.get(event));
            }
        }
        reference.endRestore();

        int found = 0;
        for (int i = 0; i < 200; i++)
        {
            final long expected = find(reference, i, snapshotNs);
            assertEquals(expected, find(loaded, i, snapshotNs), "e" + i);
            found += expected >= 0 ? 1 : 0;
        }
        assertTrue(found > 0, "some ids remembered");
        assertArrayEquals(snapshot(reference, snapshotNs), snapshot(loaded, snapshotNs));
    }

    @Test
    void shouldLeaveExpiredIdsAndEmptyTenantsOutOfTheSnapshot()
    {
        final DedupWindow window = live(10 * MS, 16);
        recordLive(window, journalEvent("globex", "old", T0));
        recordLive(window, journalEvent("acme", "new", T0 + 20 * MS));
        final DedupWindow other = live(10 * MS, 16);
        recordLive(other, 1);

        assertArrayEquals(snapshot(other, T0 + 20 * MS), snapshot(window, T0 + 20 * MS));
        assertEquals(positions.get(1), window.oldestPosition(T0 + 20 * MS));
    }

    @Test
    void shouldAnswerAsAReferenceModelOverARandomStreamOfRetries()
    {
        final int cap = 64;
        final long horizonNs = 300 * MS;
        final DedupWindow window = live(horizonNs, cap);
        final Map<String, ArrayDeque<long[]>> model = new HashMap<>();
        final Random random = new Random(5);
        final String[] names = { "acme", "globex", "initech" };
        long nowNs = T0;
        long expectedEarly = 0;
        for (int i = 0; i < 20_000; i++)
        {
            nowNs += random.nextInt(3) * MS;
            final String tenant = names[random.nextInt(names.length)];
            final String id = "e" + random.nextInt(400);
            final ArrayDeque<long[]> ring = model.computeIfAbsent(tenant, t -> new ArrayDeque<>());
            long expected = -1;
            for (final long[] entry : ring)
            {
                if (entry[0] == id.hashCode() && nowNs - entry[2] < horizonNs)
                {
                    expected = entry[1];
                }
            }

            final int length = writer.visit(tenant, id, "L1", "/pricing");
            envelope.wrap(writer.buffer(), 0, length);
            assertEquals(expected, window.findOriginal(envelope, envelope.keyHash(), nowNs), tenant + "/" + id + " at " + i);
            if (expected < 0)
            {
                final int event = journalEvent(tenant, id, nowNs);
                recordLive(window, event);
                while (!ring.isEmpty() && nowNs - ring.peekFirst()[2] >= horizonNs)
                {
                    ring.pollFirst();
                }
                if (ring.size() == cap)
                {
                    ring.pollFirst();
                    expectedEarly++;
                }
                ring.addLast(new long[]{ id.hashCode(), event, nowNs });
            }
        }
        assertEquals(expectedEarly, earlyEvictions.get());
        assertTrue(expectedEarly > 0 && ids.size() < 20_000, "both evictions and duplicates happened");
    }

    /**
     * A restart indexes a loaded snapshot's ids while the state machine loads, then only what the tail
     * changes: the window must answer as one indexed once at the end, whether the tail evicts a few of
     * the loaded ids (cap, horizon) or so many that the ring wraps over them.
     */
    @ParameterizedTest
    @CsvSource({"512,700,0,2", "512,700,40,2", "512,700,300,2", "512,700,3000,2", "48,48,10,1"})
    void shouldAnswerTheSameWhenTheLoadedIdsWereIndexedBeforeTheTail(
        final int cap, final int before, final int tail, final int tenantCount)
    {
        final DedupWindow original = live(400 * MS, cap);
        for (int i = 0; i < before; i++)
        {
            recordLive(original, journalEvent(i % 5 == 0 && tenantCount > 1 ? "globex" : "acme", "e" + (i % 650), T0 + i * MS));
        }
        final byte[] bytes = snapshot(original, T0 + (before - 1) * MS);

        final DedupWindow early = window(400 * MS, cap);
        final DedupWindow late = window(400 * MS, cap);
        early.readSnapshot(SnapshotBytes.reader(bytes));
        late.readSnapshot(SnapshotBytes.reader(bytes));
        early.indexRestored();
        for (int i = before; i < before + tail; i++)
        {
            final int event = journalEvent(i % 5 == 0 && tenantCount > 1 ? "globex" : "acme", "e" + (i % 650), T0 + i * MS);
            early.restore(envelope(event), envelope.keyHash(), positions.get(event), times.get(event));
            late.restore(envelope(event), envelope.keyHash(), positions.get(event), times.get(event));
        }
        early.endRestore();
        late.endRestore();

        final long nowNs = T0 + (before + tail - 1) * MS;
        int found = 0;
        for (int i = 0; i < ids.size(); i++)
        {
            final long expected = find(late, i, nowNs);
            assertEquals(expected, find(early, i, nowNs), "event " + i);
            found += expected >= 0 ? 1 : 0;
        }
        assertTrue(found > 0 && found < ids.size(), "some ids remembered, some forgotten: " + found);
        assertArrayEquals(snapshot(late, nowNs), snapshot(early, nowNs));
    }

    /**
     * A tail longer than the loaded ring grows it while restoring: the index of the loaded ids, taken
     * from the snapshot or built early, must not be lost with the old table.
     */
    @ParameterizedTest
    @CsvSource({"true", "false"})
    void shouldRememberTheLoadedIdsWhenTheTailGrowsTheRing(final boolean indexEarly)
    {
        final long horizonNs = 60_000 * MS;
        final DedupWindow original = live(horizonNs, 8192);
        for (int i = 0; i < 100; i++)
        {
            recordLive(original, journalEvent("acme", "e" + i, T0 + i * MS));
        }
        final byte[] bytes = snapshot(original, T0 + 99 * MS);

        final DedupWindow restored = window(horizonNs, 8192);
        restored.readSnapshot(SnapshotBytes.reader(bytes));
        if (indexEarly)
        {
            restored.indexRestored();
        }
        for (int i = 100; i < 3000; i++)
        {
            final int event = journalEvent("acme", "e" + i, T0 + i * MS);
            restored.restore(envelope(event), envelope.keyHash(), positions.get(event), times.get(event));
        }
        restored.endRestore();

        final long nowNs = T0 + 3000 * MS;
        for (int event = 0; event < 3000; event++)
        {
            assertEquals(event, find(restored, event, nowNs), "e" + event + ": every id is remembered");
        }
    }

    /**
     * A window restored from a snapshot taken at any point, then the journal after it, answers every
     * id as the window that saw it all live, and writes the same snapshot: every combination of a cap
     * at which the ring stays small, fills or must grow, a horizon that keeps few, some or all ids,
     * and a snapshot early, midway or late, with random tenants and times, and the loaded ids indexed
     * early or at the end.
     */
    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26 })
    void shouldRestoreFromASnapshotAtAnyPointAsTheLiveWindowAnswers(final int combination)
    {
        final Random random = new Random(combination);
        final int cap = new int[]{ 8, 1000, 5000 }[combination % 3];
        final long horizonNs = new long[]{ 100, 3_000, 600_000 }[(combination / 3) % 3] * MS;
        final int total = 4000 + random.nextInt(2000);
        final int at = total * ((combination / 9) % 3 + 1) / 4;
        final String[] names = { "acme", "globex", "initech" };
        final DedupWindow live = live(horizonNs, cap);
        long nowNs = T0;
        byte[] bytes = null;
        for (int i = 0; i < total; i++)
        {
            nowNs += random.nextInt(3) * MS;
            recordLive(live, journalEvent(names[random.nextInt(names.length)], "e" + i, nowNs));
            if (i == at)
            {
                bytes = snapshot(live, nowNs);
            }
        }

        final DedupWindow restored = window(horizonNs, cap);
        restored.readSnapshot(SnapshotBytes.reader(bytes));
        if (random.nextBoolean())
        {
            restored.indexRestored();
        }
        for (int event = at + 1; event < total; event++)
        {
            restored.restore(envelope(event), envelope.keyHash(), positions.get(event), times.get(event));
        }
        restored.endRestore();

        final String what = "cap " + cap + ", horizon " + horizonNs / MS + " ms, " + total + " events, snapshot after " + at;
        for (int event = 0; event < total; event++)
        {
            assertEquals(find(live, event, nowNs), find(restored, event, nowNs), what + ": e" + event);
        }
        assertArrayEquals(snapshot(live, nowNs), snapshot(restored, nowNs), what);
    }

    /**
     * A tenant of 2^18 ids or more is indexed in home-slot order when restored (and for its snapshot);
     * it must answer as the live window that put them one by one.
     */
    @Test
    void shouldAnswerTheSameWhenALargeTenantIsIndexedInSlotOrder()
    {
        final int count = (1 << 18) + 1000;
        final DedupWindow live = live(3_600_000 * MS, 1 << 19);
        final DedupWindow restored = window(3_600_000 * MS, 1 << 19);
        for (int i = 0; i < count; i++)
        {
            final int event = journalEvent("acme", "e" + i, T0 + i * 1000);
            recordLive(live, event);
            restored.restore(envelope(event), envelope.keyHash(), positions.get(event), times.get(event));
        }
        restored.endRestore();

        final long nowNs = T0 + count * 1000L;
        for (int event = 0; event < count; event += 97)
        {
            assertEquals(event, find(restored, event, nowNs), "e" + event);
        }
        assertEquals(count - 1, find(restored, count - 1, nowNs));
        assertArrayEquals(snapshot(live, nowNs), snapshot(restored, nowNs));
    }

    @Test
    void shouldNotAllocateToRecordOrMissOnceATenantIsAtItsCap()
    {
        final DedupWindow window = live(HORIZON, 1024);
        final int[] events = new int[4096];
        for (int i = 0; i < events.length; i++)
        {
            events[i] = journalEvent(i % 2 == 0 ? "acme" : "globex", "e" + i, T0 + i * MS);
        }
        final InputEnvelope[] envelopes = new InputEnvelope[events.length];
        final long[] hashes = new long[events.length];
        for (int i = 0; i < events.length; i++)
        {
            final UnsafeBuffer copy = new UnsafeBuffer(new byte[256]);
            final int length = writer.visit(tenants.get(i), ids.get(i), "L1", "/pricing");
            copy.putBytes(0, writer.buffer(), 0, length);
            envelopes[i] = new InputEnvelope();
            envelopes[i].wrap(copy, 0, length);
            hashes[i] = envelopes[i].keyHash() ^ 0x5555;
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long allocated = 0;
        for (int pass = 0; pass < 20; pass++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < events.length; i++)
            {
                window.findOriginal(envelopes[i], hashes[i], T0);
                window.record(envelopes[i], hashes[i], positions.get(i), T0 + (pass * events.length + i) * MS);
            }
            if (pass >= 10)
            {
                allocated += threads.getCurrentThreadAllocatedBytes() - before;
            }
        }
        assertEquals(0, allocated);
    }

    private DedupWindow window(final long horizonNs, final int maxIds)
    {
        final DedupWindow window = new DedupWindow(horizonNs, maxIds, journal.openReader(), earlyEvictions);
        windows.add(window);
        return window;
    }

    private DedupWindow live(final long horizonNs, final int maxIds)
    {
        final DedupWindow window = window(horizonNs, maxIds);
        window.endRestore();
        return window;
    }

    private int journalEvent(final String tenant, final String id, final long timestampNs)
    {
        final int event = ids.size();
        final int length = writer.visit(tenant, id, "L1", "/pricing");
        RecordHeader.write(record, 0, event, timestampNs);
        record.putBytes(RecordHeader.LENGTH, writer.buffer(), 0, length);
        positions.add(journal.append(record, 0, RecordHeader.LENGTH + length));
        tenants.add(tenant);
        ids.add(id);
        times.add(timestampNs);
        return event;
    }

    private void recordLive(final DedupWindow window, final int event)
    {
        window.record(envelope(event), envelope.keyHash(), positions.get(event), times.get(event));
    }

    private InputEnvelope envelope(final int event)
    {
        final int length = writer.visit(tenants.get(event), ids.get(event), "L1", "/pricing");
        envelope.wrap(writer.buffer(), 0, length);
        return envelope;
    }

    private long find(final DedupWindow window, final int event, final long nowNs)
    {
        return window.findOriginal(envelope(event), envelope.keyHash(), nowNs);
    }

    private static byte[] snapshot(final DedupWindow window, final long nowNs)
    {
        return SnapshotBytes.write(writer -> window.writeSnapshot(writer, nowNs));
    }
}
