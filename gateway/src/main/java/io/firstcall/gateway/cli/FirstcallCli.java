package io.firstcall.gateway.cli;

import io.firstcall.gateway.logging.LogFormat;
import io.firstcall.gateway.logging.LogSetup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The {@code firstcall} command line: {@code run}, {@code demo}, {@code replay}, the audit commands
 * ({@code dump}, {@code explain}, {@code report}, {@code backtest}), {@code stat} and {@code check-config}. The main class of the executable jar; the {@code ./firstcall} script runs it.
 */
@Command(
    name = "firstcall",
    mixinStandardHelpOptions = true,
    versionProvider = FirstcallCli.Version.class,
    description = "firstcall: a low-latency speed-to-lead stream processor.",
    subcommands = {
        RunCommand.class,
        DemoCommand.class,
        ReplayCommand.class,
        DumpCommand.class,
        ExplainCommand.class,
        ReportCommand.class,
        BacktestCommand.class,
        StatCommand.class,
        CheckConfigCommand.class,
        CommandLine.HelpCommand.class },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        " 0:success; replay: the outputs are identical",
        " 1:error: bad configuration, missing data, failure to start",
        " 2:replay: the outputs diverged",
        " 3:replay --verify-snapshot: snapshot + tail reached another state than the full replay",
        " 4:dump, explain, report, backtest: the data directory does not exist",
        " 5:dump, explain, report, backtest: the directory holds no firstcall journal",
        " 6:any command reading a data directory: its journals are of a format this version does not read",
        "64:bad arguments (the usage is printed)",
        "130/143:run or demo stopped by Ctrl-C (SIGINT) or SIGTERM after a graceful shutdown" })
public final class FirstcallCli implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    /**
     * Switch logging to the format given, before the command runs; any command takes it.
     */
    @Option(
        names = "--log-format",
        paramLabel = "text|json",
        scope = ScopeType.INHERIT,
        converter = LogFormatConverter.class,
        description = "Log lines as text or as one JSON object per line, on standard error; default: the " +
            "system property " + LogFormat.PROP_NAME + ", else text.")
    void logFormat(final LogFormat format)
    {
        LogSetup.apply(format);
    }

    /**
     * Parse the arguments, run the command and exit with its code.
     */
    public static void main(final String[] args)
    {
        // Before any Chronicle class loads; the ./firstcall script passes them too, java -jar users may not.
        System.setProperty("chronicle.analytics.disable", "true");
        // The engine's DiskSpaceGuard watches free space with its own minimum and logs once per episode;
        // Chronicle's monitor would log an error at every check below 200 MiB free.
        System.setProperty("chronicle.disk.monitor.disable", "true");
        System.exit(commandLine().execute(args));
    }

    /**
     * @return the command line with firstcall's exit codes and error handling; tests execute it directly.
     */
    public static CommandLine commandLine()
    {
        return new CommandLine(new FirstcallCli())
            .setExecutionExceptionHandler(new ErrorMessageHandler())
            .setParameterExceptionHandler(FirstcallCli::onBadArguments);
    }

    /**
     * Without a subcommand: print the usage.
     */
    public Integer call()
    {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * What was wrong, any "did you mean", then the usage of the command at fault, always.
     */
    private static int onBadArguments(final ParameterException ex, final String[] args)
    {
        final CommandLine commandLine = ex.getCommandLine();
        final PrintWriter err = commandLine.getErr();
        err.println(ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        commandLine.usage(err);
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * The version and commit the build recorded ({@link BuildInfo}).
     */
    static final class Version implements IVersionProvider
    {
        public String[] getVersion()
        {
            return new String[]{ BuildInfo.load().line() };
        }
    }

    static final class LogFormatConverter implements ITypeConverter<LogFormat>
    {
        public LogFormat convert(final String value)
        {
            return LogFormat.parse(value, "--log-format");
        }
    }
}
