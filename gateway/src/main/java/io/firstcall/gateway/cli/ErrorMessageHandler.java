package io.firstcall.gateway.cli;

import io.firstcall.engine.tenant.InvalidConfigException;
import io.firstcall.gateway.config.ConfigException;
import io.firstcall.journal.UnsupportedJournalException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * A command that fails prints one line naming what is wrong and exits with {@link ExitCodes#ERROR}
 * ({@link ExitCodes#UNSUPPORTED_JOURNAL} for journals of another format).
 * Expected failures (a bad configuration or setting, an unreadable file, a port in use) get
 * their message alone; anything else also gets its stack trace, which is then the useful part.
 */
final class ErrorMessageHandler implements IExecutionExceptionHandler
{
    public int handleExecutionException(final Exception ex, final CommandLine commandLine, final ParseResult parseResult)
    {
        final PrintWriter err = commandLine.getErr();
        err.println(commandLine.getCommandName() + ": " + messages(ex));
        if (!isExpected(ex))
        {
            ex.printStackTrace(err);
        }
        err.flush();
        return causedBy(ex, UnsupportedJournalException.class) ? ExitCodes.UNSUPPORTED_JOURNAL : ExitCodes.ERROR;
    }

    private static boolean causedBy(final Throwable ex, final Class<? extends Throwable> type)
    {
        for (Throwable cause = ex; null != cause; cause = cause == cause.getCause() ? null : cause.getCause())
        {
            if (type.isInstance(cause))
            {
                return true;
            }
        }
        return false;
    }

    private static boolean isExpected(final Throwable ex)
    {
        return ex instanceof ConfigException || ex instanceof InvalidConfigException ||
            ex instanceof IllegalArgumentException || ex instanceof IllegalStateException ||
            ex instanceof UncheckedIOException || ex instanceof IOException;
    }

    /**
     * @return the message and those of its causes where they add something, e.g. a bind failure's reason.
     */
    private static String messages(final Throwable ex)
    {
        final StringBuilder text = new StringBuilder(String.valueOf(ex.getMessage()));
        for (Throwable cause = ex.getCause(); null != cause && cause != cause.getCause(); cause = cause.getCause())
        {
            final String message = cause.getMessage();
            if (null != message && text.indexOf(message) < 0)
            {
                text.append(": ").append(message);
            }
        }
        return text.toString();
    }
}
