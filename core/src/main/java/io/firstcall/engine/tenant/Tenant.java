package io.firstcall.engine.tenant;

import io.firstcall.engine.lead.LeadRegistry;

/**
 * A tenant inside the engine: its current rules and its leads. Tenants are walls: nothing in one
 * tenant's state refers to another's.
 */
public final class Tenant
{
    private final int index;
    private final LeadRegistry leads;
    private TenantRules rules;
    private long anonymousVisits;

    Tenant(final int index, final TenantRules rules, final int initialLeadCapacity)
    {
        this.index = index;
        this.rules = rules;
        this.leads = new LeadRegistry(initialLeadCapacity);
    }

    public int index()
    {
        return index;
    }

    public TenantRules rules()
    {
        return rules;
    }

    void rules(final TenantRules rules)
    {
        this.rules = rules;
    }

    public LeadRegistry leads()
    {
        return leads;
    }

    /**
     * @return page visits by leads the tenant has never seen: counted, never scored or alerted.
     */
    public long anonymousVisits()
    {
        return anonymousVisits;
    }

    public void countAnonymousVisit()
    {
        anonymousVisits++;
    }
}
