package io.firstcall.gateway.demo;

import org.HdrHistogram.Histogram;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The demo's output: a one-line summary per interval and a closing total. Rates are per second
 * over the interval; alerts, claims and escalations are counts since the start.
 */
public final class DemoReport
{
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final DemoStats stats;
    private final AlertLatency latency;
    private final long startNs;
    private long lastNs;
    private long lastSent;
    private long lastAcked;

    DemoReport(final DemoStats stats, final AlertLatency latency, final long startNs)
    {
        this.stats = stats;
        this.latency = latency;
        this.startNs = startNs;
        this.lastNs = startNs;
    }

    /**
     * @return e.g. {@code 12:00:01 events/s=200 acked=200 alerts=14 claims=9 escalations=0 p99_alert_ms=1.20},
     * with {@code errors=N} appended once the server refused anything.
     */
    public String line(final LocalTime wallClock, final long nowNs)
    {
        final double seconds = Math.max(1, nowNs - lastNs) / 1e9;
        final long sent = stats.sent.get();
        final long acked = stats.acked.get();
        final Histogram interval = latency.takeInterval(nowNs);
        final StringBuilder line = new StringBuilder(128)
            .append(CLOCK.format(wallClock))
            .append(" events/s=").append(Math.round((sent - lastSent) / seconds))
            .append(" acked=").append(Math.round((acked - lastAcked) / seconds))
            .append(" alerts=").append(stats.alerts.get())
            .append(" claims=").append(stats.claims.get())
            .append(" escalations=").append(stats.escalations.get())
            .append(" p99_alert_ms=").append(millis(interval, 99.0));
        if (stats.errors.get() > 0)
        {
            line.append(" errors=").append(stats.errors.get());
        }
        lastNs = nowNs;
        lastSent = sent;
        lastAcked = acked;
        return line.toString();
    }

    /**
     * @return the run's totals and its whole alert latency distribution.
     */
    public String total(final long nowNs)
    {
        latency.takeInterval(nowNs);
        final Histogram all = latency.total();
        return String.format(Locale.ROOT,
            "total over %.1f s: sent=%d acked=%d duplicates=%d errors=%d alerts=%d claims=%d escalations=%d " +
            "withdrawn=%d claim_rejected=%d rep_calls=%d%nalert latency ms (n=%d): p50=%s p90=%s p99=%s p99.9=%s max=%s",
            (nowNs - startNs) / 1e9, stats.sent.get(), stats.acked.get(), stats.duplicates.get(), stats.errors.get(),
            stats.alerts.get(), stats.claims.get(), stats.escalations.get(), stats.withdrawn.get(),
            stats.claimRejected.get(), stats.callsByReps.get(), all.getTotalCount(),
            millis(all, 50.0), millis(all, 90.0), millis(all, 99.0), millis(all, 99.9), millis(all, 100.0));
    }

    private static String millis(final Histogram histogram, final double percentile)
    {
        if (0 == histogram.getTotalCount())
        {
            return "-";
        }
        final long ns = percentile >= 100.0 ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile);
        return String.format(Locale.ROOT, "%.2f", ns / 1e6);
    }
}
