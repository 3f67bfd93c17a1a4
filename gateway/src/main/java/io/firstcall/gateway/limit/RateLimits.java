package io.firstcall.gateway.limit;

import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.metrics.TenantActivity;

import java.util.HashMap;
import java.util.Map;

/**
 * Every configured tenant's event rate limit, built once at launch from the gateway's settings;
 * {@link #admit} gives each authenticated connection its {@link EventAdmission}, which counts what it
 * admits and refuses in the per-tenant counters ({@link TenantActivity}).
 */
public final class RateLimits
{
    private final GatewayContext context;
    private final TenantActivity tenants;
    private final Map<String, TenantLimit> limits = new HashMap<>();

    public RateLimits(final GatewayContext context, final TenantActivity tenants)
    {
        this.context = context;
        this.tenants = tenants;
        final long rate = context.tenantEventsPerSecond();
        for (final String tenant : context.tenants().keySet())
        {
            limits.put(tenant, new TenantLimit(
                0 == rate ? null : new TokenBucket(rate, context.tenantBurst()),
                "more than " + rate + " events/s for this tenant; send it again later",
                tenants.slot(tenant)));
        }
    }

    /**
     * A connection of {@code tenant} was authenticated. Once per connection.
     *
     * @throws IllegalArgumentException for a tenant that is not configured.
     */
    public EventAdmission admit(final String tenant)
    {
        final TenantLimit limit = limits.get(tenant);
        if (null == limit)
        {
            throw new IllegalArgumentException("not a configured tenant");
        }
        final long rate = context.connectionEventsPerSecond();
        return new EventAdmission(
            0 == rate ? null : new TokenBucket(rate, context.connectionBurst()),
            "more than " + rate + " events/s on this connection; send it again later",
            limit,
            tenants);
    }
}
