package io.firstcall.support;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * A {@link System.Logger} that keeps the lines logged, prefixed with their level, for assertions.
 */
public final class LogLines implements System.Logger
{
    private final List<String> lines = new ArrayList<>();

    public synchronized List<String> lines()
    {
        return new ArrayList<>(lines);
    }

    public String getName()
    {
        return "test";
    }

    public boolean isLoggable(final Level level)
    {
        return true;
    }

    public synchronized void log(final Level level, final ResourceBundle bundle, final String msg, final Throwable thrown)
    {
        lines.add(level + " " + msg);
    }

    public synchronized void log(final Level level, final ResourceBundle bundle, final String format, final Object... params)
    {
        lines.add(level + " " + (null == params || 0 == params.length ? format : MessageFormat.format(format, params)));
    }
}
