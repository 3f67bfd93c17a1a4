package io.firstcall.gateway.cli;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalFormat;
import io.firstcall.journal.RecordHeader;
import io.firstcall.status.EngineCounter;
import io.firstcall.support.LeadRun;
import io.firstcall.support.RecordingAcks;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line parsed and executed by picocli, without a network: check-config, replay and
 * stat on real files. run and demo need the Netty gateway and are covered by the system tests.
 */
class FirstcallCliTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldAcceptTheEmbeddedDefaultAsAFile() throws IOException
    {
        final Path file = dir.resolve("firstcall.yaml");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("firstcall-default.yaml"))
        {
            Files.copy(in, file);
        }

        assertEquals(ExitCodes.OK, execute("check-config", file.toString()));
        assertTrue(out.toString().startsWith("OK " + file + ": tenants demo; 127.0.0.1 json 7070"), out.toString());
    }

    @Test
    void shouldPrintTheKeyAtFaultAndExitOne() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("bad.yaml"),
            "gateway:\n  jsonPrt: 7070\ntenants:\n  - {id: acme, token: t, repToken: r}\n");

        assertEquals(ExitCodes.ERROR, execute("check-config", file.toString()));
        assertTrue(err.toString().startsWith(file + ": gateway.jsonPrt: unknown key"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void shouldReportAMissingConfigFile()
    {
        assertEquals(ExitCodes.ERROR, execute("check-config", dir.resolve("none.yaml").toString()));
        assertTrue(err.toString().contains("none.yaml: no such file"), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "nosuch", "check-config", "replay", "stat", "run --bogus", "demo --rate x", "demo --rate 0" })
    void shouldPrintUsageAndExitWithUsageCodeOnBadArguments(final String arguments)
    {
        final String[] args = arguments.isEmpty() ? new String[0] : arguments.split(" ");

        assertEquals(ExitCodes.USAGE, execute(args), arguments);
        assertTrue(err.toString().contains("Usage: firstcall"), err.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "run", "demo", "replay", "stat", "check-config" })
    void shouldDescribeEveryCommand(final String command)
    {
        assertEquals(ExitCodes.OK, execute(command, "--help"));
        assertTrue(out.toString().startsWith("Usage: firstcall " + command), out.toString());
    }

    @Test
    void shouldListTheExitCodesInTheHelp()
    {
        assertEquals(ExitCodes.OK, execute("--help"));
        assertTrue(out.toString().contains("Exit codes:"), out.toString());
        assertTrue(out.toString().contains("64"), out.toString());
    }

    @Test
    void shouldReplayARecordedJournalIdentically()
    {
        final int events = RecordedJournal.record(dir);

        assertEquals(ExitCodes.OK, execute("replay", "--data", dir.toString()));
        assertTrue(out.toString().startsWith("IDENTICAL: events=" + (events + 1)), out.toString());
    }

    @Test
    void shouldExitTwoWhenTheRecordedOutputsDiverge()
    {
        RecordedJournal.record(dir);
        try (Journal outputs = ChronicleJournal.open(dir.resolve("output")))
        {
            // An output the engine never produced: the replay must notice it.
            final UnsafeBuffer forged = new UnsafeBuffer(new byte[RecordHeader.LENGTH + 16]);
            RecordHeader.write(forged, 0, 1, 1);
            outputs.append(forged, 0, forged.capacity());
        }

        assertEquals(ExitCodes.DIVERGED, execute("replay", "--data", dir.toString()));
        assertTrue(out.toString().startsWith("DIVERGED:"), out.toString());
    }

    @Test
    void shouldVerifyTheNewestSnapshotAgainstAFullReplay()
    {
        final int events = RecordedJournal.record(dir, new EngineContext().stateMachineFactory(outputs -> new CountingMachine(false)));

        assertEquals(ExitCodes.OK, execute(new ReplayCommand(outputs -> new CountingMachine(false)),
            "--data", dir.toString(), "--verify-snapshot"));
        assertTrue(out.toString().startsWith("SNAPSHOT IDENTICAL: snapshot-"), out.toString());
        assertTrue(out.toString().contains("full replay:       events=" + (events + 1)), out.toString());
    }

    @Test
    void shouldExitThreeWhenTheSnapshotAndTailEndInAnotherState()
    {
        RecordedJournal.record(dir, new EngineContext().stateMachineFactory(outputs -> new CountingMachine(false)));

        assertEquals(ExitCodes.STATE_DIVERGED, execute(new ReplayCommand(outputs -> new CountingMachine(true)),
            "--data", dir.toString(), "--verify-snapshot"));
        assertTrue(out.toString().startsWith("SNAPSHOT DIVERGED: "), out.toString());
        assertTrue(out.toString().contains("(STATE DIFFERS)"), out.toString());
    }

    /**
     * The real engine on the routing workload: the replica's snapshot (the newest, the shutdown one
     * having been removed as a crash would) plus the journal after it against a full replay.
     */
    @Test
    void shouldVerifyTheRealMachinesSnapshotOnARoutingWorkload() throws IOException
    {
        final LeadRun run = new LeadRun(dir);
        try (Engine engine = Engine.launch(run.context().snapshotReplica(true).snapshotIntervalEvents(500)
            .snapshotIntervalMs(TimeUnit.DAYS.toMillis(365))))
        {
            run.publish(engine, 0, 2_000);
            RecordingAcks.await(() -> engine.counters().value(EngineCounter.SNAPSHOT_REPLICA_EVENTS) == 2_000, "replica");
        }
        Files.delete(run.store().list().get(0));

        assertEquals(ExitCodes.OK, execute("replay", "--data", dir.toString(), "--verify-snapshot"), err.toString());
        assertTrue(out.toString().startsWith("SNAPSHOT IDENTICAL: snapshot-00000000000000001499.fcs"), out.toString());
        assertTrue(out.toString().contains("full replay:       events=2000"), out.toString());
    }

    @Test
    void shouldSayThereIsNothingToVerifyWhenTheStateMachineWritesNoSnapshots()
    {
        RecordedJournal.record(dir, new EngineContext().snapshots(false));

        assertEquals(ExitCodes.ERROR, execute(new ReplayCommand(outputs -> (message, sequence, timestampNs) ->
        {
        }), "--data", dir.toString(), "--verify-snapshot"));
        assertTrue(err.toString().contains("the state machine does not write snapshots"), err.toString());
    }

    @Test
    void shouldRefuseToReplayOrRunOnJournalsOfAnUnsupportedFormat() throws IOException
    {
        RecordedJournal.record(dir);
        Files.delete(dir.resolve("input").resolve(JournalFormat.FILE_NAME));

        assertEquals(ExitCodes.UNSUPPORTED_JOURNAL, execute("replay", "--data", dir.toString()));
        assertTrue(err.toString().startsWith("replay: " + dir.resolve("input") + ": journal written by a firstcall before " +
            "journal format versions"), err.toString());

        final Path config = Files.writeString(dir.resolve("firstcall.yaml"), "gateway: {host: 127.0.0.1, jsonPort: 0, " +
            "sbePort: 0, httpPort: 0}\ntenants:\n  - {id: acme, token: t, repToken: r}\n");
        assertEquals(ExitCodes.UNSUPPORTED_JOURNAL, execute("run", "--config", config.toString(), "--data", dir.toString()));
        assertTrue(err.toString().contains("run: " + dir.resolve("input") + ": journal written by a firstcall before"),
            err.toString());

        for (final String audit : new String[]{ "dump", "report", "backtest" })
        {
            err.getBuffer().setLength(0);
            final int code = "backtest".equals(audit) ?
                execute(audit, "--data", dir.toString(), "--config", config.toString()) :
                execute(audit, "--data", dir.toString());
            assertEquals(ExitCodes.UNSUPPORTED_JOURNAL, code, audit);
            assertTrue(err.toString().contains(dir.resolve("input") + ": journal written by a firstcall before"), err.toString());
        }
    }

    @Test
    void shouldRefuseToReplayADirectoryWithoutJournals()
    {
        final Path missing = dir.resolve("nothing-here");

        assertEquals(ExitCodes.ERROR, execute("replay", "--data", missing.toString()));
        assertTrue(err.toString().contains("no journals in"), err.toString());
        assertFalse(Files.exists(missing), "replay must not create journals");
    }

    @Test
    void shouldPrintTheCountersOfAStoppedEngine()
    {
        final int events = RecordedJournal.record(dir);

        assertEquals(ExitCodes.OK, execute("stat", "--data", dir.toString()));
        final String journaled = out.toString().lines()
            .filter(line -> line.endsWith("Events journaled"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(out.toString()));
        assertEquals(events + 1, Long.parseLong(journaled.trim().split("\\s+")[0].replace(",", "")), journaled);
    }

    @Test
    void shouldSayWhenThereAreNoCounters()
    {
        assertEquals(ExitCodes.ERROR, execute("stat", "--data", dir.toString()));
        assertTrue(err.toString().contains("no counters file"), err.toString());
    }

    private int execute(final ReplayCommand command, final String... args)
    {
        final CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private int execute(final String... args)
    {
        final CommandLine commandLine = FirstcallCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
