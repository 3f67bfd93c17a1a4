package io.firstcall.engine;

import io.firstcall.engine.lead.ByteKeyIndex;
import io.firstcall.engine.tenant.TenantRules;
import io.firstcall.event.Bytes;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

/**
 * The tenants the engine knows, by a dense index in the order their first configuration was
 * applied (timers carry it). A tenant exists only once a configuration change for it has been
 * journaled; events for unknown tenants are ignored. Tenants are never removed.
 */
final class TenantDirectory
{
    private final ByteKeyIndex ids = new ByteKeyIndex(16);
    private final ArrayList<Tenant> tenants = new ArrayList<>();
    private final int initialLeadCapacity;
    private Tenant last;

    TenantDirectory(final int initialLeadCapacity)
    {
        this.initialLeadCapacity = initialLeadCapacity;
    }

    /**
     * @return the tenant, or null when unknown.
     */
    Tenant find(final DirectBuffer buffer, final int offset, final int length)
    {
        // Consecutive events are mostly for the same tenant: comparing its id beats hashing.
        final Tenant last = this.last;
        if (null != last && length == last.leads().tenantId().capacity() &&
            Bytes.equal(last.leads().tenantId(), 0, buffer, offset, length))
        {
            return last;
        }
        final int index = ids.get(buffer, offset, length);
        if (ByteKeyIndex.MISSING == index)
        {
            return null;
        }
        this.last = tenants.get(index);
        return this.last;
    }

    Tenant find(final String tenantId)
    {
        final byte[] bytes = tenantId.getBytes(StandardCharsets.UTF_8);
        return find(new UnsafeBuffer(bytes), 0, bytes.length);
    }

    /**
     * Install or replace a tenant's rules.
     *
     * @param document the configuration document they were parsed from.
     */
    Tenant apply(final TenantRules rules, final byte[] document)
    {
        final Tenant tenant = add(rules.tenant().getBytes(StandardCharsets.UTF_8));
        tenant.rules(rules, document);
        return tenant;
    }

    /**
     * @return the tenant with this id, added (without rules) when new.
     */
    Tenant add(final byte[] id)
    {
        final int index = ids.getOrAdd(new UnsafeBuffer(id), 0, id.length);
        if (index == tenants.size())
        {
            tenants.add(new Tenant(index, id, initialLeadCapacity));
        }
        return tenants.get(index);
    }

    Tenant tenant(final int index)
    {
        return tenants.get(index);
    }

    int size()
    {
        return tenants.size();
    }
}
