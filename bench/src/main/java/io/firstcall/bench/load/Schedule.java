package io.firstcall.bench.load;

/**
 * One open-loop phase: event {@code i} is due at {@code startNs + i / rate}, whatever happened to
 * the events before it. Latency is timed from this intended send time, never from when the sender
 * got round to it, so a stall anywhere shows up in the numbers (no coordinated omission).
 */
final class Schedule
{
    private final int phase;
    private final long startNs;
    private final long rate;
    private final double periodNs;

    Schedule(final int phase, final long startNs, final long rate)
    {
        this.phase = phase;
        this.startNs = startNs;
        this.rate = rate;
        this.periodNs = 1e9 / rate;
    }

    int phase()
    {
        return phase;
    }

    long rate()
    {
        return rate;
    }

    long startNs()
    {
        return startNs;
    }

    long intendedNs(final long index)
    {
        return startNs + (long)(index * periodNs);
    }
}
