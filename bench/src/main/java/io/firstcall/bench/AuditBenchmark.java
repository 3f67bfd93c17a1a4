package io.firstcall.bench;

import io.firstcall.audit.Backtest;
import io.firstcall.audit.BacktestReport;
import io.firstcall.audit.DataDirectory;
import io.firstcall.audit.JournalWalk;
import io.firstcall.audit.SpeedToLeadProjection;
import io.firstcall.audit.SpeedToLeadSnapshot;
import org.agrona.IoUtil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

/**
 * Speed of the audit tools on a journal of N events of the mix (written through a real engine, as
 * {@link RecoveryBenchmark} does): {@code firstcall report}'s projection over both journals, and
 * {@code firstcall backtest}'s replay under candidate rules (the mix's rules with one hot form fewer)
 * against the recorded outputs. Rates are input events per second of wall time, in this JVM after the
 * journal was written (page cache warm).
 * <pre>
 *   java $(flags) -cp bench/target/benchmarks.jar io.firstcall.bench.AuditBenchmark [--events 10000000] [--dir PARENT] [--keep]
 * </pre>
 */
public final class AuditBenchmark
{
    private AuditBenchmark()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        long events = 10_000_000;
        Path parent = Paths.get(System.getProperty("java.io.tmpdir"));
        boolean keep = false;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--events":
                    events = Long.parseLong(args[++i].replace("_", ""));
                    break;
                case "--dir":
                    parent = Paths.get(args[++i]);
                    break;
                case "--keep":
                    keep = true;
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        Files.createDirectories(parent);
        RecoveryBenchmark.checkDiskSpace(parent, events);
        final Path dataDir = Files.createTempDirectory(parent, "audit-bench");
        try
        {
            final long writeStartNs = System.nanoTime();
            RecoveryBenchmark.writeJournal(dataDir, events);
            System.out.printf("audit: journaled %,d events in %.1f s%n", events, (System.nanoTime() - writeStartNs) / 1e9);
            run(dataDir);
        }
        finally
        {
            if (!keep)
            {
                IoUtil.delete(dataDir.toFile(), true);
            }
        }
    }

    /**
     * Time report and backtest on a data directory and print their rates.
     */
    public static void run(final Path dataDir)
    {
        try (DataDirectory data = DataDirectory.open(dataDir))
        {
            final SpeedToLeadProjection projection = new SpeedToLeadProjection(TimeUnit.HOURS.toNanos(24));
            final long reportStartNs = System.nanoTime();
            final long inputs;
            try (JournalWalk walk = data.walk())
            {
                walk.drain(projection);
                inputs = walk.inputCount();
            }
            final SpeedToLeadSnapshot snapshot = projection.snapshot();
            final long reportNs = System.nanoTime() - reportStartNs;
            System.out.printf("audit: report %,d inputs (%,d hot leads) in %.3f s = %.0f events/s%n", inputs,
                snapshot.tenants().get(EventMix.TENANT).total().hotLeads(), reportNs / 1e9, inputs * 1e9 / reportNs);

            final String candidate = EventMix.RULES.replace("forms: [demo_request, free_trial]", "forms: [demo_request]");
            final long backtestStartNs = System.nanoTime();
            final BacktestReport report = Backtest.run(data, candidate, null, n -> {});
            final long backtestNs = System.nanoTime() - backtestStartNs;
            System.out.printf("audit: backtest %,d inputs (%,d leads turned cold) in %.3f s = %.0f events/s%n", inputs,
                report.turnedCold().size(), backtestNs / 1e9, inputs * 1e9 / backtestNs);
        }
    }
}
