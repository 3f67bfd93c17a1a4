package io.firstcall.engine.timer;

import io.firstcall.support.SnapshotBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TimerServiceTest
{
    static final long T0 = TimeUnit.DAYS.toNanos(20_000);
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final TimerService timers = new TimerService();
    private final List<String> fired = new ArrayList<>();

    @Test
    void shouldFireOnlyOnTickAtOrAfterDeadline()
    {
        timers.observe(T0);
        timers.schedule(T0 + 300 * SECOND, 7);

        timers.onTick(T0 + 300 * SECOND - 1, this::record);
        assertEquals(List.of(), fired);

        timers.onTick(T0 + 300 * SECOND, this::record);
        assertEquals(List.of("7@" + (T0 + 300 * SECOND)), fired);
        assertEquals(0, timers.pending());
    }

    @Test
    void shouldNotFireCancelledTimer()
    {
        timers.observe(T0);
        final long id = timers.schedule(T0 + SECOND, 1);
        timers.schedule(T0 + 2 * SECOND, 2);

        assertEquals(true, timers.cancel(id));
        assertEquals(false, timers.cancel(id));
        timers.onTick(T0 + 3 * SECOND, this::record);

        assertEquals(List.of("2@" + (T0 + 3 * SECOND)), fired);
    }

    @Test
    void shouldFireTimersAfterLongGapAndSpanningManyWheelTurns()
    {
        timers.observe(T0);
        timers.schedule(T0 + 3_600 * SECOND, 1);
        timers.schedule(T0 + 5 * SECOND, 2);

        timers.onTick(T0 + 10 * SECOND, this::record);
        timers.onTick(T0 + 7_200 * SECOND, this::record);

        assertEquals(List.of("2@" + (T0 + 10 * SECOND), "1@" + (T0 + 7_200 * SECOND)), fired);
    }

    @Test
    void shouldScheduleRelativeToObservedTimeWhenIdle()
    {
        timers.observe(T0);
        timers.onTick(T0 + 1_000 * SECOND, this::record);
        timers.observe(T0 + 2_000 * SECOND);
        timers.schedule(T0 + 2_001 * SECOND, 3);

        timers.onTick(T0 + 2_000 * SECOND + SECOND / 2, this::record);
        assertEquals(List.of(), fired);
        timers.onTick(T0 + 2_002 * SECOND, this::record);
        assertEquals(List.of("3@" + (T0 + 2_002 * SECOND)), fired);
    }

    @Test
    @Timeout(10)
    void shouldCrossAYearLongGapInOneTick()
    {
        final long day = 86_400 * SECOND;
        timers.observe(T0);
        timers.schedule(T0 + 400 * day, 1);
        timers.schedule(T0 + 3 * day, 2);
        timers.schedule(T0 + 30 * day, 3);

        timers.onTick(T0 + 365 * day, this::record);
        assertEquals(List.of("2@" + (T0 + 365 * day), "3@" + (T0 + 365 * day)), fired);
        assertEquals(1, timers.pending());

        timers.onTick(T0 + 400 * day - SECOND, this::record);
        assertEquals(2, fired.size());
        timers.onTick(T0 + 400 * day + SECOND, this::record);
        assertEquals("1@" + (T0 + 400 * day + SECOND), fired.get(2));
    }

    @Test
    void shouldFireByDeadlineThenInScheduleOrder()
    {
        timers.schedule(T0 + 5 * SECOND, 50);
        timers.schedule(T0 + 2 * SECOND, 20);
        timers.schedule(T0 + 5 * SECOND, 51);
        timers.schedule(T0 + 2 * SECOND, 21);
        timers.schedule(T0 + 5 * SECOND, 52);
        timers.schedule(T0 + 1 * SECOND, 10);

        timers.onTick(T0 + 10 * SECOND, this::record);

        final long at = T0 + 10 * SECOND;
        assertEquals(List.of("10@" + at, "20@" + at, "21@" + at, "50@" + at, "51@" + at, "52@" + at), fired);
    }

    @Test
    void shouldFireInTheSameTickATimerAListenerSchedulesAlreadyDue()
    {
        timers.schedule(T0 + SECOND, 1);
        timers.schedule(T0 + 3 * SECOND, 3);

        timers.onTick(T0 + 5 * SECOND, (payload, nowNs) ->
        {
            record(payload, nowNs);
            if (1 == payload)
            {
                timers.schedule(T0 + 2 * SECOND, 2);
                timers.schedule(T0 + 60 * SECOND, 60);
            }
        });

        final long at = T0 + 5 * SECOND;
        assertEquals(List.of("1@" + at, "2@" + at, "3@" + at), fired);
        assertEquals(1, timers.pending());
    }

    @Test
    void shouldNumberTimersFromACounterThatSurvivesFiringAndCancelling()
    {
        assertEquals(0, timers.schedule(T0, 1));
        assertEquals(1, timers.schedule(T0, 2));
        timers.cancel(0);
        timers.onTick(T0, this::record);

        assertEquals(2, timers.schedule(T0, 3));
    }

    @Test
    void shouldWriteTheSameBytesForTheSamePendingTimersWhateverTheHistory()
    {
        final TimerService other = new TimerService();
        final long a = timers.schedule(T0 + 9 * SECOND, 9);
        final long b = timers.schedule(T0 + 1 * SECOND, 1);
        final long c = timers.schedule(T0 + 5 * SECOND, 5);
        timers.cancel(b);
        other.schedule(T0 + 9 * SECOND, 9);
        final long otherB = other.schedule(T0 + 1 * SECOND, 1);
        other.schedule(T0 + 5 * SECOND, 5);
        other.onTick(T0 + 2 * SECOND, this::record);

        assertEquals(a, 0);
        assertEquals(c, 2);
        assertEquals(b, otherB);
        assertArrayEquals(SnapshotBytes.write(timers::writeSnapshot), SnapshotBytes.write(other::writeSnapshot));
    }

    @Test
    void shouldRestoreFromASnapshotExactly()
    {
        final Random random = new Random(11);
        final TimerService original = new TimerService();
        final List<Long> live = new ArrayList<>();
        for (int i = 0; i < 5_000; i++)
        {
            if (!live.isEmpty() && random.nextInt(3) == 0)
            {
                original.cancel(live.remove(random.nextInt(live.size())));
            }
            else
            {
                live.add(original.schedule(T0 + random.nextInt(1_000) * SECOND, i));
            }
        }
        final byte[] snapshot = SnapshotBytes.write(original::writeSnapshot);
        final TimerService restored = new TimerService();
        restored.readSnapshot(SnapshotBytes.reader(snapshot));

        assertArrayEquals(snapshot, SnapshotBytes.write(restored::writeSnapshot));
        assertEquals(original.pending(), restored.pending());
        assertEquals(original.schedule(T0, -1), restored.schedule(T0, -1), "the id counter is restored");
        final long cancelled = live.get(live.size() / 2);
        assertEquals(original.cancel(cancelled), restored.cancel(cancelled), "ids keep naming the same timers");
        final List<String> originalFired = new ArrayList<>();
        final List<String> restoredFired = new ArrayList<>();
        for (long t = T0; t <= T0 + 1_000 * SECOND; t += 7 * SECOND)
        {
            original.onTick(t, (payload, nowNs) -> originalFired.add(payload + "@" + nowNs));
            restored.onTick(t, (payload, nowNs) -> restoredFired.add(payload + "@" + nowNs));
        }
        assertEquals(originalFired, restoredFired);
        assertFalse(originalFired.isEmpty());
    }

    @Test
    void shouldNotAllocateToScheduleFireOrCancelOnceGrown()
    {
        final TimerService.TimerListener ignore = (payload, nowNs) -> {};
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        long now = T0;
        long allocated = 0;
        for (int pass = 0; pass < 60; pass++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 1_000; i++)
            {
                final long id = timers.schedule(now + (i % 17) * SECOND, i);
                if (i % 3 == 0)
                {
                    timers.cancel(id);
                }
            }
            now += 20 * SECOND;
            timers.onTick(now, ignore);
            if (pass >= 40)
            {
                allocated += threads.getCurrentThreadAllocatedBytes() - before;
            }
        }
        assertEquals(0, allocated);
    }

    private void record(final long payload, final long nowNs)
    {
        fired.add(payload + "@" + nowNs);
    }
}
