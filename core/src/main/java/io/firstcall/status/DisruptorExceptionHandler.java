package io.firstcall.status;

import com.lmax.disruptor.ExceptionHandler;
import org.agrona.ErrorHandler;

import java.util.Objects;

/**
 * Routes every exception a Disruptor event handler throws into the engine's one {@link ErrorHandler}
 * and never rethrows, so the event processor thread skips the failing event and goes on.
 * <p>
 * The exception is passed on unwrapped: wrapping it with the sequence would make every occurrence
 * look distinct to a {@code DistinctErrorLog}.
 *
 * @param <T> the ring's event type.
 */
public final class DisruptorExceptionHandler<T> implements ExceptionHandler<T>
{
    private final ErrorHandler errorHandler;

    /**
     * @param errorHandler where exceptions go, usually a {@link CountingErrorHandler}.
     */
    public DisruptorExceptionHandler(final ErrorHandler errorHandler)
    {
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
    }

    public void handleEventException(final Throwable ex, final long sequence, final T event)
    {
        route(ex);
    }

    public void handleOnStartException(final Throwable ex)
    {
        route(ex);
    }

    public void handleOnShutdownException(final Throwable ex)
    {
        route(ex);
    }

    private void route(final Throwable ex)
    {
        try
        {
            errorHandler.onError(ex);
        }
        catch (final Throwable ignore)
        {
            // A throwing error handler must not halt the engine thread: the Disruptor would stop on it.
        }
    }
}
