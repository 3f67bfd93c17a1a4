package io.firstcall.gateway.session;

import io.firstcall.pipeline.IngestPublisher;
import io.netty.channel.EventLoop;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;

/**
 * Offers a session's events to the engine ring. A refused offer (ring full) keeps the event in the
 * session's event buffer and retries it on a timer and after every acknowledgement, until the ring
 * takes it: an event is never dropped while the session lives. Event loop only.
 */
final class EventIntake
{
    /** The NIO selector wakes at millisecond granularity; an acknowledgement also triggers a retry. */
    static final long RETRY_INTERVAL_NS = TimeUnit.MICROSECONDS.toNanos(100);

    private final IngestPublisher publisher;
    private final UnsafeBuffer eventBuffer;
    private final EventLoop eventLoop;
    private final Runnable retryTask;
    private int stalledLength;
    private long stalledCorrelationId;
    private long stalledReceivedNs;
    private boolean retryScheduled;
    private boolean stopped;

    /**
     * @param retryTask run on the event loop when the retry timer fires; it calls {@link #onRetryTimer()}.
     */
    EventIntake(
        final IngestPublisher publisher,
        final int eventBufferBytes,
        final EventLoop eventLoop,
        final Runnable retryTask)
    {
        this.publisher = publisher;
        this.eventBuffer = new UnsafeBuffer(new byte[eventBufferBytes]);
        this.eventLoop = eventLoop;
        this.retryTask = retryTask;
    }

    UnsafeBuffer eventBuffer()
    {
        return eventBuffer;
    }

    int maxMessageLength()
    {
        return publisher.maxMessageLength();
    }

    boolean isStalled()
    {
        return 0 != stalledLength;
    }

    /**
     * Offer the event in the event buffer.
     *
     * @return true when the ring took it; false when it is now stalled, waiting for ring space.
     */
    boolean offer(final int length, final long correlationId, final long receivedNs)
    {
        if (publisher.offer(eventBuffer, 0, length, correlationId, receivedNs))
        {
            return true;
        }

        stalledLength = length;
        stalledCorrelationId = correlationId;
        stalledReceivedNs = receivedNs;
        scheduleRetry();

        return false;
    }

    /**
     * Offer the stalled event again, if there is one.
     */
    void retry()
    {
        if (!isStalled() || stopped)
        {
            return;
        }

        if (publisher.offer(eventBuffer, 0, stalledLength, stalledCorrelationId, stalledReceivedNs))
        {
            stalledLength = 0;
        }
        else
        {
            scheduleRetry();
        }
    }

    void onRetryTimer()
    {
        retryScheduled = false;
    }

    /**
     * Offer nothing more. A stalled event is dropped: it was never offered, so never acknowledged.
     */
    void stop()
    {
        stopped = true;
        stalledLength = 0;
    }

    private void scheduleRetry()
    {
        if (!retryScheduled)
        {
            retryScheduled = true;
            eventLoop.schedule(retryTask, RETRY_INTERVAL_NS, TimeUnit.NANOSECONDS);
        }
    }
}
