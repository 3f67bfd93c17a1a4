package io.firstcall.gateway.limit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket of {@code burst} tokens refilled at {@code ratePerSecond}, held as one number: the
 * time at which the bucket is full again (the generic cell rate algorithm's "theoretical arrival
 * time"). Taking a token moves that time on by one interval; a token is there when that time is at
 * most {@code burst - 1} intervals ahead of now. So no refill task, no allocation, and one CAS to
 * take a token from any thread. Time is whatever clock the caller reads (nanoseconds), so tests
 * drive it directly.
 */
final class TokenBucket
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long intervalNs;
    private final long toleranceNs;
    private final AtomicLong fullAtNs = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param ratePerSecond tokens added per second, 1..10^9.
     * @param burst         tokens the bucket holds (taken at once after a quiet spell); 0 for {@code ratePerSecond}.
     */
    TokenBucket(final long ratePerSecond, final long burst)
    {
        if (ratePerSecond < 1 || ratePerSecond > NANOS_PER_SECOND || burst < 0)
        {
            throw new IllegalArgumentException("rate must be 1..10^9 per second and burst >= 0: " + ratePerSecond +
                "/s, burst " + burst);
        }
        intervalNs = NANOS_PER_SECOND / ratePerSecond;
        final long tokens = 0 == burst ? ratePerSecond : burst;
        toleranceNs = tokens - 1 > Long.MAX_VALUE / 4 / intervalNs ? Long.MAX_VALUE / 4 : (tokens - 1) * intervalNs;
    }

    /**
     * @return true when a token was taken.
     */
    boolean tryAcquire(final long nowNs)
    {
        while (true)
        {
            final long fullAt = fullAtNs.get();
            final long from = Math.max(fullAt, nowNs);
            if (from - nowNs > toleranceNs)
            {
                return false;
            }
            if (fullAtNs.compareAndSet(fullAt, from + intervalNs))
            {
                return true;
            }
        }
    }

    /**
     * @return true when {@link #tryAcquire} would succeed now, taking nothing.
     */
    boolean hasToken(final long nowNs)
    {
        return Math.max(fullAtNs.get(), nowNs) - nowNs <= toleranceNs;
    }
}
