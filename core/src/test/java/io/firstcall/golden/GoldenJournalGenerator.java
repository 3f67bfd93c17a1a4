package io.firstcall.golden;

import io.firstcall.Engine;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.JournalExport;
import io.firstcall.journal.JournalFormat;
import io.firstcall.recovery.SnapshotVerification;
import io.firstcall.snapshot.SnapshotFile;
import io.firstcall.snapshot.StateDigest;
import io.firstcall.status.EngineCounter;
import io.firstcall.support.LeadRun;
import io.firstcall.support.RecordingAcks;
import io.firstcall.support.RoutingWorkload;
import org.agrona.IoUtil;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * Writes the golden journal of this build's journal format: {@value #EVENTS} events of the
 * {@link RoutingWorkload} through the real engine, its input and output journals as exports
 * ({@link JournalExport}), the replica's snapshot at sequence {@value #SNAPSHOT_SEQUENCE} (before the
 * workload's rules change, so the tail crosses it) and {@code golden.properties}: the counts and the
 * state digest a replay must reach. Regenerate it only when the format changes on purpose
 * (docs/operations.md, "Journal compatibility"):
 * <pre>
 *   mvn -B -q -pl core -am test-compile exec:java -Dexec.classpathScope=test \
 *       -Dexec.mainClass=io.firstcall.golden.GoldenJournalGenerator
 * </pre>
 * The output is the same bytes on every run: engine time comes from the workload, the journals'
 * cycle files are named from a fixed wall clock ({@link #WALL_CLOCK_MS}), and nothing in a snapshot
 * depends on when it was written.
 */
public final class GoldenJournalGenerator
{
    public static final int EVENTS = 1_800;
    public static final int SNAPSHOT_EVERY = 600;
    public static final long SNAPSHOT_SEQUENCE = 2 * SNAPSHOT_EVERY - 1;
    public static final long WALL_CLOCK_MS = TimeUnit.NANOSECONDS.toMillis(RoutingWorkload.T0);
    public static final String INPUT = "input.fcj";
    public static final String OUTPUT = "output.fcj";
    public static final String PROPERTIES = "golden.properties";

    private GoldenJournalGenerator()
    {
    }

    /**
     * @param args the directory to write, by default core/src/test/resources/golden/v(format) under the working directory.
     */
    public static void main(final String[] args) throws IOException
    {
        final Path target = args.length > 0 ? Paths.get(args[0]) :
            Paths.get("core/src/test/resources/golden/v" + JournalFormat.VERSION);
        final Path work = Files.createTempDirectory("firstcall-golden");
        try
        {
            generate(work, target);
            System.out.println("golden journal written to " + target.toAbsolutePath());
        }
        finally
        {
            IoUtil.delete(work.toFile(), true);
        }
    }

    static void generate(final Path work, final Path target) throws IOException
    {
        final LeadRun run = new LeadRun(work);
        try (Engine engine = Engine.launch(run.context()
            .journalFactory(path -> ChronicleJournal.open(path, () -> WALL_CLOCK_MS))
            .snapshotReplica(true)
            .snapshotIntervalEvents(SNAPSHOT_EVERY)
            .snapshotIntervalMs(TimeUnit.DAYS.toMillis(365))))
        {
            run.publish(engine, 0, EVENTS);
            RecordingAcks.await(() -> engine.counters().value(EngineCounter.SNAPSHOT_REPLICA_EVENTS) == EVENTS, "replica");
        }
        SnapshotFile snapshot = null;
        for (final Path path : run.store().list())
        {
            final SnapshotFile file = SnapshotFile.open(path);
            if (file.header().sequence() == SNAPSHOT_SEQUENCE)
            {
                snapshot = file;
            }
            else
            {
                Files.delete(path);
            }
        }
        if (null == snapshot)
        {
            throw new IllegalStateException("the replica wrote no snapshot at " + SNAPSHOT_SEQUENCE);
        }
        final SnapshotVerification verification = run.verify();
        if (!verification.outputsIdentical() || !verification.statesIdentical())
        {
            throw new IllegalStateException("the golden run does not verify: " + verification);
        }

        IoUtil.delete(target.toFile(), true);
        Files.createDirectories(target);
        final int inputs = JournalExport.export(work.resolve("input"), target.resolve(INPUT));
        final int outputs = JournalExport.export(work.resolve("output"), target.resolve(OUTPUT));
        Files.copy(snapshot.path(), target.resolve(snapshot.path().getFileName()));
        try (Writer out = Files.newBufferedWriter(target.resolve(PROPERTIES), StandardCharsets.UTF_8))
        {
            out.write("# Written by io.firstcall.golden.GoldenJournalGenerator; what a replay of this directory must reach.\n");
            out.write("journalFormat=" + JournalFormat.VERSION + "\n");
            out.write("snapshotSchemaVersion=" + LeadStateMachine.SNAPSHOT_SCHEMA_VERSION + "\n");
            out.write("inputs=" + inputs + "\n");
            out.write("outputs=" + outputs + "\n");
            out.write("snapshot=" + snapshot.path().getFileName() + "\n");
            out.write("snapshotDigest=" + StateDigest.hex(snapshot.header().digest()) + "\n");
            out.write("tailEvents=" + verification.tailEvents() + "\n");
            out.write("finalDigest=" + StateDigest.hex(verification.finalDigest()) + "\n");
        }
    }
}
