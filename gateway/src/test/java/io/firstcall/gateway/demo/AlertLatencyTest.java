package io.firstcall.gateway.demo;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlertLatencyTest
{
    private final AlertLatency latency = new AlertLatency();

    @Test
    void shouldMeasureFromTheDueTimeWhenTheAckComesFirst()
    {
        latency.onHotSent("e1", 1_000);
        latency.onAck("e1", 7, false);
        latency.onAlert(7, 251_000);

        final Histogram interval = latency.takeInterval(251_000);
        assertEquals(1, interval.getTotalCount());
        assertEquals(250_000, interval.getMaxValue(), 250);
    }

    @Test
    void shouldMeasureWhenTheAlertOvertakesTheAck()
    {
        latency.onHotSent("e1", 1_000);
        latency.onAlert(7, 101_000);
        latency.onAck("e1", 7, false);

        assertEquals(100_000, latency.takeInterval(101_000).getMaxValue(), 100);
    }

    @Test
    void shouldIgnoreDuplicatesAndUntrackedEvents()
    {
        latency.onHotSent("e1", 1_000);
        latency.onAck("e1", 7, true);
        latency.onAck("e2", 8, false);
        latency.onAlert(8, 5_000);

        assertEquals(0, latency.takeInterval(5_000).getTotalCount());
    }

    @Test
    void shouldKeepATotalAcrossIntervalsAndForgetUnmatchedEntries()
    {
        latency.onHotSent("e1", 0);
        latency.onAck("e1", 1, false);
        latency.onAlert(1, 1_000);
        latency.takeInterval(1_000);
        latency.onHotSent("e2", 2_000);
        latency.onAck("e2", 2, false);
        latency.onAlert(2, 4_000);
        latency.takeInterval(4_000);

        latency.onHotSent("suppressed", 5_000);
        latency.onAck("suppressed", 3, false);
        latency.takeInterval(TimeUnit.SECONDS.toNanos(120));
        latency.onAlert(3, TimeUnit.SECONDS.toNanos(121));

        assertEquals(2, latency.total().getTotalCount());
        assertEquals(0, latency.takeInterval(TimeUnit.SECONDS.toNanos(122)).getTotalCount());
    }
}
