package io.firstcall.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus' own parser and linter of the text format, {@code promtool check metrics}, when it is on
 * the PATH (Debian's {@code prometheus} package; .ci/run installs it).
 */
public final class Promtool
{
    private static final String EXECUTABLE = "promtool";

    private Promtool()
    {
    }

    public static boolean isInstalled()
    {
        for (final String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, EXECUTABLE)))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @param exposition a Prometheus text format 0.0.4 body.
     * @return what promtool printed; empty when it found nothing wrong.
     * @throws AssertionError when promtool rejects the body, with its output.
     */
    public static String checkMetrics(final String exposition) throws IOException, InterruptedException
    {
        final Process process = new ProcessBuilder(EXECUTABLE, "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream())
        {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish");
        }
        if (0 != process.exitValue())
        {
            throw new AssertionError("promtool check metrics exited " + process.exitValue() + ":\n" + output);
        }
        return output.trim();
    }
}
