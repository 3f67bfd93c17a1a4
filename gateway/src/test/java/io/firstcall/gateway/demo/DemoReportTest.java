package io.firstcall.gateway.demo;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoReportTest
{
    private final DemoStats stats = new DemoStats();
    private final AlertLatency latency = new AlertLatency();
    private final DemoReport report = new DemoReport(stats, latency, 0);

    @Test
    void shouldPrintRatesCountsAndTheIntervalP99OnOneLine()
    {
        stats.sent.addAndGet(200);
        stats.acked.addAndGet(199);
        stats.onAlert("L1", 1);
        stats.onAlert("L1", 1);
        stats.onAlert("L2", 1);
        stats.onClaim("L1", 1);
        latency.onHotSent("e1", 0);
        latency.onAck("e1", 5, false);
        latency.onAlert(5, 1_200_000);

        assertEquals("12:00:01 events/s=200 acked=199 alerts=2 claims=1 escalations=0 p99_alert_ms=1.20",
            report.line(LocalTime.of(12, 0, 1), TimeUnit.SECONDS.toNanos(1)));
        assertEquals("12:00:02 events/s=0 acked=0 alerts=2 claims=1 escalations=0 p99_alert_ms=-",
            report.line(LocalTime.of(12, 0, 2), TimeUnit.SECONDS.toNanos(2)));
    }

    @Test
    void shouldShowServerErrorsOnceThereAreAny()
    {
        stats.onError("{\"type\":\"error\",\"code\":\"missing_field\"}");

        assertTrue(report.line(LocalTime.NOON, TimeUnit.SECONDS.toNanos(1)).endsWith(" errors=1"));
        assertEquals(1, stats.drainProblems().size());
    }

    @Test
    void shouldSumUpTheRun()
    {
        stats.sent.addAndGet(10);
        latency.onHotSent("e1", 0);
        latency.onAck("e1", 5, false);
        latency.onAlert(5, 2_000_000);

        final String total = report.total(TimeUnit.SECONDS.toNanos(10));

        assertTrue(total.startsWith("total over 10.0 s: sent=10 "), total);
        assertTrue(total.contains("alert latency ms (n=1): p50=2.00"), total);
    }
}
