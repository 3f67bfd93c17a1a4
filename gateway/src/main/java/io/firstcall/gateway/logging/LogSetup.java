package io.firstcall.gateway.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import org.slf4j.LoggerFactory;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Configures Logback, the one logging backend, in code: every log line of the engine (through
 * {@code System.Logger}, bridged by slf4j-jdk-platform-logging), the gateway and the libraries
 * (Netty, Chronicle, both on SLF4J) goes to one appender on standard error, as text or as one JSON
 * object per line. Standard output stays for the commands' own output.
 * <p>
 * Levels: INFO, and WARN for Chronicle ({@code net.openhft}), which announces file mappings and a
 * mailing list at INFO on every start. A file named by {@code -Dlogback.configurationFile} replaces
 * all of this ({@link LogConfigurator}).
 */
public final class LogSetup
{
    static final String APPENDER_NAME = "firstcall";
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n";

    private LogSetup()
    {
    }

    /**
     * Switch the running logging to {@code format}, e.g. from the command line's {@code --log-format}.
     * Does nothing when Logback is not the SLF4J backend (a user's own classpath).
     */
    public static void apply(final LogFormat format)
    {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext)
        {
            final LoggerContext context = (LoggerContext)LoggerFactory.getILoggerFactory();
            context.reset();
            configure(context, format, System.err);
        }
    }

    /**
     * Configure a fresh (or reset) context.
     *
     * @param out where log lines go; standard error in production, a buffer in tests.
     */
    static void configure(final LoggerContext context, final LogFormat format, final OutputStream out)
    {
        final Encoder<ILoggingEvent> encoder = LogFormat.JSON == format ? jsonEncoder() : textEncoder();
        encoder.setContext(context);
        encoder.start();

        final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER_NAME);
        appender.setEncoder(encoder);
        appender.setOutputStream(new KeptOpen(out));
        appender.start();

        final Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        context.getLogger("net.openhft").setLevel(Level.WARN);
    }

    private static Encoder<ILoggingEvent> textEncoder()
    {
        final PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setPattern(TEXT_PATTERN);
        return encoder;
    }

    /**
     * One object per line: timestamp (ms since epoch), level, threadName, loggerName, mdc,
     * kvpList, message (formatted) and throwable; not Logback's context or raw arguments.
     */
    private static Encoder<ILoggingEvent> jsonEncoder()
    {
        final JsonEncoder encoder = new JsonEncoder();
        encoder.setWithContext(false);
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithMarkers(false);
        encoder.setWithArguments(false);
        encoder.setWithMessage(false);
        encoder.setWithFormattedMessage(true);
        return encoder;
    }

    /**
     * Resetting the context stops the appender, which closes its stream: standard error must outlive it.
     */
    private static final class KeptOpen extends FilterOutputStream
    {
        KeptOpen(final OutputStream out)
        {
            super(out);
        }

        public void write(final byte[] bytes, final int offset, final int length) throws IOException
        {
            out.write(bytes, offset, length);
        }

        public void close() throws IOException
        {
            flush();
        }
    }
}
