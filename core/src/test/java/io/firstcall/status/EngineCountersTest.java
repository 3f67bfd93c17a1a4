package io.firstcall.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineCountersTest
{
    @TempDir
    Path dir;

    @Test
    void shouldHaveUniqueDenseIdsAndLookThemUp()
    {
        final Set<Integer> ids = new HashSet<>();
        for (final EngineCounter counter : EngineCounter.values())
        {
            assertTrue(ids.add(counter.id()), counter::name);
            assertSame(counter, EngineCounter.get(counter.id()));
            assertEquals(counter.name().toLowerCase(java.util.Locale.ROOT), counter.metricName());
        }
        assertEquals(EngineCounter.values().length, ids.size());
        assertNull(EngineCounter.get(EngineCounter.values().length));
        assertNull(EngineCounter.get(-1));
        assertEquals("Offers refused: ring full", EngineCounter.RING_FULL.label());
    }

    @Test
    void shouldIncrementInMemoryCounters()
    {
        try (EngineCounters counters = EngineCounters.inMemory())
        {
            counters.get(EngineCounter.EVENTS_RECEIVED).increment();
            counters.get(EngineCounter.EVENTS_RECEIVED).increment();
            counters.get(EngineCounter.RING_FULL).getAndAdd(5);

            assertEquals(2, counters.value(EngineCounter.EVENTS_RECEIVED));
            assertEquals(5, counters.value(EngineCounter.RING_FULL));
            assertEquals(0, counters.value(EngineCounter.ERRORS));
            assertEquals("Events offered to the ring",
                counters.countersReader().getCounterLabel(EngineCounter.EVENTS_RECEIVED.id()));
        }
    }

    @Test
    void shouldVisitEveryCounterInIdOrderWithLabelAndValue()
    {
        try (EngineCounters counters = EngineCounters.inMemory())
        {
            counters.get(EngineCounter.TICKS).set(7);

            final Map<String, Long> byLabel = new LinkedHashMap<>();
            counters.forEach(byLabel::put);
            final List<EngineCounter> order = new ArrayList<>();
            counters.forEachCounter((counter, value) -> order.add(counter));

            assertEquals(EngineCounter.values().length, byLabel.size());
            assertEquals(7L, byLabel.get(EngineCounter.TICKS.label()));
            assertEquals(List.of(EngineCounter.values()), order);
            assertEquals(EngineCounter.EVENTS_RECEIVED.label(), byLabel.keySet().iterator().next());
        }
    }

    @Test
    void shouldExposeMappedCountersToASeparateReader()
    {
        final Path file = dir.resolve("data/counters.dat");
        try (EngineCounters counters = EngineCounters.mapped(file))
        {
            counters.get(EngineCounter.EVENTS_JOURNALED).increment();
            counters.get(EngineCounter.REPLAY_DIVERGENCES).getAndAdd(3);

            try (EngineCounters.Reader reader = EngineCounters.openReader(file))
            {
                assertEquals(1, reader.value(EngineCounter.EVENTS_JOURNALED));
                assertEquals(3, reader.value(EngineCounter.REPLAY_DIVERGENCES));

                counters.get(EngineCounter.EVENTS_JOURNALED).increment();
                assertEquals(2, reader.value(EngineCounter.EVENTS_JOURNALED), "live update seen by the reader");
            }

            final Map<String, Long> snapshot = EngineCounters.snapshot(file);
            assertEquals(EngineCounter.values().length, snapshot.size());
            assertEquals(2L, snapshot.get("Events journaled"));
            assertEquals(3L, snapshot.get("Outputs that differed on recovery"));
            assertEquals(0L, snapshot.get("Errors"));
        }
    }

    @Test
    void shouldKeepLastValuesInFileAfterClose()
    {
        final Path file = dir.resolve("counters.dat");
        try (EngineCounters counters = EngineCounters.mapped(file))
        {
            counters.get(EngineCounter.OUTPUTS).getAndAdd(11);
        }

        assertEquals(11L, EngineCounters.snapshot(file).get(EngineCounter.OUTPUTS.label()));
    }

    @Test
    void shouldStartFromZeroWhenFileIsRecreated()
    {
        final Path file = dir.resolve("counters.dat");
        try (EngineCounters counters = EngineCounters.mapped(file))
        {
            counters.get(EngineCounter.ERRORS).getAndAdd(4);
        }

        try (EngineCounters counters = EngineCounters.mapped(file))
        {
            assertEquals(0, counters.value(EngineCounter.ERRORS));
            assertEquals(0L, EngineCounters.snapshot(file).get(EngineCounter.ERRORS.label()));
        }
    }

    @Test
    void shouldRejectAFileThatIsNotACountersFile() throws IOException
    {
        final Path garbage = Files.write(dir.resolve("garbage.dat"), new byte[4096]);
        final Path tooShort = Files.write(dir.resolve("short.dat"), new byte[3]);

        assertThrows(IllegalStateException.class, () -> EngineCounters.snapshot(garbage));
        assertThrows(IllegalStateException.class, () -> EngineCounters.snapshot(tooShort));
        assertThrows(IllegalStateException.class, () -> EngineCounters.snapshot(dir.resolve("missing.dat")));
    }
}
