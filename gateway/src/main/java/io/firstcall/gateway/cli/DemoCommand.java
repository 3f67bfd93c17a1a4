package io.firstcall.gateway.cli;

import io.firstcall.gateway.Gateway;
import io.firstcall.gateway.config.FirstcallConfig;
import io.firstcall.gateway.config.TenantConfig;
import io.firstcall.gateway.demo.DemoReport;
import io.firstcall.gateway.demo.DemoSession;
import org.agrona.concurrent.ShutdownSignalBarrier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.LocalTime;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code firstcall demo}: the server plus a simulated lead platform and four reps on loopback,
 * with a one-line summary every second. The clients speak the public JSON protocol over real
 * sockets, so the numbers are what a user of the server would see.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
        "Start the server with a simulated lead stream: a source sending a realistic event mix, and reps " +
            "r1..r4 who answer most alerts with a call (a claim). Prints a summary line every second.",
        "Uses a fresh temporary data directory unless --data is given." })
final class DemoCommand implements Callable<Integer>
{
    @Mixin
    private ConfigOptions options;

    @Option(names = "--rate", paramLabel = "N", defaultValue = "200",
        description = "Events per second the simulated source sends, open loop (default: ${DEFAULT-VALUE}).")
    private int rate;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
        description = "Stop after this many seconds (default: run until Ctrl-C).")
    private long durationSeconds;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
        description = "Seed of the event mix; the same seed sends the same events (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Spec
    private CommandSpec spec;

    @SuppressWarnings("try") // the barrier is used through its signal handler: it counts down the latch
    public Integer call() throws IOException
    {
        if (rate < 1 || durationSeconds < 0)
        {
            throw new ParameterException(spec.commandLine(), "--rate must be >= 1 and --duration >= 0");
        }
        final FirstcallConfig config = options.load();
        if (config.gateway().tls().isEnabled())
        {
            throw new IllegalArgumentException(
                "the demo's simulated sources and reps speak plaintext: run it with a configuration without gateway.tls");
        }
        if (!options.hasDataDir())
        {
            config.dataDir(Files.createTempDirectory("firstcall-demo-"));
        }
        final TenantConfig tenant = config.tenants().get(0);
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();

        final CountDownLatch signalled = new CountDownLatch(1);
        try (ShutdownSignalBarrier barrier = new ShutdownSignalBarrier(signalled::countDown))
        {
            try (Gateway gateway = Gateway.launch(config.gateway(), config.engine()))
            {
                out.println(Listening.line(gateway, config));
                if (gateway.jsonPort() <= 0)
                {
                    throw new IllegalStateException("the gateway reports no JSON listener (port " + gateway.jsonPort() + ")");
                }
                final InetSocketAddress address = new InetSocketAddress(clientHost(config.gateway().host()), gateway.jsonPort());
                final String runTag = Long.toString(System.currentTimeMillis(), 36);
                final DemoReport report;
                try (DemoSession session = DemoSession.start(address, tenant, rate, seed, runTag))
                {
                    out.println("demo: tenant " + tenant.id() + ", reps " + String.join(",", DemoSession.REPS) +
                        ", " + rate + " events/s" + (durationSeconds > 0 ? " for " + durationSeconds + " s" : "; Ctrl-C stops"));
                    out.flush();
                    report = session.report();
                    printEverySecond(session, signalled, out, err);
                }
                out.println(report.total(System.nanoTime()));
                out.println("demo data kept in " + config.engine().dataDir().toAbsolutePath() +
                    " (try: firstcall replay --data " + config.engine().dataDir().toAbsolutePath() + ")");
                out.flush();
            }
        }
        return ExitCodes.OK;
    }

    private void printEverySecond(
        final DemoSession session, final CountDownLatch signalled, final PrintWriter out, final PrintWriter err)
    {
        final long startNs = System.nanoTime();
        final long endNs = durationSeconds > 0 ? startNs + TimeUnit.SECONDS.toNanos(durationSeconds) : Long.MAX_VALUE;
        for (long second = 1; ; second++)
        {
            final long dueNs = Math.min(startNs + TimeUnit.SECONDS.toNanos(second), endNs);
            if (await(signalled, dueNs - System.nanoTime()))
            {
                return;
            }
            out.println(session.report().line(LocalTime.now(), System.nanoTime()));
            out.flush();
            for (final String problem : session.drainProblems())
            {
                err.println("demo: " + problem);
            }
            err.flush();
            if (dueNs >= endNs)
            {
                return;
            }
        }
    }

    /**
     * @return true when a shutdown signal arrived within the timeout.
     */
    private static boolean await(final CountDownLatch signalled, final long timeoutNs)
    {
        try
        {
            return signalled.await(Math.max(0, timeoutNs), TimeUnit.NANOSECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * The clients run on this machine: a wildcard or loopback bind is reached on 127.0.0.1.
     */
    private static String clientHost(final String bindHost)
    {
        switch (bindHost)
        {
            case "0.0.0.0":
            case "::":
            case "localhost":
                return "127.0.0.1";
            default:
                return bindHost;
        }
    }
}
