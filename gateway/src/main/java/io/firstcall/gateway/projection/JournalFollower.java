package io.firstcall.gateway.projection;

import io.firstcall.audit.DataDirectory;
import io.firstcall.audit.JournalListener;
import io.firstcall.audit.JournalRefusedException;
import io.firstcall.audit.JournalWalk;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;

import java.nio.file.Path;
import java.util.List;

/**
 * Tails the server's own input and output journals, read-only, in journal order (each input, then the
 * outputs it caused), and hands every entry to each of its projections in one pass: one follower,
 * several read models, and nothing asked of the engine thread. Every {@code publishIntervalNs} (and
 * only then) it runs the publishers, which turn what their projection changed into immutable copies
 * for other threads. At start it reads the journals from their first entry, so the projections are
 * rebuilt after a restart exactly as they were.
 * <p>
 * The data directory is opened on the first {@link #doWork()}, and again a second later if that
 * failed: a directory without Chronicle journals (an engine given other journals) is tried again
 * quietly, any other failure is reported once; the server carries on either way.
 * Runs on its own agent thread.
 */
public final class JournalFollower implements Agent, JournalListener
{
    private static final int ENTRIES_PER_POLL = 4096;
    private static final long REOPEN_INTERVAL_NS = 1_000_000_000L;

    private final Path dataDir;
    private final JournalListener[] projections;
    private final Runnable[] publishers;
    private final long publishIntervalNs;
    private final NanoClock clock;
    private final ErrorHandler errorHandler;
    private DataDirectory directory;
    private JournalWalk walk;
    private long nextOpenNs;
    private long nextPublishNs;
    private boolean reported;
    private long entries;

    /**
     * @param projections told every entry, in this order.
     * @param publishers  run every {@code publishIntervalNs} on this agent's thread.
     */
    public JournalFollower(
        final Path dataDir,
        final List<JournalListener> projections,
        final List<Runnable> publishers,
        final long publishIntervalNs,
        final NanoClock clock,
        final ErrorHandler errorHandler)
    {
        this.dataDir = dataDir;
        this.projections = projections.toArray(new JournalListener[0]);
        this.publishers = publishers.toArray(new Runnable[0]);
        this.publishIntervalNs = publishIntervalNs;
        this.clock = clock;
        this.errorHandler = errorHandler;
    }

    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        int work = 0;
        if (null == walk && nowNs - nextOpenNs >= 0)
        {
            open(nowNs);
        }
        if (null != walk)
        {
            work += walk.poll(this, ENTRIES_PER_POLL);
        }
        if (nowNs - nextPublishNs >= 0)
        {
            nextPublishNs = nowNs + publishIntervalNs;
            for (final Runnable publisher : publishers)
            {
                publisher.run();
            }
        }
        return work;
    }

    /**
     * @return the journal entries handed to the projections so far.
     */
    public long entries()
    {
        return entries;
    }

    public void onInput(final long sequence, final long timestampNs, final DirectBuffer message, final int offset, final int length)
    {
        entries++;
        for (final JournalListener projection : projections)
        {
            projection.onInput(sequence, timestampNs, message, offset, length);
        }
    }

    public void onOutput(
        final long causeSequence, final long causeTimestampNs, final DirectBuffer message, final int offset, final int length)
    {
        entries++;
        for (final JournalListener projection : projections)
        {
            projection.onOutput(causeSequence, causeTimestampNs, message, offset, length);
        }
    }

    public void onClose()
    {
        CloseHelper.quietCloseAll(walk, directory);
        walk = null;
        directory = null;
    }

    public String roleName()
    {
        return "firstcall-journal-follower";
    }

    private void open(final long nowNs)
    {
        try
        {
            directory = DataDirectory.open(dataDir);
            walk = directory.walk();
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(directory);
            directory = null;
            nextOpenNs = nowNs + REOPEN_INTERVAL_NS;
            // No Chronicle journal there (an engine whose journals are not Chronicle's): nothing to follow.
            final boolean absent = ex instanceof JournalRefusedException &&
                JournalRefusedException.Reason.UNSUPPORTED_VERSION != ((JournalRefusedException)ex).reason();
            if (!reported && !absent)
            {
                reported = true;
                errorHandler.onError(ex);
            }
        }
    }
}
