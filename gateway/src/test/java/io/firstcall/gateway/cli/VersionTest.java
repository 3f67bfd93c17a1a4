package io.firstcall.gateway.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionTest
{
    @Test
    void shouldPrintTheProjectVersionAndTheCommitItWasBuiltFrom() throws Exception
    {
        final String version = System.getProperty("firstcall.test.project.version");
        assertNotNull(version, "surefire passes the project version");
        final StringWriter out = new StringWriter();

        final int exitCode = FirstcallCli.commandLine().setOut(new PrintWriter(out)).execute("--version");

        assertEquals(ExitCodes.OK, exitCode);
        final String expected = "firstcall " + version + " (commit " + headCommit();
        assertTrue(out.toString().startsWith(expected), "expected " + expected + "..., got " + out);
    }

    @Test
    void shouldSayTheCommitIsUnknownWhenBuiltOutsideAGitCheckout()
    {
        final Properties version = new Properties();
        version.setProperty("version", "1.2.3");

        assertEquals("firstcall 1.2.3 (commit unknown)", BuildInfo.of(version, new Properties()).line());
    }

    @Test
    void shouldSayWhenBuiltFromATreeWithUncommittedChanges()
    {
        final Properties version = new Properties();
        version.setProperty("version", "1.2.3");
        final Properties git = new Properties();
        git.setProperty("git.commit.id.abbrev", "02b9875");
        git.setProperty("git.commit.time", "2026-11-27T05:21:41+00:00");
        git.setProperty("git.dirty", "true");

        assertEquals("firstcall 1.2.3 (commit 02b9875, 2026-11-27T05:21:41+00:00, modified)",
            BuildInfo.of(version, git).line());
    }

    /**
     * @return the commit the build saw: git's answer where git and a checkout exist, else "unknown".
     */
    private static String headCommit() throws InterruptedException
    {
        try
        {
            final Process git = new ProcessBuilder("git", "rev-parse", "--short=7", "HEAD")
                .directory(Paths.get("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .start();
            final String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor(10, TimeUnit.SECONDS) && 0 == git.exitValue() ? output : BuildInfo.UNKNOWN;
        }
        catch (final IOException ex)
        {
            return BuildInfo.UNKNOWN;
        }
    }
}
