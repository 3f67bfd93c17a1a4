package io.firstcall.bench;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.pipeline.IngestPublisher;
import io.firstcall.snapshot.SnapshotFile;
import io.firstcall.snapshot.SnapshotStore;
import io.firstcall.status.EngineCounter;
import org.agrona.IoUtil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Restart from a snapshot ({@code RecoveryBenchmark --snapshots}): journals a long and a short run of
 * the event mix through an engine whose state machine writes snapshots (the snapshot replica on, at
 * its default interval), then restarts each in a fresh JVM and times how long until a new event is
 * acknowledged: launch (snapshot loaded, tail replayed, ring started) plus one event. Twice each:
 * <ul>
 *   <li>graceful: the newest snapshot is the one written at shutdown, so there is no tail;</li>
 *   <li>crash: snapshots newer than one replica interval before the end are removed first, so the
 *   restart loads the replica's and replays a tail of about one interval, as after a kill -9 just
 *   before the replica's next snapshot.</li>
 * </ul>
 * The machine is the real {@code LeadStateMachine} with the event mix's tenant rules; ticks are off,
 * so the journal holds exactly the events sent.
 */
final class SnapshotRestart
{
    static final String RESULT_PREFIX = "snapshot-restart-result ";

    private SnapshotRestart()
    {
    }

    /**
     * @param repeats restarts of each kind and size; the summary compares their medians.
     */
    static void run(final long events, final long baselineEvents, final int repeats, final Path parent, final boolean keep)
        throws Exception
    {
        final Path longRun = newDirectory(parent, "snapshot-long");
        final Path shortRun = newDirectory(parent, "snapshot-short");
        try
        {
            for (final Path dataDir : new Path[]{ shortRun, longRun })
            {
                final long count = dataDir == longRun ? events : baselineEvents;
                RecoveryBenchmark.checkDiskSpace(dataDir, count);
                final long startNs = System.nanoTime();
                RecoveryBenchmark.writeJournal(context(dataDir), count);
                System.out.printf("snapshot-restart: journaled %,d events in %.1f s, journals and snapshots %,d MB%n",
                    count, (System.nanoTime() - startNs) / 1e9, RecoveryBenchmark.directoryBytes(dataDir) >> 20);
            }

            // Crashes first: each graceful restart ends in a shutdown snapshot, which would push the replica's out.
            final long[] shortCrash = new long[repeats];
            final long[] longCrash = new long[repeats];
            for (int r = 0; r < repeats; r++)
            {
                dropSnapshotsWithinOneInterval(shortRun);
                shortCrash[r] = print("crash", baselineEvents, restartInFreshJvm(shortRun));
                dropSnapshotsWithinOneInterval(longRun);
                longCrash[r] = print("crash", events, restartInFreshJvm(longRun));
            }
            final long[] shortGraceful = new long[repeats];
            final long[] longGraceful = new long[repeats];
            for (int r = 0; r < repeats; r++)
            {
                shortGraceful[r] = print("graceful", baselineEvents, restartInFreshJvm(shortRun));
                longGraceful[r] = print("graceful", events, restartInFreshJvm(longRun));
            }

            summarise("graceful", events, baselineEvents, median(longGraceful), median(shortGraceful));
            summarise("crash", events, baselineEvents, median(longCrash), median(shortCrash));
        }
        finally
        {
            if (!keep)
            {
                IoUtil.delete(longRun.toFile(), true);
                IoUtil.delete(shortRun.toFile(), true);
            }
        }
    }

    /**
     * In this JVM: launch the engine on {@code dataDir}, offer one new event and wait for its acknowledgement.
     */
    static Restart restart(final Path dataDir)
    {
        final AckCounter acks = new AckCounter();
        final EventMix mix = new EventMix(1, 1, 99);
        final long startNs = System.nanoTime();
        try (Engine engine = Engine.launch(context(dataDir).ackListener(acks)))
        {
            final long launchNs = System.nanoTime() - startNs;
            final IngestPublisher publisher = engine.publisher();
            mix.stamp(0, System.nanoTime());
            while (!publisher.offer(mix.buffer(0), 0, mix.length(0), 0, System.currentTimeMillis() * 1_000_000))
            {
                Thread.onSpinWait();
            }
            acks.awaitAtLeast(1);
            final long firstAckNs = System.nanoTime() - startNs;
            return new Restart(launchNs, firstAckNs, engine.recoveredEvents(),
                engine.counters().value(EngineCounter.SNAPSHOT_LOADED_EVENTS) - 1);
        }
    }

    static EngineContext context(final Path dataDir)
    {
        return RecoveryBenchmark.mixContext(dataDir);
    }

    /**
     * @return the time until the first new event was acknowledged.
     */
    private static long print(final String kind, final long events, final Restart restart)
    {
        System.out.printf("snapshot-restart: %s, %,d events journaled: snapshot seq %,d loaded, %,d events replayed, " +
            "launch %.3f s, first new event acked %.3f s after start%n", kind, events, restart.loadedSequence,
            restart.recoveredEvents, restart.launchNs / 1e9, restart.firstAckNs / 1e9);
        return restart.firstAckNs;
    }

    private static void summarise(final String kind, final long events, final long baselineEvents, final long longNs, final long shortNs)
    {
        final double ratio = (double)longNs / shortNs;
        System.out.printf("snapshot-restart: %s restart, median time to the first new event acked: %,d events %.3f s, " +
            "%,d events %.3f s, ratio %.2f  bars: <= 2 s %s, ratio <= 1.10 %s%n", kind, events, longNs / 1e9,
            baselineEvents, shortNs / 1e9, ratio, longNs <= 2_000_000_000L ? "MET" : "NOT MET", ratio <= 1.10 ? "MET" : "NOT MET");
    }

    private static long median(final long[] values)
    {
        final long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * Remove the snapshots a crash would not have left: those less than one replica interval before the
     * end ({@code engine.snapshotEvents}, e.g. {@code -Dfirstcall.snapshot.interval.events=100000}).
     */
    private static void dropSnapshotsWithinOneInterval(final Path dataDir) throws IOException
    {
        final SnapshotStore store = new SnapshotStore(
            dataDir.resolve(SnapshotStore.DIRECTORY_NAME), Integer.MAX_VALUE, System.getLogger("firstcall"));
        final List<Path> snapshots = store.list();
        final long newest = SnapshotFile.open(snapshots.get(0)).header().sequence();
        for (final Path snapshot : snapshots)
        {
            if (SnapshotFile.open(snapshot).header().sequence() > newest - new EngineContext().snapshotIntervalEvents())
            {
                Files.delete(snapshot);
            }
        }
    }

    private static Path newDirectory(final Path parent, final String prefix) throws IOException
    {
        if (null == parent)
        {
            return Files.createTempDirectory(prefix);
        }
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, prefix);
    }

    private static Restart restartInFreshJvm(final Path dataDir) throws IOException, InterruptedException
    {
        return Restart.decode(FreshJvm.run(RESULT_PREFIX, "--snapshot-restart-only", dataDir.toString()));
    }

    /**
     * What one restart measured.
     */
    static final class Restart
    {
        final long launchNs;
        final long firstAckNs;
        final long recoveredEvents;
        final long loadedSequence;

        Restart(final long launchNs, final long firstAckNs, final long recoveredEvents, final long loadedSequence)
        {
            this.launchNs = launchNs;
            this.firstAckNs = firstAckNs;
            this.recoveredEvents = recoveredEvents;
            this.loadedSequence = loadedSequence;
        }

        String encode()
        {
            return launchNs + " " + firstAckNs + " " + recoveredEvents + " " + loadedSequence;
        }

        static Restart decode(final String text)
        {
            final String[] parts = text.trim().split(" ");
            return new Restart(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]));
        }
    }
}
