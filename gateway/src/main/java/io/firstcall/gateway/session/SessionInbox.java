package io.firstcall.gateway.session;

import io.firstcall.pipeline.AckListener;
import io.netty.channel.EventLoop;
import org.agrona.DirectBuffer;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the engine thread leaves a session's acknowledgements and pushes: it puts them in the
 * session's preallocated single-producer queues and schedules the session's one drain task on its
 * event loop, unless that task is already scheduled. Never waits, never touches the channel, and
 * allocates nothing once the event loop's task queue is warm.
 */
final class SessionInbox
{
    private final ReplySequencer replies;
    private final EventLoop eventLoop;
    private final Runnable drainTask;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** Set on the event loop before the session enters the rep directory, which publishes it. */
    private RepOutbox outbox;

    SessionInbox(final ReplySequencer replies, final EventLoop eventLoop, final Runnable drainTask)
    {
        this.replies = replies;
        this.eventLoop = eventLoop;
        this.drainTask = drainTask;
    }

    void outbox(final RepOutbox outbox)
    {
        this.outbox = outbox;
    }

    /**
     * Engine thread: an event of the session is in the journal.
     */
    void onJournaled(final long request, final long sequence, final boolean duplicate)
    {
        replies.onJournaled(request, sequence, duplicate);
        scheduleDrain();
    }

    /**
     * Engine thread: an event of the session could not be journaled.
     */
    void onRejected(final long request, final AckListener.RejectReason reason)
    {
        replies.onRejected(request, reason);
        scheduleDrain();
    }

    /**
     * Engine thread: an output for the session's rep; copied, never waited for.
     */
    void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        final RepOutbox outbox = this.outbox;
        if (null != outbox && !outbox.overflowed())
        {
            outbox.offer(buffer, offset, length);
            scheduleDrain();
        }
    }

    /**
     * Event loop: the drain task calls this first, so anything queued from now on schedules it again.
     */
    void onDrainStart()
    {
        drainScheduled.set(false);
    }

    private void scheduleDrain()
    {
        if (!drainScheduled.get() && drainScheduled.compareAndSet(false, true))
        {
            try
            {
                eventLoop.execute(drainTask);
            }
            catch (final RejectedExecutionException ignore)
            {
                // The event loops are shutting down and close every connection with them.
            }
        }
    }
}
