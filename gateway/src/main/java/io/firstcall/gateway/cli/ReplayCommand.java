package io.firstcall.gateway.cli;

import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalFormat;
import io.firstcall.journal.UnsupportedJournalException;
import io.firstcall.recovery.SnapshotVerification;
import io.firstcall.recovery.SnapshotVerifier;
import io.firstcall.replay.JournalReplayer;
import io.firstcall.replay.ReplayReport;
import io.firstcall.snapshot.SnapshotStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code firstcall replay}: the audit. Runs the input journal through a fresh state machine with
 * delivery off and compares every output with the recorded one, byte for byte; with
 * {@code --verify-snapshot}, also checks that the newest snapshot plus the journal after it reaches
 * the same outputs and the same state as the full replay.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
        "Replay DIR/input through a fresh engine and compare every output with DIR/output.",
        "Exit code 0 when identical, 2 when the outputs diverge, 3 when --verify-snapshot finds another state,",
        "6 when the journals are of a format this build does not read." })
final class ReplayCommand implements Callable<Integer>
{
    @Option(names = "--data", paramLabel = "DIR", required = true, description = "Data directory holding input/ and output/.")
    private Path dataDir;

    @Option(names = "--verify-snapshot", description = {
        "Also load the newest usable snapshot of DIR/snapshots, replay only the journal after it, and check that",
        "it produces the recorded outputs and ends in the same state (SHA-256 digest) as the full replay, and that",
        "the full replay had the snapshot's state at its sequence. Exit code 1 when there is no usable snapshot." })
    private boolean verifySnapshot;

    @Spec
    private CommandSpec spec;

    private final Function<OutputBatch, StateMachine> stateMachineFactory;

    ReplayCommand()
    {
        this(LeadStateMachine::new);
    }

    /**
     * @param stateMachineFactory the machine to replay with; tests give one that writes snapshots.
     */
    ReplayCommand(final Function<OutputBatch, StateMachine> stateMachineFactory)
    {
        this.stateMachineFactory = stateMachineFactory;
    }

    public Integer call()
    {
        final Path input = dataDir.resolve("input");
        final Path output = dataDir.resolve("output");
        final PrintWriter err = spec.commandLine().getErr();
        // Opening a journal creates it: check first, so a typo does not leave empty journals behind.
        if (!Files.isDirectory(input) || !Files.isDirectory(output))
        {
            err.println("replay: no journals in " + dataDir + " (expected input/ and output/)");
            return ExitCodes.ERROR;
        }
        try
        {
            JournalFormat.check(dataDir);
        }
        catch (final UnsupportedJournalException ex)
        {
            err.println("replay: " + ex.getMessage());
            return ExitCodes.UNSUPPORTED_JOURNAL;
        }

        try (Journal inputs = ChronicleJournal.open(input); Journal outputs = ChronicleJournal.open(output))
        {
            return verifySnapshot ? verifySnapshot(inputs, outputs, err) : replay(inputs, outputs);
        }
    }

    private int replay(final Journal inputs, final Journal outputs)
    {
        final ReplayReport report = JournalReplayer.replay(inputs, outputs, stateMachineFactory);
        spec.commandLine().getOut().println(report + " in " + report.elapsedNs() / 1_000_000 + " ms");
        return report.identical() ? ExitCodes.OK : ExitCodes.DIVERGED;
    }

    private int verifySnapshot(final Journal inputs, final Journal outputs, final PrintWriter err)
    {
        final long startNs = System.nanoTime();
        final SnapshotStore store = new SnapshotStore(
            dataDir.resolve(SnapshotStore.DIRECTORY_NAME), Integer.MAX_VALUE, System.getLogger("firstcall"));
        final SnapshotVerification verification = SnapshotVerifier.verify(
            inputs, outputs, stateMachineFactory, store, ex -> err.println("replay: the state machine threw " + ex));
        if (null != verification.problem())
        {
            err.println("replay: " + verification.problem());
            return ExitCodes.ERROR;
        }
        spec.commandLine().getOut().println(verification + "\n  in " + (System.nanoTime() - startNs) / 1_000_000 + " ms");
        if (!verification.outputsIdentical())
        {
            return ExitCodes.DIVERGED;
        }
        return verification.statesIdentical() ? ExitCodes.OK : ExitCodes.STATE_DIVERGED;
    }
}
