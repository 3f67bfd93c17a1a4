package io.firstcall.bench.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns alerts arriving on the rep connections into latencies. A hot lead's id names its phase and
 * event index ({@code h<run>-<phase>-<index>}), so the reader recomputes the event's intended send
 * time from the phase's {@link Schedule} without any shared map: latency = alert received − intended
 * send. Rep reader threads record concurrently into one {@link Recorder}.
 */
final class AlertTracker implements MessageReader.Handler
{
    private static final long MAX_RECORDABLE_NS = TimeUnit.SECONDS.toNanos(60);
    private static final byte[] ALERT = LoadEvents.bytes("{\"type\":\"alert\"");

    private final Recorder latency = new Recorder(MAX_RECORDABLE_NS, 3);
    private final AtomicLong alerts = new AtomicLong();
    private final AtomicLong strays = new AtomicLong();
    private final byte[] leadPrefix;
    private volatile Schedule schedule;

    AlertTracker(final byte[] run)
    {
        final byte[] prefix = LoadEvents.bytes("\"lead\":\"h");
        leadPrefix = new byte[prefix.length + run.length + 1];
        System.arraycopy(prefix, 0, leadPrefix, 0, prefix.length);
        System.arraycopy(run, 0, leadPrefix, prefix.length, run.length);
        leadPrefix[leadPrefix.length - 1] = '-';
    }

    /**
     * Start counting alerts of a new phase; anything recorded before is dropped.
     */
    void begin(final Schedule next)
    {
        schedule = null;
        latency.getIntervalHistogram();
        alerts.set(0);
        schedule = next;
    }

    /**
     * @return the phase's latencies, in ns; the tracker records nothing more until the next begin.
     */
    Histogram finish()
    {
        schedule = null;
        return latency.getIntervalHistogram();
    }

    long alerts()
    {
        return alerts.get();
    }

    /**
     * @return alerts for this run's hot leads that arrived outside their phase.
     */
    long strays()
    {
        return strays.get();
    }

    public void onMessage(final byte[] buffer, final int offset, final int length, final long receivedNs)
    {
        final int limit = offset + length;
        if (!Ascii.startsWith(buffer, offset, limit, ALERT))
        {
            return;
        }
        final int at = Ascii.indexOf(buffer, offset, limit, leadPrefix);
        if (at < 0)
        {
            return;
        }

        int position = at + leadPrefix.length;
        long phase = 0;
        while (position < limit && buffer[position] != '-')
        {
            phase = phase * 10 + (buffer[position++] - '0');
        }
        position++;
        long index = 0;
        while (position < limit && buffer[position] != '"')
        {
            index = index * 10 + (buffer[position++] - '0');
        }

        final Schedule current = schedule;
        if (null == current || current.phase() != phase)
        {
            strays.incrementAndGet();
            return;
        }
        final long latencyNs = receivedNs - current.intendedNs(index);
        latency.recordValue(Math.min(Math.max(latencyNs, 0), MAX_RECORDABLE_NS));
        alerts.incrementAndGet();
    }
}
