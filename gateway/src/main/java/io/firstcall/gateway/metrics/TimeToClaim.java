package io.firstcall.gateway.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.concurrent.TimeUnit;

/**
 * The time from a lead's first alert in an episode to the claim that ends it, in engine time (the
 * outputs' {@code timeNs}), so a replayed journal gives the same figures.
 * <p>
 * Leads waiting for a claim are kept in a fixed open-addressing table of primitive arrays, keyed by a
 * 64-bit hash of (tenant, lead): nothing is allocated per alert or claim. When the
 * {@link #PROBES} slots a key may use are all taken, the lead alerted longest ago is forgotten, so
 * the table never grows; a claim of a forgotten lead is not measured. With {@value #DEFAULT_CAPACITY}
 * slots that takes tens of thousands of leads waiting at once.
 * <p>
 * Threads: {@link #onAlert} and {@link #onClaim} from the one thread that delivers outputs;
 * {@link #cumulative()} from any thread.
 */
public final class TimeToClaim
{
    public static final int DEFAULT_CAPACITY = 65_536;
    public static final long HIGHEST_TRACKABLE_MS = TimeUnit.DAYS.toMillis(7);
    static final int PROBES = 16;
    private static final long EMPTY = 0;

    private final long[] keys;
    private final long[] alertTimesNs;
    private final int[] episodes;
    private final int mask;
    private final SingleWriterRecorder recorder = new SingleWriterRecorder(1, HIGHEST_TRACKABLE_MS, 3);
    private final Histogram cumulative = new Histogram(1, HIGHEST_TRACKABLE_MS, 3);
    private Histogram interval;

    /**
     * @param capacity slots for leads awaiting a claim, a power of two >= {@link #PROBES}.
     */
    public TimeToClaim(final int capacity)
    {
        if (capacity < PROBES || Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity must be a power of two >= " + PROBES + ": " + capacity);
        }
        keys = new long[capacity];
        alertTimesNs = new long[capacity];
        episodes = new int[capacity];
        mask = capacity - 1;
    }

    /**
     * An alert for the lead: the first of its episode starts the clock; later ones (other reps, an
     * escalation) do not restart it, a new episode does.
     *
     * @param key {@link TenantActivity#leadKey}, never 0.
     */
    void onAlert(final long key, final int episode, final long timeNs)
    {
        final int slot = find(key);
        if (slot >= 0)
        {
            if (episodes[slot] != episode)
            {
                episodes[slot] = episode;
                alertTimesNs[slot] = timeNs;
            }
            return;
        }

        final int free = freeOrOldest(key);
        keys[free] = key;
        episodes[free] = episode;
        alertTimesNs[free] = timeNs;
    }

    /**
     * The lead was claimed: record the time since its episode's first alert, if that alert was seen.
     */
    void onClaim(final long key, final int episode, final long timeNs)
    {
        final int slot = find(key);
        if (slot < 0)
        {
            return;
        }

        if (episodes[slot] == episode)
        {
            final long elapsedMs = TimeUnit.NANOSECONDS.toMillis(Math.max(0, timeNs - alertTimesNs[slot]));
            recorder.recordValue(Math.min(elapsedMs, HIGHEST_TRACKABLE_MS));
        }
        keys[slot] = EMPTY;
    }

    /**
     * @return a copy of every time to claim recorded so far, in milliseconds.
     */
    public synchronized Histogram cumulative()
    {
        interval = recorder.getIntervalHistogram(interval);
        cumulative.add(interval);
        return cumulative.copy();
    }

    private int find(final long key)
    {
        final int start = (int)key & mask;
        for (int i = 0; i < PROBES; i++)
        {
            final int slot = (start + i) & mask;
            if (keys[slot] == key)
            {
                return slot;
            }
        }
        return -1;
    }

    private int freeOrOldest(final long key)
    {
        final int start = (int)key & mask;
        int oldest = start;
        for (int i = 0; i < PROBES; i++)
        {
            final int slot = (start + i) & mask;
            if (EMPTY == keys[slot])
            {
                return slot;
            }
            if (alertTimesNs[slot] < alertTimesNs[oldest])
            {
                oldest = slot;
            }
        }
        return oldest;
    }
}
