package io.firstcall.status;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * Captures what is logged, so tests need not reach into the platform logging configuration.
 */
final class RecordingLogger implements System.Logger
{
    final List<String> messages = new ArrayList<>();
    final List<Level> levels = new ArrayList<>();
    boolean shouldThrow;

    public String getName()
    {
        return "test";
    }

    public boolean isLoggable(final Level level)
    {
        return true;
    }

    public void log(final Level level, final ResourceBundle bundle, final String msg, final Throwable thrown)
    {
        if (shouldThrow)
        {
            throw new IllegalStateException("logger broken");
        }
        levels.add(level);
        messages.add(msg);
    }

    public void log(final Level level, final ResourceBundle bundle, final String format, final Object... params)
    {
        if (shouldThrow)
        {
            throw new IllegalStateException("logger broken");
        }
        levels.add(level);
        messages.add(null == params || 0 == params.length ? format : MessageFormat.format(format, params));
    }
}
