package io.firstcall.gateway.support;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting on a condition with a deadline instead of sleeping.
 */
public final class Conditions
{
    public static final long DEFAULT_TIMEOUT_MS = 10_000;
    /** Polling, not spinning: the machine has two cores and the gateway needs them. */
    private static final long POLL_INTERVAL_NS = 200_000;

    private Conditions()
    {
    }

    public static void await(final String what, final BooleanSupplier condition)
    {
        await(what, condition, DEFAULT_TIMEOUT_MS);
    }

    public static void await(final String what, final BooleanSupplier condition, final long timeoutMs)
    {
        final long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what);
            }
            LockSupport.parkNanos(POLL_INTERVAL_NS);
        }
    }

    public static void await(final Supplier<String> what, final BooleanSupplier condition)
    {
        await(what, condition, DEFAULT_TIMEOUT_MS);
    }

    /**
     * @param what says, once the time is up, what was awaited and what was seen instead.
     */
    public static void await(final Supplier<String> what, final BooleanSupplier condition, final long timeoutMs)
    {
        final long deadlineNs = System.nanoTime() + timeoutMs * 1_000_000;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting for " + what.get());
            }
            LockSupport.parkNanos(POLL_INTERVAL_NS);
        }
    }
}
