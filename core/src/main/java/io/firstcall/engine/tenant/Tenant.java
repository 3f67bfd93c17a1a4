package io.firstcall.engine.tenant;

import io.firstcall.engine.lead.LeadRegistry;
import io.firstcall.engine.routing.RepBook;

/**
 * A tenant inside the engine: its current rules and its leads. Tenants are walls: nothing in one
 * tenant's state refers to another's.
 */
public final class Tenant
{
    private final int index;
    private final LeadRegistry leads;
    private final RepBook reps = new RepBook();
    private TenantRules rules;
    private long anonymousVisits;

    Tenant(final int index, final TenantRules rules, final int initialLeadCapacity)
    {
        this.index = index;
        this.rules = rules;
        this.leads = new LeadRegistry(initialLeadCapacity);
        reps.bind(rules.roster());
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
        reps.bind(rules.roster());
    }

    /**
     * The tenant's reps: presence, capacity load and fairness credit, bound to the current roster.
     */
    public RepBook reps()
    {
        return reps;
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
