package io.firstcall.gateway.cli;

import io.firstcall.audit.DataDirectory;
import io.firstcall.audit.JournalRefusedException;
import io.firstcall.engine.tenant.TenantRulesParser;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * What the audit commands ({@code dump}, {@code explain}, {@code report}, {@code backtest}) share: the
 * data directory, opened read-only, and its refusals with their exit codes; times on the command
 * line; the progress bar on standard error for long runs.
 */
final class AuditData
{
    /**
     * Journals with at least this many inputs get a progress bar by default.
     */
    static final long LONG_RUN_INPUTS = 1_000_000;

    @Option(names = "--data", paramLabel = "DIR", required = true,
        description = "Data directory holding input/ and output/; opened read-only, a running server may keep appending.")
    Path dataDir;

    @Option(names = "--progress", paramLabel = "auto|always|never", defaultValue = "auto",
        description = "A progress bar with rate and ETA on standard error: auto (journals of " + LONG_RUN_INPUTS +
            " inputs or more), always or never; default: ${DEFAULT-VALUE}.")
    String progress;

    /**
     * @return the data directory, or null after printing why it was refused; then {@link #refusal} is the exit code.
     */
    DataDirectory open(final String command, final PrintWriter err)
    {
        try
        {
            return DataDirectory.open(dataDir);
        }
        catch (final JournalRefusedException ex)
        {
            err.println(command + ": " + ex.getMessage());
            err.flush();
            refusal = exitCode(ex.reason());
            return null;
        }
    }

    int refusal = ExitCodes.ERROR;

    static int exitCode(final JournalRefusedException.Reason reason)
    {
        switch (reason)
        {
            case MISSING:
                return ExitCodes.NO_DATA_DIRECTORY;
            case NOT_A_JOURNAL:
                return ExitCodes.NOT_A_JOURNAL;
            default:
                return ExitCodes.UNSUPPORTED_JOURNAL;
        }
    }

    /**
     * @return a progress bar over the journal's inputs, or null when this run gets none.
     */
    ProgressBar progressBar(final String task, final DataDirectory data)
    {
        final long[] sequences = data.inputSequences();
        final long inputs = sequences[0] < 0 ? 0 : sequences[1] - sequences[0] + 1;
        final boolean show = "always".equals(progress) || ("auto".equals(progress) && inputs >= LONG_RUN_INPUTS);
        if (!show)
        {
            return null;
        }
        return new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(inputs)
            .setUnit(" inputs", 1)
            .showSpeed()
            .setStyle(ProgressBarStyle.ASCII)
            .setUpdateIntervalMillis(500)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
    }

    /**
     * @param text ISO-8601 (2024-10-04T16:00:00Z, with an offset, or a date 2024-10-04 meaning its UTC midnight) or
     *             epoch milliseconds.
     * @return epoch nanoseconds.
     */
    static long parseTime(final String text, final String option)
    {
        final String value = text.trim();
        try
        {
            if (value.matches("-?[0-9]+"))
            {
                return Math.multiplyExact(Long.parseLong(value), 1_000_000L);
            }
            if (value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}"))
            {
                return nanos(Instant.parse(value + "T00:00:00Z"));
            }
            return nanos(OffsetDateTime.parse(value).toInstant());
        }
        catch (final DateTimeParseException | NumberFormatException | ArithmeticException ex)
        {
            throw new IllegalArgumentException(option + ": '" + text + "' is neither an ISO-8601 time " +
                "(2024-10-04T16:00:00Z) nor epoch milliseconds");
        }
    }

    static long parseDuration(final String text, final String option)
    {
        try
        {
            return TenantRulesParser.parseDurationNs(text, option);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException(ex.getMessage());
        }
    }

    private static long nanos(final Instant instant)
    {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    static String iso(final long epochNs)
    {
        return Instant.ofEpochSecond(0, epochNs).truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
