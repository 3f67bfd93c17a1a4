package io.firstcall.audit;

/**
 * A data directory the audit tools will not read, with the reason, so that the command line can
 * answer each with its own exit status.
 */
public final class JournalRefusedException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    /**
     * Why a data directory was refused.
     */
    public enum Reason
    {
        /**
         * The directory does not exist.
         */
        MISSING,

        /**
         * It exists but holds no firstcall journals ({@code input/} and {@code output/} queues).
         */
        NOT_A_JOURNAL,

        /**
         * Its journals were written in a format this build does not read.
         */
        UNSUPPORTED_VERSION
    }

    private final Reason reason;

    public JournalRefusedException(final Reason reason, final String message)
    {
        super(message);
        this.reason = reason;
    }

    public Reason reason()
    {
        return reason;
    }
}
