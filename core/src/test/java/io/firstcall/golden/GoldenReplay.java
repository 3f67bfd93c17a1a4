package io.firstcall.golden;

import io.firstcall.engine.LeadStateMachine;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalExport;
import io.firstcall.journal.JournalFormat;
import io.firstcall.recovery.SnapshotVerification;
import io.firstcall.recovery.SnapshotVerifier;
import io.firstcall.snapshot.SnapshotStore;
import io.firstcall.snapshot.StateDigest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Properties;

/**
 * Replays a golden directory in this JVM, as {@link GoldenJournalTest} runs it in a fresh one:
 * imports its journal exports into new journals, checks their format, then replays the whole input
 * journal and, separately, its snapshot plus the journal after it, against the recorded outputs
 * ({@code firstcall replay --verify-snapshot}), and prints one line with what it found. Exits 0 when
 * everything matches {@code golden.properties}, 1 otherwise.
 * <pre>
 *   GoldenReplay GOLDEN_DIR WORK_DIR
 * </pre>
 */
public final class GoldenReplay
{
    public static final String RESULT_PREFIX = "golden-result ";

    private GoldenReplay()
    {
    }

    public static void main(final String[] args) throws IOException
    {
        final Path golden = Paths.get(args[0]);
        final Path work = Paths.get(args[1]);
        final Properties expected = new Properties();
        try (Reader in = Files.newBufferedReader(golden.resolve(GoldenJournalGenerator.PROPERTIES), StandardCharsets.UTF_8))
        {
            expected.load(in);
        }

        final int inputs = JournalExport.importInto(golden.resolve(GoldenJournalGenerator.INPUT), work.resolve("input"));
        final int outputs = JournalExport.importInto(golden.resolve(GoldenJournalGenerator.OUTPUT), work.resolve("output"));
        JournalFormat.check(work);
        final Path snapshots = Files.createDirectories(work.resolve(SnapshotStore.DIRECTORY_NAME));
        Files.copy(golden.resolve(expected.getProperty("snapshot")), snapshots.resolve(expected.getProperty("snapshot")));

        final SnapshotVerification verification;
        try (Journal input = ChronicleJournal.open(work.resolve("input")); Journal output = ChronicleJournal.open(work.resolve("output")))
        {
            verification = SnapshotVerifier.verify(input, output, LeadStateMachine::new,
                new SnapshotStore(snapshots, Integer.MAX_VALUE, System.getLogger("firstcall")), Throwable::printStackTrace);
        }
        if (null != verification.problem())
        {
            System.out.println(RESULT_PREFIX + "problem=" + verification.problem());
            System.exit(1);
        }
        final String result = "inputs=" + inputs + " outputs=" + outputs + " fullEvents=" + verification.fullEvents() +
            " tailEvents=" + verification.tailEvents() + " outputsIdentical=" + verification.outputsIdentical() +
            " statesIdentical=" + verification.statesIdentical() + " finalDigest=" + StateDigest.hex(verification.finalDigest());
        System.out.println(RESULT_PREFIX + result);
        final boolean matches = verification.outputsIdentical() && verification.statesIdentical() &&
            inputs == Integer.parseInt(expected.getProperty("inputs")) &&
            outputs == Integer.parseInt(expected.getProperty("outputs")) &&
            verification.fullEvents() == inputs &&
            verification.tailEvents() == Long.parseLong(expected.getProperty("tailEvents")) &&
            StateDigest.hex(verification.finalDigest()).equals(expected.getProperty("finalDigest"));
        System.exit(matches ? 0 : 1);
    }
}
