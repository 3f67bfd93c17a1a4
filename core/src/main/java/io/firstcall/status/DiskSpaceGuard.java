package io.firstcall.status;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Checks the free space of the data directory's filesystem every {@link #CHECK_INTERVAL_NS}, off the
 * hot path, and reports {@link EngineHealth.Problem#DISK_SPACE} while it is below the minimum; the
 * journal stage refuses new events meanwhile (ticks included), so the journals stop growing well
 * before the filesystem is full, and take events again by themselves once there is room.
 * <p>
 * Why a minimum well above what one append needs: Chronicle maps each queue file in chunks of 64 MiB
 * plus a 16 MiB overlap (80 MiB per mapping, for each of the two journals) and writes index blocks and
 * new hourly files on its own; space is only taken as pages are written, but a burst between two
 * checks, an hourly roll or another process writing to the same filesystem must all still fit.
 */
public final class DiskSpaceGuard implements Agent
{
    public static final long CHECK_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MIB = 1024 * 1024;

    private final LongSupplier usableBytes;
    private final long minFreeBytes;
    private final NanoClock clock;
    private final EngineHealth health;
    private final ErrorHandler errorHandler;
    private final String where;
    private long nextCheckNs;
    private boolean checkFailing;

    /**
     * @param usableBytes  the bytes the engine may still write on the filesystem; may throw.
     * @param minFreeBytes below this, events are refused; 0 turns the guard off.
     * @param where        the directory, for operators.
     */
    public DiskSpaceGuard(
        final LongSupplier usableBytes,
        final long minFreeBytes,
        final NanoClock clock,
        final EngineHealth health,
        final ErrorHandler errorHandler,
        final String where)
    {
        this.usableBytes = usableBytes;
        this.minFreeBytes = minFreeBytes;
        this.clock = clock;
        this.health = health;
        this.errorHandler = errorHandler;
        this.where = where;
        nextCheckNs = clock.nanoTime();
    }

    /**
     * A guard of the filesystem that holds a directory.
     */
    public static DiskSpaceGuard of(
        final Path directory, final long minFreeBytes, final NanoClock clock, final EngineHealth health,
        final ErrorHandler errorHandler)
    {
        final FileStore store;
        try
        {
            store = Files.getFileStore(directory);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot find the filesystem of " + directory, ex);
        }

        return new DiskSpaceGuard(
            () -> usableSpace(store), minFreeBytes, clock, health, errorHandler, directory.toString());
    }

    public int doWork()
    {
        if (minFreeBytes <= 0)
        {
            return 0;
        }

        final long nowNs = clock.nanoTime();
        if (nowNs - nextCheckNs < 0)
        {
            return 0;
        }
        nextCheckNs = nowNs + CHECK_INTERVAL_NS;
        check();
        return 1;
    }

    public String roleName()
    {
        return "firstcall-disk-space";
    }

    /**
     * Check now, whatever the interval; the engine calls this once before it takes events.
     */
    public void check()
    {
        if (minFreeBytes <= 0)
        {
            return;
        }

        final long usable;
        try
        {
            usable = usableBytes.getAsLong();
            checkFailing = false;
        }
        catch (final RuntimeException ex)
        {
            if (!checkFailing)
            {
                checkFailing = true;
                errorHandler.onError(ex);
            }
            return;
        }

        if (usable < minFreeBytes)
        {
            health.report(EngineHealth.Problem.DISK_SPACE, usable / MIB + " MiB free in " + where + ", under the " +
                minFreeBytes / MIB + " MiB minimum (engine.minFreeDiskMb): new events are refused with " +
                "journal_unavailable until there is room");
        }
        else
        {
            health.clear(EngineHealth.Problem.DISK_SPACE, usable / MIB + " MiB free in " + where +
                " again: events are taken");
        }
    }

    private static long usableSpace(final FileStore store)
    {
        try
        {
            return store.getUsableSpace();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
