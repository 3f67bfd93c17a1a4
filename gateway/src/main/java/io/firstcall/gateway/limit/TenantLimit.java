package io.firstcall.gateway.limit;

import org.agrona.concurrent.status.AtomicCounter;

/**
 * One tenant's share of the gateway: its event rate limit (shared by all its connections, on any I/O
 * thread) and its counters, which /stats shows that tenant and no other.
 */
final class TenantTraffic
{
    final TokenBucket bucket;
    final String refusal;
    final AtomicCounter connectionsOpen;
    final AtomicCounter eventsOffered;
    final AtomicCounter eventsRateLimited;

    /**
     * @param bucket null for no limit.
     */
    TenantTraffic(
        final TokenBucket bucket,
        final String refusal,
        final AtomicCounter connectionsOpen,
        final AtomicCounter eventsOffered,
        final AtomicCounter eventsRateLimited)
    {
        this.bucket = bucket;
        this.refusal = refusal;
        this.connectionsOpen = connectionsOpen;
        this.eventsOffered = eventsOffered;
        this.eventsRateLimited = eventsRateLimited;
    }
}
