package io.firstcall.golden;

import io.firstcall.journal.JournalFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The golden journals in {@code src/test/resources/golden/v<format>} (written by this or an older
 * supported build, {@link GoldenJournalGenerator}) replay in a fresh JVM to their recorded outputs
 * and state digest, whole and from their snapshot: a change that makes this build decide an old
 * journal differently, or read an old snapshot into another state, fails here. A fresh JVM, because
 * nothing of this test run (caches, parsed rules, JIT state) may help the replay.
 * <p>
 * With {@code -Dfirstcall.golden.regenerate=true} it first writes this build's golden directory anew
 * (docs/operations.md, "Journal compatibility").
 */
class GoldenJournalTest
{
    private static final Path GOLDEN = Paths.get("src", "test", "resources", "golden");
    private static final long DEADLINE_SECONDS = 300;

    @TempDir
    Path work;

    @Test
    void shouldReplayEveryGoldenJournalOfASupportedFormatInAFreshJvm() throws Exception
    {
        if (Boolean.getBoolean("firstcall.golden.regenerate"))
        {
            GoldenJournalGenerator.generate(Files.createDirectories(work.resolve("generating")),
                GOLDEN.resolve("v" + JournalFormat.VERSION));
        }
        assertTrue(Files.isDirectory(GOLDEN.resolve("v" + JournalFormat.VERSION)),
            "a golden journal of this build's format " + JournalFormat.VERSION + " is kept in " + GOLDEN.toAbsolutePath());

        int replayed = 0;
        for (int version = JournalFormat.OLDEST_SUPPORTED; version <= JournalFormat.VERSION; version++)
        {
            final Path golden = GOLDEN.resolve("v" + version);
            if (Files.isDirectory(golden))
            {
                replayInFreshJvm(golden, Files.createDirectories(work.resolve("v" + version)));
                replayed++;
            }
        }
        assertTrue(replayed > 0);
    }

    private static void replayInFreshJvm(final Path golden, final Path work) throws IOException, InterruptedException
    {
        final Properties expected = new Properties();
        try (Reader in = Files.newBufferedReader(golden.resolve(GoldenJournalGenerator.PROPERTIES), StandardCharsets.UTF_8))
        {
            expected.load(in);
        }

        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        for (final String argument : ManagementFactory.getRuntimeMXBean().getInputArguments())
        {
            // The JVM flags Chronicle needs, not a debugger or coverage agent of this run.
            if (argument.startsWith("--add-") || argument.startsWith("-Dchronicle."))
            {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(GoldenReplay.class.getName());
        command.add(golden.toAbsolutePath().toString());
        command.add(work.toAbsolutePath().toString());
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final StringBuilder output = new StringBuilder();
        String result = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while (null != (line = reader.readLine()))
            {
                output.append(line).append('\n');
                if (line.startsWith(GoldenReplay.RESULT_PREFIX))
                {
                    result = line.substring(GoldenReplay.RESULT_PREFIX.length());
                }
            }
        }
        assertTrue(process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS), "the replay finished");
        final String expectedResult = "inputs=" + expected.getProperty("inputs") + " outputs=" + expected.getProperty("outputs") +
            " fullEvents=" + expected.getProperty("inputs") + " tailEvents=" + expected.getProperty("tailEvents") +
            " outputsIdentical=true statesIdentical=true finalDigest=" + expected.getProperty("finalDigest");
        assertEquals(expectedResult, result, golden + ":\n" + output);
        assertEquals(0, process.exitValue(), output.toString());
    }
}
