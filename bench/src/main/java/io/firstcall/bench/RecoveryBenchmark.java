package io.firstcall.bench;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.pipeline.IngestPublisher;
import io.firstcall.replay.JournalReplayer;
import io.firstcall.replay.ReplayReport;
import org.agrona.IoUtil;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * Recovery speed: journal N events through a real {@link Engine} (the event mix, ticks off so the
 * journal holds exactly the events sent), then time what a restart does with that data directory:
 * {@link Engine#launch} replaying the input journal through a fresh state machine (dedup window
 * rebuilt, every output checked against the output journal), and {@link JournalReplayer#replay},
 * the audit replay. By default the restart is timed in a fresh JVM, as a real restart would be,
 * with the journal in the page cache, so the replay rate includes the JIT warming up.
 * <p>
 * The recovery rate is events over {@link Engine#recoveryNs()}, the replay itself. The whole launch
 * (opening the journals and counters, building and starting the ring) is reported beside it: it is
 * a fixed cost, not a per-event one.
 * <pre>
 *   java $(flags) -cp bench/target/benchmarks.jar io.firstcall.bench.RecoveryBenchmark
 *       [--events 10000000] [--dir PARENT] [--same-jvm] [--keep]
 * </pre>
 * With {@code --snapshots [--baseline-events 100000] [--repeats 3]} it measures restarting from a snapshot instead
 * ({@link SnapshotRestart}): the time until a new event is acknowledged after a restart, for
 * {@code --events} journaled against {@code --baseline-events}.
 */
public final class RecoveryBenchmark
{
    /** Journal bytes per event of the mix (input and output journals), with room to spare. */
    private static final long BYTES_PER_EVENT_ESTIMATE = 300;
    private static final String RESULT_PREFIX = "recovery-result ";

    private RecoveryBenchmark()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        long events = 10_000_000;
        Path dir = null;
        boolean sameJvm = false;
        boolean keep = false;
        Path recoverOnly = null;
        Path snapshotRestartOnly = null;
        boolean snapshots = false;
        long baselineEvents = 100_000;
        int repeats = 3;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--events":
                    events = Long.parseLong(args[++i].replace("_", ""));
                    break;
                case "--dir":
                    dir = Paths.get(args[++i]);
                    break;
                case "--same-jvm":
                    sameJvm = true;
                    break;
                case "--keep":
                    keep = true;
                    break;
                case "--recover-only":
                    recoverOnly = Paths.get(args[++i]);
                    break;
                case "--snapshots":
                    snapshots = true;
                    break;
                case "--baseline-events":
                    baselineEvents = Long.parseLong(args[++i].replace("_", ""));
                    break;
                case "--repeats":
                    repeats = Integer.parseInt(args[++i]);
                    break;
                case "--snapshot-restart-only":
                    snapshotRestartOnly = Paths.get(args[++i]);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }

        if (null != recoverOnly)
        {
            System.out.println(RESULT_PREFIX + recover(recoverOnly).encode());
            return;
        }
        if (null != snapshotRestartOnly)
        {
            System.out.println(SnapshotRestart.RESULT_PREFIX + SnapshotRestart.restart(snapshotRestartOnly).encode());
            return;
        }
        if (snapshots)
        {
            SnapshotRestart.run(events, baselineEvents, repeats, dir, keep);
            return;
        }

        // Always a new directory of our own (inside --dir when given), since it is deleted afterwards.
        if (null != dir)
        {
            Files.createDirectories(dir);
        }
        final Path dataDir = null == dir ?
            Files.createTempDirectory("firstcall-recovery") : Files.createTempDirectory(dir, "recovery");
        checkDiskSpace(dataDir, events);
        try
        {
            System.out.printf("recovery: writing %,d events to %s%n", events, dataDir);
            final long writeStartNs = System.nanoTime();
            writeJournal(dataDir, events);
            final double writeSeconds = (System.nanoTime() - writeStartNs) / 1e9;
            System.out.printf("recovery: journaled %,d events in %.1f s (%.0f events/s), journals %,d MB%n",
                events, writeSeconds, events / writeSeconds, directoryBytes(dataDir) >> 20);
            final Result result = sameJvm ? recover(dataDir) : recoverInFreshJvm(dataDir);
            print(result, sameJvm ? "same JVM" : "fresh JVM");
        }
        finally
        {
            if (!keep)
            {
                IoUtil.delete(dataDir.toFile(), true);
            }
        }
    }

    public static void print(final Result result, final String where)
    {
        System.out.printf("recovery: Engine.launch (%s) recovered %,d events in %.3f s = %.0f events/s  bar >= 1,000,000: %s%n",
            where, result.recoveredEvents, result.recoveryNs / 1e9, result.recoveryEventsPerSecond(),
            result.recoveryEventsPerSecond() >= 1_000_000 ? "MET" : "NOT MET");
        System.out.printf("recovery: Engine.launch (%s) start to ready %.3f s, of which replay %.3f s%n",
            where, result.launchNs / 1e9, result.recoveryNs / 1e9);
        System.out.printf("recovery: JournalReplayer.replay (%s) replayed %,d events in %.3f s = %.0f events/s, " +
            "outputs compared %,d, identical=%s%n",
            where, result.replayedEvents, result.replayNs / 1e9, result.replayEventsPerSecond(), result.outputsCompared,
            result.identical);
    }

    /**
     * Journal {@code events} events of the mix, each with a unique id, through an engine with ticks
     * off, and close it. The journal then holds the tenant's configuration change and those events.
     */
    public static void writeJournal(final Path dataDir, final long events)
    {
        writeJournal(context(dataDir), events);
    }

    /**
     * Journal {@code events} events of the mix through an engine launched with {@code ctx}, and close it.
     */
    static void writeJournal(final EngineContext ctx, final long events)
    {
        final EventMix mix = new EventMix(65_536, 20_000, 11);
        final AckCounter acks = new AckCounter();
        try (Engine engine = Engine.launch(ctx.ackListener(acks)))
        {
            final IngestPublisher publisher = engine.publisher();
            final long offset = acks.settled();
            final long nowNs = System.nanoTime();
            for (long i = 0; i < events; i++)
            {
                final int index = (int)(i % mix.size());
                mix.stamp(index, i);
                while (!publisher.offer(mix.buffer(index), 0, mix.length(index), i, nowNs))
                {
                    Thread.onSpinWait();
                }
            }
            acks.awaitAtLeast(offset + events);
            if (acks.rejected() > 0)
            {
                throw new IllegalStateException(acks.rejected() + " events were not journaled");
            }
        }
    }

    /**
     * Restart an engine on {@code dataDir} and time its recovery, then time an audit replay of the
     * same journals.
     */
    public static Result recover(final Path dataDir)
    {
        final long launchStartNs = System.nanoTime();
        final long recovered;
        final long recoveryNs;
        final long launchNs;
        try (Engine engine = Engine.launch(context(dataDir)))
        {
            launchNs = System.nanoTime() - launchStartNs;
            recoveryNs = engine.recoveryNs();
            recovered = engine.recoveredEvents();
        }

        try (Journal input = ChronicleJournal.open(dataDir.resolve("input"));
            Journal output = ChronicleJournal.open(dataDir.resolve("output")))
        {
            final ReplayReport report = JournalReplayer.replay(input, output, LeadStateMachine::new);
            return new Result(recovered, recoveryNs, launchNs, report.eventsReplayed(), report.elapsedNs(),
                report.outputsCompared(), report.identical());
        }
    }

    /**
     * The event mix's engine with ticks off; snapshots off, since this benchmark times a replay of the
     * whole journal ({@link SnapshotRestart} times a restart from one).
     */
    private static EngineContext context(final Path dataDir)
    {
        return mixContext(dataDir).snapshots(false);
    }

    static EngineContext mixContext(final Path dataDir)
    {
        return new EngineContext()
            .dataDir(dataDir)
            .ticksEnabled(false)
            .tenant(EventMix.TENANT, EventMix.RULES);
    }

    private static Result recoverInFreshJvm(final Path dataDir) throws IOException, InterruptedException
    {
        return Result.decode(FreshJvm.run(RESULT_PREFIX, "--recover-only", dataDir.toString()));
    }

    static void checkDiskSpace(final Path dir, final long events)
    {
        final long needed = events * BYTES_PER_EVENT_ESTIMATE;
        final long usable = dir.toFile().getUsableSpace();
        if (usable < needed * 2)
        {
            throw new IllegalStateException(String.format(
                "%,d events need about %,d MB under %s, only %,d MB free", events, needed >> 20, dir, usable >> 20));
        }
    }

    static long directoryBytes(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.walk(dir))
        {
            return files.map(Path::toFile).filter(File::isFile).mapToLong(File::length).sum();
        }
    }

    /**
     * What one restart measured.
     */
    public static final class Result
    {
        private final long recoveredEvents;
        private final long recoveryNs;
        private final long launchNs;
        private final long replayedEvents;
        private final long replayNs;
        private final long outputsCompared;
        private final boolean identical;

        Result(
            final long recoveredEvents,
            final long recoveryNs,
            final long launchNs,
            final long replayedEvents,
            final long replayNs,
            final long outputsCompared,
            final boolean identical)
        {
            this.recoveredEvents = recoveredEvents;
            this.recoveryNs = recoveryNs;
            this.launchNs = launchNs;
            this.replayedEvents = replayedEvents;
            this.replayNs = replayNs;
            this.outputsCompared = outputsCompared;
            this.identical = identical;
        }

        public long recoveredEvents()
        {
            return recoveredEvents;
        }

        public long replayedEvents()
        {
            return replayedEvents;
        }

        public boolean identical()
        {
            return identical;
        }

        /**
         * @return events replayed per second of {@link Engine#recoveryNs()}.
         */
        public double recoveryEventsPerSecond()
        {
            return recoveredEvents * 1e9 / Math.max(1, recoveryNs);
        }

        public double replayEventsPerSecond()
        {
            return replayedEvents * 1e9 / Math.max(1, replayNs);
        }

        String encode()
        {
            return recoveredEvents + " " + recoveryNs + " " + launchNs + " " + replayedEvents + " " + replayNs + " " + outputsCompared + " " +
                identical;
        }

        static Result decode(final String text)
        {
            final String[] parts = text.trim().split(" ");
            return new Result(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                Long.parseLong(parts[3]), Long.parseLong(parts[4]), Long.parseLong(parts[5]), Boolean.parseBoolean(parts[6]));
        }
    }
}
