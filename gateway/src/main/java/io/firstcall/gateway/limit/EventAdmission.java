package io.firstcall.gateway.limit;

/**
 * One authenticated connection's admission of events: its own rate limit, then its tenant's; an
 * event refused by either takes no token from the other. Counts what it admits and refuses for the
 * tenant. Event loop of the connection only; the tenant's share is thread-safe.
 */
public final class EventAdmission
{
    private final TokenBucket connection;
    private final String connectionRefusal;
    private final TenantTraffic tenant;
    private String refusal;
    private boolean released;

    EventAdmission(final TokenBucket connection, final String connectionRefusal, final TenantTraffic tenant)
    {
        this.connection = connection;
        this.connectionRefusal = connectionRefusal;
        this.tenant = tenant;
        tenant.connectionsOpen.increment();
    }

    /**
     * @param nowNs the event's receive time, from the gateway's clock.
     * @return true when the event may be offered to the engine.
     */
    public boolean tryAdmit(final long nowNs)
    {
        if (null != connection && !connection.hasToken(nowNs))
        {
            return refuse(connectionRefusal);
        }
        if (null != tenant.bucket && !tenant.bucket.tryAcquire(nowNs))
        {
            return refuse(tenant.refusal);
        }
        if (null != connection)
        {
            connection.tryAcquire(nowNs);
        }
        tenant.eventsOffered.increment();

        return true;
    }

    /**
     * @return why the last event was refused.
     */
    public String refusal()
    {
        return refusal;
    }

    /**
     * The connection closed.
     */
    public void release()
    {
        if (!released)
        {
            released = true;
            tenant.connectionsOpen.decrement();
        }
    }

    private boolean refuse(final String why)
    {
        refusal = why;
        tenant.eventsRateLimited.increment();
        return false;
    }
}
