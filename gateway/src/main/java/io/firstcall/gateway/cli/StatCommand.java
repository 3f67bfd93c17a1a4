package io.firstcall.gateway.cli;

import io.firstcall.status.EngineCounters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code firstcall stat}: the engine counters from {@code DIR/counters.dat}, read from the
 * memory-mapped file, so it works while the server runs (live values) or after it stopped (the last ones).
 */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    description = "Print the engine counters of DIR/counters.dat, while the server runs or after.")
final class StatCommand implements Callable<Integer>
{
    @Option(names = "--data", paramLabel = "DIR", required = true, description = "Data directory of a server.")
    private Path dataDir;

    @Spec
    private CommandSpec spec;

    public Integer call()
    {
        final Path file = dataDir.resolve("counters.dat");
        if (!Files.isRegularFile(file))
        {
            spec.commandLine().getErr().println("stat: no counters file at " + file);
            return ExitCodes.ERROR;
        }

        final Map<String, Long> counters = EngineCounters.snapshot(file);
        final PrintWriter out = spec.commandLine().getOut();
        for (final Map.Entry<String, Long> counter : counters.entrySet())
        {
            out.printf("%,20d  %s%n", counter.getValue(), counter.getKey());
        }
        return ExitCodes.OK;
    }
}
