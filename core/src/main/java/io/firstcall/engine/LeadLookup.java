package io.firstcall.engine;

import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.LeadRegistry;
import org.agrona.DirectBuffer;

/**
 * Finds the lead an event names, creating it (and recording {@code LeadCreated}) when it is new.
 */
final class LeadLookup
{
    private final MachineRecords records;

    LeadLookup(final MachineRecords records)
    {
        this.records = records;
    }

    /**
     * @param id the lead id, from offset 0 to the buffer's capacity.
     */
    Lead lead(final Tenant tenant, final DirectBuffer id, final long nowNs)
    {
        final LeadRegistry leads = tenant.leads();
        final int known = leads.size();
        final Lead lead = leads.findOrCreate(id, 0, id.capacity(), nowNs);
        if (leads.size() > known)
        {
            records.leadCreated(leads, lead.index(), tenant.rules().version());
        }
        return lead;
    }
}
