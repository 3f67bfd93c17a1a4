package io.firstcall.gateway.limit;

import io.firstcall.gateway.GatewayContext;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ObjLongConsumer;

/**
 * Every configured tenant's rate limit and counters, built once at launch from the gateway's
 * settings; {@link #admit} gives each authenticated connection its {@link EventAdmission}.
 */
public final class TenantTrafficTable
{
    /** Counter type id of per-tenant gateway counters. */
    public static final int TENANT_COUNTER_TYPE_ID = 3;

    private static final String[] COUNTER_NAMES = { "connections_open", "events_offered", "events_rate_limited" };

    private final GatewayContext context;
    private final Map<String, TenantTraffic> tenants = new LinkedHashMap<>();

    public TenantTrafficTable(final GatewayContext context)
    {
        this.context = context;
        final int count = Math.max(1, context.tenants().size() * COUNTER_NAMES.length);
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(
                count * CountersReader.METADATA_LENGTH, BitUtil.CACHE_LINE_LENGTH)),
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(
                count * CountersReader.COUNTER_LENGTH, BitUtil.CACHE_LINE_LENGTH)));

        for (final String tenant : context.tenants().keySet())
        {
            final AtomicCounter[] counters = new AtomicCounter[COUNTER_NAMES.length];
            for (int i = 0; i < counters.length; i++)
            {
                counters[i] = manager.newCounter(tenant + ":" + COUNTER_NAMES[i], TENANT_COUNTER_TYPE_ID);
            }
            final long rate = context.tenantEventsPerSecond();
            tenants.put(tenant, new TenantTraffic(
                0 == rate ? null : new TokenBucket(rate, context.tenantBurst()),
                "more than " + rate + " events/s for this tenant; send it again later",
                counters[0], counters[1], counters[2]));
        }
    }

    /**
     * A connection of {@code tenant} was authenticated. Once per connection.
     *
     * @throws IllegalArgumentException for a tenant that is not configured.
     */
    public EventAdmission admit(final String tenant)
    {
        final TenantTraffic traffic = tenants.get(tenant);
        if (null == traffic)
        {
            throw new IllegalArgumentException("not a configured tenant");
        }
        final long rate = context.connectionEventsPerSecond();
        return new EventAdmission(
            0 == rate ? null : new TokenBucket(rate, context.connectionBurst()),
            "more than " + rate + " events/s on this connection; send it again later",
            traffic);
    }

    /**
     * @return the configured tenants' ids, in configuration order.
     */
    public Iterable<String> tenants()
    {
        return tenants.keySet();
    }

    /**
     * Hand each counter of one tenant, by name, to {@code consumer}; nothing for an unknown tenant.
     */
    public void forEachCounter(final String tenant, final ObjLongConsumer<String> consumer)
    {
        final TenantTraffic traffic = tenants.get(tenant);
        if (null != traffic)
        {
            consumer.accept(COUNTER_NAMES[0], traffic.connectionsOpen.get());
            consumer.accept(COUNTER_NAMES[1], traffic.eventsOffered.get());
            consumer.accept(COUNTER_NAMES[2], traffic.eventsRateLimited.get());
        }
    }
}
