package io.firstcall.pipeline;

import io.firstcall.replay.RecordSink;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the {@link Recovery} once, on the thread that calls {@link #recover} first (the output stage's),
 * and holds every other thread (the journal stage's, the launching one) until it is done. The latch
 * also publishes everything recovery wrote to the threads that wait on it.
 */
final class StartGate
{
    private final Recovery recovery;
    private final CountDownLatch recovered = new CountDownLatch(1);
    private boolean started;
    private Throwable failure;

    StartGate(final Recovery recovery)
    {
        this.recovery = recovery;
    }

    /**
     * Recover on this thread, unless done already.
     */
    void recover(final RecordSink outputRepair)
    {
        if (started)
        {
            return;
        }
        started = true;
        try
        {
            recovery.recover(outputRepair);
        }
        catch (final Throwable ex)
        {
            failure = ex;
        }
        finally
        {
            recovered.countDown();
        }
    }

    /**
     * Wait until recovery is over.
     *
     * @return null when it succeeded, else what it failed with.
     */
    Throwable awaitRecovered()
    {
        boolean interrupted = false;
        while (true)
        {
            try
            {
                recovered.await();
                break;
            }
            catch (final InterruptedException ex)
            {
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    long nextSequence()
    {
        return recovery.nextSequence();
    }

    long lastTimestampNs()
    {
        return recovery.lastTimestampNs();
    }
}
