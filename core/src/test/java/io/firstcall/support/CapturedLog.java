package io.firstcall.support;

import io.firstcall.status.CountingErrorHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures the lines the engine logs (its System.Logger "firstcall" goes to java.util.logging here),
 * while open.
 */
public final class CapturedLog implements AutoCloseable
{
    private final Logger logger = Logger.getLogger(CountingErrorHandler.LOGGER_NAME);
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler()
    {
        public void publish(final LogRecord record)
        {
            lines.add(record.getLevel() + " " + record.getMessage());
        }

        public void flush()
        {
        }

        public void close()
        {
        }
    };

    private CapturedLog()
    {
        logger.addHandler(handler);
    }

    public static CapturedLog capture()
    {
        return new CapturedLog();
    }

    public List<String> lines()
    {
        return new ArrayList<>(lines);
    }

    public void close()
    {
        logger.removeHandler(handler);
    }
}
