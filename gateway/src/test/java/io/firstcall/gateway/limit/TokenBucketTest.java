package io.firstcall.gateway.limit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest
{
    private static final long SECOND_NS = 1_000_000_000L;

    @Test
    void shouldGiveTheBurstAtOnceThenOneTokenPerInterval()
    {
        final TokenBucket bucket = new TokenBucket(10, 3);
        final long start = 5 * SECOND_NS;

        assertTrue(bucket.tryAcquire(start));
        assertTrue(bucket.tryAcquire(start));
        assertTrue(bucket.hasToken(start));
        assertTrue(bucket.tryAcquire(start));
        assertFalse(bucket.hasToken(start));
        assertFalse(bucket.tryAcquire(start));

        assertFalse(bucket.tryAcquire(start + SECOND_NS / 10 - 1));
        assertTrue(bucket.tryAcquire(start + SECOND_NS / 10));
        assertFalse(bucket.tryAcquire(start + SECOND_NS / 10));
    }

    @Test
    void shouldRefillToTheBurstAndNoFurther()
    {
        final TokenBucket bucket = new TokenBucket(1, 2);
        assertTrue(bucket.tryAcquire(0));
        assertTrue(bucket.tryAcquire(0));

        final long later = 3600 * SECOND_NS;
        assertTrue(bucket.tryAcquire(later));
        assertTrue(bucket.tryAcquire(later));
        assertFalse(bucket.tryAcquire(later));
    }

    @Test
    void shouldHoldOneSecondOfTheRateWhenTheBurstIsZero()
    {
        final TokenBucket bucket = new TokenBucket(5, 0);
        int taken = 0;
        while (bucket.tryAcquire(SECOND_NS))
        {
            taken++;
        }
        assertEquals(5, taken);
    }

    @Test
    void shouldNotCountARefusalAsATake()
    {
        final TokenBucket bucket = new TokenBucket(1, 1);
        assertTrue(bucket.tryAcquire(0));
        for (int i = 0; i < 100; i++)
        {
            assertFalse(bucket.tryAcquire(SECOND_NS / 2));
        }
        assertTrue(bucket.tryAcquire(SECOND_NS));
    }

    @Test
    void shouldNeverHandOutMoreThanTheBurstAcrossThreads() throws InterruptedException
    {
        final TokenBucket bucket = new TokenBucket(1, 1000);
        final AtomicInteger taken = new AtomicInteger();
        final CountDownLatch start = new CountDownLatch(1);
        final List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++)
        {
            final Thread thread = new Thread(() ->
            {
                try
                {
                    start.await();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 10_000; i++)
                {
                    if (bucket.tryAcquire(42))
                    {
                        taken.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (final Thread thread : threads)
        {
            thread.join();
        }

        assertEquals(1000, taken.get());
    }

    @Test
    void shouldRefuseRatesItCannotKeep()
    {
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(2_000_000_000L, 1));
        assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, -1));
    }
}
