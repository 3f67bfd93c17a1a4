package io.firstcall.gateway.cli;

/**
 * The exit codes of the {@code firstcall} command, listed in its help and in docs/operations.md.
 */
public final class ExitCodes
{
    /**
     * Done; for {@code replay}: every output matched.
     */
    public static final int OK = 0;

    /**
     * A bad configuration, a missing data directory, a failure to start or an unexpected error.
     */
    public static final int ERROR = 1;

    /**
     * {@code replay}: the replayed outputs differ from the recorded ones.
     */
    public static final int DIVERGED = 2;

    /**
     * {@code replay --verify-snapshot}: the outputs match, but the snapshot plus the journal after it
     * ends in another state than the full replay (or the full replay did not pass through the
     * snapshot's state).
     */
    public static final int STATE_DIVERGED = 3;

    /**
     * {@code dump}, {@code explain}, {@code report}, {@code backtest}: the data directory does not exist.
     */
    public static final int NO_DATA_DIRECTORY = 4;

    /**
     * The audit commands: the directory holds no firstcall journals.
     */
    public static final int NOT_A_JOURNAL = 5;

    /**
     * The data directory's journals are of a format this build does not read (docs/operations.md,
     * "Journal compatibility"): {@code run}, {@code demo}, {@code replay} and the audit commands refuse them.
     */
    public static final int UNSUPPORTED_JOURNAL = 6;

    /**
     * Bad arguments: the usage is printed. 64 is EX_USAGE of sysexits.h, clear of {@link #DIVERGED}.
     */
    public static final int USAGE = 64;

    private ExitCodes()
    {
    }
}
