package io.firstcall.gateway.cli;

import io.firstcall.gateway.Gateway;
import io.firstcall.gateway.config.FirstcallConfig;
import org.agrona.concurrent.ShutdownSignalBarrier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code firstcall run}: launch the gateway and wait for SIGTERM or SIGINT, then close it
 * gracefully (stop accepting, drain the ring, flush the journals), as Aeron's {@code MediaDriver.main}.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Start the server and run until SIGTERM or Ctrl-C, then shut down gracefully.")
final class RunCommand implements Callable<Integer>
{
    @Mixin
    private ConfigOptions options;

    @Spec
    private CommandSpec spec;

    public Integer call()
    {
        final FirstcallConfig config = options.load();
        final PrintWriter out = spec.commandLine().getOut();
        // The barrier is closed last: the JVM's shutdown hook waits for it, so the gateway's close completes.
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier())
        {
            try (Gateway gateway = Gateway.launch(config.gateway(), config.engine()))
            {
                out.println(Listening.line(gateway, config));
                out.flush();
                barrier.await();
                out.println("firstcall stopping: draining the ring and flushing the journal");
                out.flush();
            }
            out.println("firstcall stopped");
            out.flush();
        }
        return ExitCodes.OK;
    }
}
