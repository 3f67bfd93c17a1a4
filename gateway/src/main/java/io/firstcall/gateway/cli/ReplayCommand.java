package io.firstcall.gateway.cli;

import io.firstcall.engine.LeadStateMachine;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.replay.JournalReplayer;
import io.firstcall.replay.ReplayReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code firstcall replay}: the audit. Runs the input journal through a fresh state machine with
 * delivery off and compares every output with the recorded one, byte for byte.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
        "Replay DIR/input through a fresh engine and compare every output with DIR/output.",
        "Exit code 0 when identical, 2 when the outputs diverge." })
final class ReplayCommand implements Callable<Integer>
{
    @Option(names = "--data", paramLabel = "DIR", required = true, description = "Data directory holding input/ and output/.")
    private Path dataDir;

    @Spec
    private CommandSpec spec;

    public Integer call()
    {
        final Path input = dataDir.resolve("input");
        final Path output = dataDir.resolve("output");
        // Opening a journal creates it: check first, so a typo does not leave empty journals behind.
        if (!Files.isDirectory(input) || !Files.isDirectory(output))
        {
            spec.commandLine().getErr().println("replay: no journals in " + dataDir + " (expected input/ and output/)");
            return ExitCodes.ERROR;
        }

        final ReplayReport report;
        try (Journal inputs = ChronicleJournal.open(input); Journal outputs = ChronicleJournal.open(output))
        {
            report = JournalReplayer.replay(inputs, outputs, LeadStateMachine::new);
        }
        spec.commandLine().getOut().println(report + " in " + report.elapsedNs() / 1_000_000 + " ms");
        return report.identical() ? ExitCodes.OK : ExitCodes.DIVERGED;
    }
}
