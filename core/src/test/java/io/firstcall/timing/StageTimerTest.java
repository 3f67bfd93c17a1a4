package io.firstcall.timing;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageTimerTest
{
    private final StageTimer timer = new StageTimer(LatencyStage.RECEIVE_TO_JOURNALED);

    @Test
    void shouldRecordDurationsInRange()
    {
        timer.record(1_000);
        timer.record(2_000);

        final Histogram histogram = timer.intervalHistogram(null);

        assertEquals(2, histogram.getTotalCount());
        assertTrue(histogram.valuesAreEquivalent(1_000, histogram.getMinValue()));
        assertTrue(histogram.valuesAreEquivalent(2_000, histogram.getMaxValue()));
    }

    @Test
    void shouldClampNegativeDurationsToZero()
    {
        timer.record(-5);
        timer.record(Long.MIN_VALUE);

        final Histogram histogram = timer.intervalHistogram(null);

        assertEquals(2, histogram.getTotalCount());
        assertEquals(2, histogram.getCountAtValue(0));
    }

    @Test
    void shouldClampDurationsAboveTheMaxToTheMax()
    {
        assertDoesNotThrow(() -> timer.record(StageTimer.MAX_DURATION_NS + 1));
        assertDoesNotThrow(() -> timer.record(Long.MAX_VALUE));

        final Histogram histogram = timer.intervalHistogram(null);

        assertEquals(2, histogram.getTotalCount());
        assertTrue(histogram.valuesAreEquivalent(StageTimer.MAX_DURATION_NS, histogram.getMaxValue()));
        assertEquals(2, histogram.getCountAtValue(StageTimer.MAX_DURATION_NS));
    }

    @Test
    void shouldStartEachIntervalEmptyAndReuseTheRecycledHistogram()
    {
        timer.record(10);
        final Histogram first = timer.intervalHistogram(null);
        assertEquals(1, first.getTotalCount());

        final Histogram second = timer.intervalHistogram(first);
        assertEquals(0, second.getTotalCount());

        timer.record(20);
        timer.record(30);
        final Histogram third = timer.intervalHistogram(second);
        assertEquals(2, third.getTotalCount());
        assertSame(first, third, "recorder swaps between two histograms");
        assertSame(LatencyStage.RECEIVE_TO_JOURNALED, timer.stage());
    }
}
