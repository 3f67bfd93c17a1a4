package io.firstcall.engine;

import io.firstcall.engine.lead.LeadTable;
import org.agrona.DirectBuffer;

/**
 * Finds the lead an event names, creating it (and recording {@code LeadCreated}) when it is new, and
 * notes the event as the lead's latest activity.
 */
final class LeadLookup
{
    private final MachineRecords records;
    private final LeadEvictions evictions;

    LeadLookup(final MachineRecords records, final LeadEvictions evictions)
    {
        this.records = records;
        this.evictions = evictions;
    }

    /**
     * @param id the lead id, from offset 0 to the buffer's capacity.
     * @return the lead's index.
     */
    int lead(final Tenant tenant, final DirectBuffer id, final long nowNs)
    {
        final LeadTable leads = tenant.leads();
        final int known = leads.size();
        final int lead = leads.findOrCreate(id, 0, id.capacity(), nowNs);
        if (leads.size() > known)
        {
            tenant.scoring().onLeadCreated(lead);
            tenant.routing().onLeadCreated(lead);
            records.leadCreated(leads, lead, tenant.rules().version());
        }
        evictions.onActivity(tenant, lead, nowNs);
        return lead;
    }

    /**
     * @return the lead's index, or {@link LeadTable#MISSING} when the tenant does not hold it (nothing is created).
     */
    int existing(final Tenant tenant, final DirectBuffer id, final long nowNs)
    {
        final int lead = 0 == id.capacity() ? LeadTable.MISSING : tenant.leads().find(id, 0, id.capacity());
        if (LeadTable.MISSING != lead)
        {
            evictions.onActivity(tenant, lead, nowNs);
        }
        return lead;
    }
}
