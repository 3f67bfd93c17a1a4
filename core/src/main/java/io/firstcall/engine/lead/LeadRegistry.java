package io.firstcall.engine.lead;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;

/**
 * One tenant's leads by id, and the tenant's own id and index, which every output about its leads
 * names. Lookups do not allocate; a new lead costs one {@link Lead}.
 */
public final class LeadRegistry
{
    private final int tenantIndex;
    private final UnsafeBuffer tenantId;
    private final ByteKeyIndex ids;
    private final ArrayList<Lead> leads;

    /**
     * @param tenantId the tenant's id as UTF-8 bytes; kept, not copied.
     */
    public LeadRegistry(final int tenantIndex, final byte[] tenantId, final int initialCapacity)
    {
        this.tenantIndex = tenantIndex;
        this.tenantId = new UnsafeBuffer(tenantId);
        ids = new ByteKeyIndex(initialCapacity);
        leads = new ArrayList<>(initialCapacity);
    }

    /**
     * @return the tenant's dense index in the engine, as timers carry it.
     */
    public int tenantIndex()
    {
        return tenantIndex;
    }

    /**
     * @return the tenant's id bytes, from offset 0 to the buffer's capacity.
     */
    public DirectBuffer tenantId()
    {
        return tenantId;
    }

    public int size()
    {
        return leads.size();
    }

    /**
     * @return the lead, or null when it was never seen.
     */
    public Lead find(final DirectBuffer buffer, final int offset, final int length)
    {
        final int index = ids.get(buffer, offset, length);
        return ByteKeyIndex.MISSING == index ? null : leads.get(index);
    }

    /**
     * @return the lead, created at {@code nowNs} when new (see {@link #size()}).
     */
    public Lead findOrCreate(final DirectBuffer buffer, final int offset, final int length, final long nowNs)
    {
        final int index = ids.getOrAdd(buffer, offset, length);
        if (index == leads.size())
        {
            leads.add(new Lead(index, nowNs));
        }
        return leads.get(index);
    }

    public Lead lead(final int index)
    {
        return leads.get(index);
    }

    /**
     * The lead's id as UTF-8 bytes in {@link #idBuffer()}.
     */
    public int idOffset(final int index)
    {
        return ids.keyOffset(index);
    }

    public int idLength(final int index)
    {
        return ids.keyLength(index);
    }

    public DirectBuffer idBuffer()
    {
        return ids.keyBuffer();
    }

    public String id(final int index)
    {
        return ids.keyString(index);
    }
}
