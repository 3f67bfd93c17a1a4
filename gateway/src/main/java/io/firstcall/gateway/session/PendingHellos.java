package io.firstcall.gateway.session;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import io.netty.channel.Channel;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * The connections that have not said hello yet (on the HTTP port: not sent a first request), oldest
 * first. They hold no {@link SessionRegistry} slot, so they can never crowd authenticated sessions
 * out; they are bounded here instead, by count and by time:
 * <ul>
 *   <li>at most {@code maxUnauthenticated}: a new connection over the limit closes the one that has
 *   waited longest ({@code too_many_unauthenticated}). The newcomer is kept because a real client says
 *   hello within a round trip; the oldest is the one least likely to be one. Refusing newcomers
 *   instead would let a flood of silent connections lock every client out, again and again;</li>
 *   <li>each one has {@code helloTimeoutMs} from when it opened ({@code hello_timeout}); bytes do not
 *   extend it.</li>
 * </ul>
 * Connections of every event loop share one list, so admitting and leaving take a lock, once each per
 * connection; nothing here runs per event.
 */
public final class PendingHellos
{
    private final int maxPending;
    private final long helloTimeoutMs;
    private final GatewayCounters counters;
    private final AtomicCounter open;
    private final String evictionMessage;
    private final String timeoutMessage;
    private PendingHello oldest;
    private PendingHello newest;
    private int size;

    PendingHellos(final int maxPending, final long helloTimeoutMs, final GatewayCounters counters)
    {
        this.maxPending = maxPending;
        this.helloTimeoutMs = helloTimeoutMs;
        this.counters = counters;
        this.open = counters.get(GatewayCounter.UNAUTHENTICATED_OPEN);
        this.evictionMessage = "more than " + maxPending + " connections were waiting for a hello; this one waited longest";
        this.timeoutMessage = "no hello within " + helloTimeoutMs + " ms";
    }

    /**
     * Start a new connection's wait for its hello: its deadline runs from now, and it leaves by itself
     * when the channel closes. Until the transport sets another {@link PendingHello.Expiry}, an expired
     * wait just counts and closes the channel. Event loop of the channel.
     */
    public PendingHello admit(final Channel channel)
    {
        final PendingHello pending = new PendingHello(this, channel);
        final PendingHello evicted;
        synchronized (this)
        {
            evicted = size == maxPending ? unlink(oldest) : null;
            link(pending);
        }

        pending.start(helloTimeoutMs);
        if (null != evicted)
        {
            evicted.evictOnItsLoop();
        }

        return pending;
    }

    /**
     * @return connections waiting for their hello now.
     */
    public synchronized int size()
    {
        return size;
    }

    GatewayCounters counters()
    {
        return counters;
    }

    String evictionMessage()
    {
        return evictionMessage;
    }

    String timeoutMessage()
    {
        return timeoutMessage;
    }

    /**
     * The connection said hello, expired, or closed: it no longer counts. Idempotent.
     */
    synchronized void remove(final PendingHello pending)
    {
        if (pending.linked)
        {
            unlink(pending);
        }
    }

    private void link(final PendingHello pending)
    {
        pending.linked = true;
        pending.older = newest;
        if (null == newest)
        {
            oldest = pending;
        }
        else
        {
            newest.newer = pending;
        }
        newest = pending;
        open.set(++size);
    }

    private PendingHello unlink(final PendingHello pending)
    {
        if (null == pending.older)
        {
            oldest = pending.newer;
        }
        else
        {
            pending.older.newer = pending.newer;
        }
        if (null == pending.newer)
        {
            newest = pending.older;
        }
        else
        {
            pending.newer.older = pending.older;
        }
        pending.older = null;
        pending.newer = null;
        pending.linked = false;
        open.set(--size);

        return pending;
    }
}
