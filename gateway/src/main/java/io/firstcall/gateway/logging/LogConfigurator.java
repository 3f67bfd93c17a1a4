package io.firstcall.gateway.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's first configurator (found through {@code META-INF/services}): sets up the format of
 * {@link LogFormat#configured()} as soon as anything logs, before the command line is parsed. When
 * the system property {@code logback.configurationFile} names a file of the operator's own, it
 * steps aside and Logback reads that file instead.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator
{
    static final String CONFIGURATION_FILE_PROP_NAME = "logback.configurationFile";

    public ExecutionStatus configure(final LoggerContext context)
    {
        if (null != System.getProperty(CONFIGURATION_FILE_PROP_NAME))
        {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }

        try
        {
            LogSetup.configure(context, LogFormat.configured(), System.err);
        }
        catch (final IllegalArgumentException ex)
        {
            // Logging must come up whatever the property says: as text, saying why.
            LogSetup.configure(context, LogFormat.TEXT, System.err);
            context.getLogger(LogConfigurator.class).warn("{}; logging as text", ex.getMessage());
        }

        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
