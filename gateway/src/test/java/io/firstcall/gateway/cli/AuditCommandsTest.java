package io.firstcall.gateway.cli;

import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.event.EventWriter;
import io.firstcall.gateway.support.Conditions;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.RecordHeader;
import io.firstcall.support.ScriptedJournal;
import io.firstcall.support.SpeedToLeadScript;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit commands on scripted data directories: their output, their refusals and exit codes,
 * and {@code dump --follow} seeing an entry appended while it runs.
 */
class AuditCommandsTest
{
    private static final String[] COMMANDS = { "dump", "explain --lead L1", "report", "backtest --config none.yaml" };

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldRefuseAMissingDirectoryWithExitCode4()
    {
        for (final String command : COMMANDS)
        {
            err.getBuffer().setLength(0);
            assertEquals(ExitCodes.NO_DATA_DIRECTORY, execute(command, "--data", dir.resolve("nowhere").toString()), command);
            assertTrue(err.toString().contains("no such directory: " + dir.resolve("nowhere")), err.toString());
        }
        assertFalse(Files.exists(dir.resolve("nowhere")), "nothing created");
    }

    @Test
    void shouldRefuseADirectoryThatIsNotAJournalWithExitCode5() throws IOException
    {
        Files.writeString(dir.resolve("notes.txt"), "not a journal");
        for (final String command : COMMANDS)
        {
            err.getBuffer().setLength(0);
            assertEquals(ExitCodes.NOT_A_JOURNAL, execute(command, "--data", dir.toString()), command);
            assertTrue(err.toString().contains(dir + " is not a firstcall data directory: no journal in " + dir.resolve("input")),
                err.toString());
        }
        assertFalse(Files.exists(dir.resolve("input")), "nothing created");
    }

    @Test
    void shouldRefuseAnUnsupportedJournalVersionWithExitCode6()
    {
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096]));
        final int length = writer.form("acme", "e1", "L1", "demo_request");
        writer.buffer().putShort(6, (short)(MessageHeaderEncoder.SCHEMA_VERSION + 1), java.nio.ByteOrder.LITTLE_ENDIAN);
        final UnsafeBuffer entry = new UnsafeBuffer(new byte[RecordHeader.LENGTH + length]);
        RecordHeader.write(entry, 0, 0, 1);
        entry.putBytes(RecordHeader.LENGTH, writer.buffer(), 0, length);
        try (ChronicleJournal input = ChronicleJournal.open(dir.resolve("input"));
            ChronicleJournal output = ChronicleJournal.open(dir.resolve("output")))
        {
            input.append(entry, 0, entry.capacity());
        }
        for (final String command : COMMANDS)
        {
            err.getBuffer().setLength(0);
            assertEquals(ExitCodes.UNSUPPORTED_JOURNAL, execute(command, "--data", dir.toString()), command);
            assertTrue(err.toString().contains(dir.resolve("input") + " was written in journal format (schema) version " +
                (MessageHeaderEncoder.SCHEMA_VERSION + 1) + "; this build reads inputs up to version " +
                MessageHeaderEncoder.SCHEMA_VERSION), err.toString());
        }
    }

    @Test
    void shouldDumpEachInputWithItsOutputsAndFilter()
    {
        SpeedToLeadScript.write(dir);
        assertEquals(ExitCodes.OK, execute("dump", "--data", dir.toString(), "--lead", "L1", "--format", "jsonl"));
        final String[] lines = out.toString().split("\n");
        assertTrue(lines[0].startsWith("{\"journal\":\"input\",\"seq\":3,\"engineTime\":\"2024-10-04T01:00:00.000Z\"," +
            "\"entry\":{\"type\":\"lead\",\"id\":\"e3\",\"lead\":\"L1\""), lines[0]);
        assertTrue(lines[1].startsWith("{\"journal\":\"output\",\"seq\":3,\"engineTime\":\"2024-10-04T01:00:00.000Z\"," +
            "\"entry\":{\"type\":\"decision\",\"kind\":\"lead_created\""), lines[1]);

        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, execute("dump", "--data", dir.toString(), "--type", "routed,claimed", "--tenant", "acme"));
        final String text = out.toString();
        assertEquals(6 + 4, text.split("\n").length, "six routed, four claimed:\n" + text);
        assertTrue(text.startsWith("  output seq=4 2024-10-04T01:00:00.000Z {\"type\":\"decision\",\"kind\":\"routed\""), text);

        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, execute("dump", "--data", dir.toString(), "--journal", "input", "--type", "call",
            "--from", "2024-10-04T02:00:00Z", "--to", String.valueOf(TimeUnit.NANOSECONDS.toMillis(SpeedToLeadScript.T0) +
            TimeUnit.HOURS.toMillis(4))));
        assertEquals(3, out.toString().split("\n").length, "L2's two calls and L3's:\n" + out);
    }

    @Test
    void shouldFollowALiveJournal() throws Exception
    {
        SpeedToLeadScript.write(dir);
        final StringWriter followed = new StringWriter();
        final AtomicInteger exitCode = new AtomicInteger(-1);
        final Thread dump = new Thread(() -> exitCode.set(FirstcallCli.commandLine()
            .setOut(new PrintWriter(followed, true)).setErr(new PrintWriter(err, true))
            .execute("dump", "--data", dir.toString(), "--follow", "--journal", "input")));
        dump.start();
        try
        {
            awaitContains(followed, "\"lead\":\"L7\"");
            assertFalse(followed.toString().contains("LATE"));
            try (ScriptedJournal more = new ScriptedJournal(dir, "acme"))
            {
                more.at(SpeedToLeadScript.T0 + TimeUnit.HOURS.toNanos(49)).form("LATE", "demo_request");
            }
            awaitContains(followed, "\"lead\":\"LATE\"");
        }
        finally
        {
            dump.interrupt();
            dump.join(10_000);
        }
        assertEquals(ExitCodes.OK, exitCode.get());
    }

    @Test
    void shouldExplainReportAndBacktest() throws IOException
    {
        SpeedToLeadScript.write(dir);
        assertEquals(ExitCodes.OK, execute("explain", "--data", dir.toString(), "--lead", "L1"));
        assertTrue(out.toString().contains("response time: 2m00s from becoming hot"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.ERROR, execute("explain", "--data", dir.toString(), "--lead", "L99"));
        assertTrue(err.toString().contains("explain: no lead L99"), err.toString());

        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, execute("report", "--data", dir.toString(), "--by", "rep", "--format", "csv"));
        assertTrue(out.toString().contains("\nacme,rep,*,6,1,1,"), out.toString());
        assertTrue(out.toString().contains("\nacme,rep,ben,3,1,0,"), out.toString());

        out.getBuffer().setLength(0);
        final Path looser = dir.resolve("looser.yaml");
        Files.writeString(looser, SpeedToLeadScript.RULES.replace("forms: [demo_request]", "forms: [demo_request, ebook_download]"));
        assertEquals(ExitCodes.OK, execute("backtest", "--data", dir.toString(), "--config", looser.toString()));
        assertTrue(out.toString().contains("turned hot (1): L7"), out.toString());
        assertTrue(out.toString().contains("precision                   33.3%      28.6%"), out.toString());
    }

    private static void awaitContains(final StringWriter writer, final String text)
    {
        Conditions.await(() -> text + " in:\n" + writer, () -> writer.toString().contains(text), 20_000);
    }

    private int execute(final String command, final String... args)
    {
        final String[] words = command.split(" ");
        final String[] all = new String[words.length + args.length];
        System.arraycopy(words, 0, all, 0, words.length);
        System.arraycopy(args, 0, all, words.length, args.length);
        final CommandLine commandLine = FirstcallCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(all);
    }
}
