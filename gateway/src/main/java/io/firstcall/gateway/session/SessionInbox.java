package io.firstcall.gateway.session;

import io.firstcall.pipeline.AckListener;
import io.netty.channel.EventLoop;
import org.agrona.DirectBuffer;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the delivery agent leaves one session's acknowledgements and pushes during a pass, and how
 * the session is then delivered to: at once when it lives on the delivery event loop, else by its one
 * delivery task on its own event loop, executed at most once per pass and not again while it is
 * pending. The queues are the session's preallocated single-producer ones ({@link ReplySequencer}'s
 * acknowledgement queue, the rep's {@link RepOutbox}); the producer is always the delivery event loop.
 * Never waits, and never touches the channel.
 */
final class SessionInbox
{
    private final ReplySequencer replies;
    private final EventLoop eventLoop;
    private final Runnable deliverTask;
    private final AtomicBoolean deliveryScheduled = new AtomicBoolean();
    /** Set on the session's event loop before the session enters the rep directory, which publishes it. */
    private RepOutbox outbox;
    /** The delivery pass that last touched this session; the delivery event loop's only. */
    private long pass;

    SessionInbox(final ReplySequencer replies, final EventLoop eventLoop, final Runnable deliverTask)
    {
        this.replies = replies;
        this.eventLoop = eventLoop;
        this.deliverTask = deliverTask;
    }

    void outbox(final RepOutbox outbox)
    {
        this.outbox = outbox;
    }

    /**
     * Delivery event loop: an event of the session is in the journal.
     */
    void onJournaled(final long request, final long sequence, final boolean duplicate)
    {
        replies.onJournaled(request, sequence, duplicate);
    }

    /**
     * Delivery event loop: an event of the session could not be journaled.
     */
    void onRejected(final long request, final AckListener.RejectReason reason)
    {
        replies.onRejected(request, reason);
    }

    /**
     * Delivery event loop: an output for the session's rep, copied. When the outbox is full and the
     * session lives on this loop it is delivered to at once to make room; a rep that still has no room,
     * or one on another loop, is behind and will be cut off.
     *
     * @return true when the output was taken.
     */
    boolean onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        final RepOutbox outbox = this.outbox;
        if (null == outbox || outbox.overflowed())
        {
            return false;
        }
        if (outbox.offer(buffer, offset, length))
        {
            return true;
        }
        if (eventLoop.inEventLoop())
        {
            deliverTask.run();
            if (outbox.offer(buffer, offset, length))
            {
                return true;
            }
        }

        outbox.overflow();
        return false;
    }

    /**
     * Delivery event loop: mark the session touched by pass {@code pass}.
     *
     * @return true the first time in the pass.
     */
    boolean touch(final long pass)
    {
        if (this.pass == pass)
        {
            return false;
        }

        this.pass = pass;
        return true;
    }

    /**
     * Delivery event loop, at the end of a pass that touched the session: deliver.
     */
    void deliver()
    {
        if (eventLoop.inEventLoop())
        {
            deliverTask.run();
        }
        // A full fence (getAndSet) after the queues' writes: the task that clears the flag then reads them.
        else if (!deliveryScheduled.getAndSet(true))
        {
            try
            {
                eventLoop.execute(deliverTask);
            }
            catch (final RejectedExecutionException ignore)
            {
                // The event loops are shutting down and close every connection with them.
            }
        }
    }

    /**
     * Session's event loop: the delivery task calls this first, so anything left from now on schedules it again.
     */
    void onDeliveryStart()
    {
        deliveryScheduled.set(false);
    }
}
