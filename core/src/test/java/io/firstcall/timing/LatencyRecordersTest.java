package io.firstcall.timing;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LatencyRecordersTest
{
    @Test
    void shouldHaveOneTimerPerStage()
    {
        final LatencyRecorders recorders = new LatencyRecorders();
        final Set<StageTimer> timers = new HashSet<>();

        for (final LatencyStage stage : LatencyStage.values())
        {
            final StageTimer timer = recorders.timer(stage);
            assertSame(stage, timer.stage());
            assertSame(timer, recorders.timer(stage));
            timers.add(timer);
        }

        assertEquals(LatencyStage.values().length, timers.size());
        assertEquals("receive_to_published", LatencyStage.RECEIVE_TO_PUBLISHED.metricName());
    }
}
