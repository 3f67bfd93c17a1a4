package io.firstcall.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The {@code firstcall} command line: {@code run}, {@code demo}, {@code replay}, {@code stat} and
 * {@code check-config}. The main class of the executable jar; the {@code ./firstcall} script runs it.
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
        StatCommand.class,
        CheckConfigCommand.class,
        CommandLine.HelpCommand.class },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        " 0:success; replay: the outputs are identical",
        " 1:error: bad configuration, missing data, failure to start",
        " 2:replay: the outputs diverged",
        " 3:replay --verify-snapshot: snapshot + tail reached another state than the full replay",
        "64:bad arguments (the usage is printed)",
        "130/143:run or demo stopped by Ctrl-C (SIGINT) or SIGTERM after a graceful shutdown" })
public final class FirstcallCli implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    /**
     * Parse the arguments, run the command and exit with its code.
     */
    public static void main(final String[] args)
    {
        // Before any Chronicle class loads; the ./firstcall script passes it too, java -jar users may not.
        System.setProperty("chronicle.analytics.disable", "true");
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
     * The version from the jar's manifest, when built as a jar.
     */
    static final class Version implements IVersionProvider
    {
        public String[] getVersion()
        {
            final String version = FirstcallCli.class.getPackage().getImplementationVersion();
            return new String[]{ "firstcall " + (null == version ? "(development build)" : version) };
        }
    }
}
