package io.firstcall.gateway.limit;

/**
 * One tenant's event rate limit, shared by all its connections on any I/O thread, and the tenant's
 * slot in the per-tenant counters.
 */
final class TenantLimit
{
    final TokenBucket bucket;
    final String refusal;
    final int tenantSlot;

    /**
     * @param bucket null for no limit.
     */
    TenantLimit(final TokenBucket bucket, final String refusal, final int tenantSlot)
    {
        this.bucket = bucket;
        this.refusal = refusal;
        this.tenantSlot = tenantSlot;
    }
}
