package io.firstcall.gateway.support;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what the process logs while it is open: every event of Logback's root logger (where SLF4J
 * and, through the platform logging bridge, {@code System.Logger} go), every record of
 * java.util.logging's root logger (libraries that log there directly), each with its stack trace and
 * causes, and everything written to System.out and System.err. The output still reaches the real streams.
 */
public final class LogCapture implements AutoCloseable
{
    private final StringBuffer records = new StringBuffer();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final ch.qos.logback.classic.Logger logbackRoot =
        (ch.qos.logback.classic.Logger)LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>()
    {
        protected void append(final ILoggingEvent event)
        {
            final String message = event.getFormattedMessage();
            messages.add(message);
            records.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(": ")
                .append(message).append('\n');
            for (IThrowableProxy thrown = event.getThrowableProxy(); null != thrown; thrown = thrown.getCause())
            {
                records.append(thrown.getClassName()).append(": ").append(thrown.getMessage()).append('\n');
            }
        }
    };
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final Handler handler = new Handler()
    {
        private final SimpleFormatter formatter = new SimpleFormatter();

        public void publish(final LogRecord record)
        {
            records.append(formatter.format(record));
            if (null != record.getThrown())
            {
                final StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                records.append(trace);
            }
        }

        public void flush()
        {
        }

        public void close()
        {
        }
    };

    private LogCapture()
    {
        appender.setContext(logbackRoot.getLoggerContext());
        appender.start();
        logbackRoot.addAppender(appender);
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
        System.setOut(new PrintStream(tee(originalOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(originalErr), true, StandardCharsets.UTF_8));
    }

    public static LogCapture start()
    {
        return new LogCapture();
    }

    /**
     * @return everything captured so far.
     */
    public String text()
    {
        synchronized (console)
        {
            return records + console.toString(StandardCharsets.UTF_8);
        }
    }

    /**
     * @return the message of every Logback event captured so far, formatted, in order.
     */
    public List<String> messages()
    {
        return messages;
    }

    public void close()
    {
        logbackRoot.detachAppender(appender);
        appender.stop();
        Logger.getLogger("").removeHandler(handler);
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private OutputStream tee(final PrintStream original)
    {
        return new OutputStream()
        {
            public void write(final int b)
            {
                synchronized (console)
                {
                    console.write(b);
                }
                original.write(b);
            }

            public void write(final byte[] bytes, final int offset, final int length)
            {
                synchronized (console)
                {
                    console.write(bytes, offset, length);
                }
                original.write(bytes, offset, length);
            }
        };
    }
}
