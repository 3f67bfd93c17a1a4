package io.firstcall.engine.timer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

        timers.onTick(T0 + 299 * SECOND, this::record);
        assertEquals(List.of(), fired);

        timers.onTick(T0 + 300 * SECOND + TimerService.TICK_RESOLUTION_NS, this::record);
        assertEquals(List.of("7@" + (T0 + 300 * SECOND + TimerService.TICK_RESOLUTION_NS)), fired);
        assertEquals(0, timers.pending());
    }

    @Test
    void shouldNotFireCancelledTimer()
    {
        timers.observe(T0);
        final long id = timers.schedule(T0 + SECOND, 1);
        timers.schedule(T0 + 2 * SECOND, 2);

        assertEquals(true, timers.cancel(id));
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
    void shouldCrossAYearLongGapInOneTurnOfTheWheel()
    {
        final long day = 86_400 * SECOND;
        timers.observe(T0);
        timers.schedule(T0 + 400 * day, 1);
        timers.schedule(T0 + 3 * day, 2);
        timers.schedule(T0 + 30 * day, 3);

        timers.onTick(T0 + 365 * day, this::record);
        assertEquals(2, fired.size(), fired.toString());
        assertEquals(List.of("2@" + (T0 + 365 * day), "3@" + (T0 + 365 * day)), fired.stream().sorted().toList());
        assertEquals(1, timers.pending());

        timers.onTick(T0 + 400 * day - SECOND, this::record);
        assertEquals(2, fired.size());
        timers.onTick(T0 + 400 * day + SECOND, this::record);
        assertEquals("1@" + (T0 + 400 * day + SECOND), fired.get(2));
    }

    private void record(final long payload, final long nowNs)
    {
        fired.add(payload + "@" + nowNs);
    }
}
