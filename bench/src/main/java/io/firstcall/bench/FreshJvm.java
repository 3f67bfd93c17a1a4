package io.firstcall.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link RecoveryBenchmark} in a new JVM with this one's flags and class path, as a real restart
 * would start: its output is echoed, and the one line starting with the result prefix is returned.
 */
final class FreshJvm
{
    private FreshJvm()
    {
    }

    /**
     * @return the result line, without its prefix.
     * @throws IllegalStateException when the JVM fails or prints no result.
     */
    static String run(final String resultPrefix, final String... args) throws IOException, InterruptedException
    {
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RecoveryBenchmark.class.getName());
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while (null != (line = reader.readLine()))
            {
                if (line.startsWith(resultPrefix))
                {
                    result = line.substring(resultPrefix.length());
                }
                else
                {
                    System.out.println("  [restart JVM] " + line);
                }
            }
        }
        final int exit = process.waitFor();
        if (0 != exit || null == result)
        {
            throw new IllegalStateException("the restart JVM (" + String.join(" ", args) + ") exited with " + exit +
                " and no result");
        }
        return result;
    }
}
