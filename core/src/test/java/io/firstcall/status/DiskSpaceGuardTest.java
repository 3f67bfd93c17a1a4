package io.firstcall.status;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiskSpaceGuardTest
{
    private static final long MIB = 1024 * 1024;

    private final RecordingLogger logger = new RecordingLogger();
    private final EngineHealth health = new EngineHealth(logger);
    private final List<Throwable> errors = new ArrayList<>();
    private final AtomicInteger checks = new AtomicInteger();
    private long nowNs = 1_000;
    private long usableBytes = 10_000 * MIB;
    private RuntimeException checkFailure;

    private DiskSpaceGuard guard(final long minFreeBytes)
    {
        return new DiskSpaceGuard(() ->
        {
            checks.incrementAndGet();
            if (null != checkFailure)
            {
                throw checkFailure;
            }
            return usableBytes;
        }, minFreeBytes, () -> nowNs, health, errors::add, "/data");
    }

    @Test
    void shouldRefuseWhileBelowTheMinimumAndTakeEventsAgainOnceThereIsRoom()
    {
        final DiskSpaceGuard guard = guard(256 * MIB);
        assertEquals(1, guard.doWork());
        assertTrue(health.isUp());

        usableBytes = 100 * MIB;
        for (int i = 0; i < 20; i++)
        {
            nowNs += DiskSpaceGuard.CHECK_INTERVAL_NS;
            guard.doWork();
        }
        assertTrue(health.has(EngineHealth.Problem.DISK_SPACE));
        final String problem = health.problems().get(0);
        assertTrue(problem.contains("100 MiB free in /data") && problem.contains("256 MiB minimum"), problem);

        usableBytes = 300 * MIB;
        nowNs += DiskSpaceGuard.CHECK_INTERVAL_NS;
        guard.doWork();
        assertTrue(health.isUp());
        assertEquals(List.of(System.Logger.Level.ERROR, System.Logger.Level.INFO), logger.levels,
            "one line when the episode starts, one when it ends: " + logger.messages);
        assertTrue(logger.messages.get(0).startsWith("disk space: 100 MiB free"), logger.messages.get(0));
    }

    @Test
    void shouldCheckAtMostOncePerInterval()
    {
        final DiskSpaceGuard guard = guard(256 * MIB);
        assertEquals(1, guard.doWork());
        nowNs += DiskSpaceGuard.CHECK_INTERVAL_NS - 1;
        assertEquals(0, guard.doWork());
        assertEquals(1, checks.get());
        nowNs += 1;
        assertEquals(1, guard.doWork());
        assertEquals(2, checks.get());
    }

    @Test
    void shouldNeverCheckWhenTheMinimumIsZero()
    {
        final DiskSpaceGuard guard = guard(0);
        usableBytes = 0;
        guard.check();
        nowNs += DiskSpaceGuard.CHECK_INTERVAL_NS;
        assertEquals(0, guard.doWork());
        assertEquals(0, checks.get());
        assertTrue(health.isUp());
    }

    @Test
    void shouldRecordAFailingCheckOnceAndKeepTheLastVerdict()
    {
        final DiskSpaceGuard guard = guard(256 * MIB);
        checkFailure = new UncheckedIOException(new IOException("stale file handle"));
        for (int i = 0; i < 5; i++)
        {
            guard.check();
        }
        assertEquals(1, errors.size());
        assertTrue(health.isUp());

        checkFailure = null;
        usableBytes = MIB;
        guard.check();
        assertFalse(health.isUp());
    }
}
