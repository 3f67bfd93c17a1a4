package io.firstcall.gateway.limit;

import io.firstcall.gateway.metrics.TenantActivity;

/**
 * One authenticated connection's admission of events: its own rate limit, then its tenant's; an
 * event refused by either takes no token from the other. Counts the connection and what it admits
 * and refuses for the tenant. Event loop of the connection only; the tenant's share is thread-safe.
 */
public final class EventAdmission
{
    private final TokenBucket connection;
    private final String connectionRefusal;
    private final TenantLimit tenant;
    private final TenantActivity counts;
    private String refusal;
    private boolean released;

    EventAdmission(
        final TokenBucket connection,
        final String connectionRefusal,
        final TenantLimit tenant,
        final TenantActivity counts)
    {
        this.connection = connection;
        this.connectionRefusal = connectionRefusal;
        this.tenant = tenant;
        this.counts = counts;
        counts.onConnectionOpened(tenant.tenantSlot);
    }

    /**
     * @return the tenant's slot in the per-tenant counters.
     */
    public int tenantSlot()
    {
        return tenant.tenantSlot;
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
        counts.onEventAccepted(tenant.tenantSlot);

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
            counts.onConnectionClosed(tenant.tenantSlot);
        }
    }

    private boolean refuse(final String why)
    {
        refusal = why;
        counts.onEventRateLimited(tenant.tenantSlot);
        return false;
    }
}
