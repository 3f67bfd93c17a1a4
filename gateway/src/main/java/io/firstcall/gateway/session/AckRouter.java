package io.firstcall.gateway.session;

import io.firstcall.pipeline.AckListener;

/**
 * Routes the engine's acknowledgements to the sessions that offered the events. Runs on the engine
 * thread: one array read to find the session from the correlation id, one enqueue, no allocation.
 * Events the engine offered itself (correlation id -1) and events of connections gone since are ignored.
 */
public final class AckRouter implements AckListener
{
    private final SessionRegistry registry;

    public AckRouter(final SessionRegistry registry)
    {
        this.registry = registry;
    }

    public void onJournaled(final long correlationId, final long sequence, final boolean duplicate)
    {
        final Session session = sessionOf(correlationId);
        if (null != session)
        {
            session.inbox().onJournaled(SessionRegistry.request(correlationId), sequence, duplicate);
        }
    }

    public void onRejected(final long correlationId, final RejectReason reason)
    {
        final Session session = sessionOf(correlationId);
        if (null != session)
        {
            session.inbox().onRejected(SessionRegistry.request(correlationId), reason);
        }
    }

    private Session sessionOf(final long correlationId)
    {
        return correlationId < 0 ? null : registry.find(SessionRegistry.connectionId(correlationId));
    }
}
