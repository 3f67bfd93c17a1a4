package io.firstcall.engine;

import io.firstcall.engine.lead.LeadRegistry;
import io.firstcall.engine.routing.TenantRouting;
import io.firstcall.engine.scoring.TenantScoring;
import io.firstcall.engine.tenant.TenantRules;

/**
 * A tenant inside the engine: its current rules, its leads, and what scoring and routing keep
 * about them. Tenants are walls: nothing in one tenant's state refers to another's.
 */
final class Tenant
{
    private final LeadRegistry leads;
    private final TenantScoring scoring;
    private final TenantRouting routing;
    private TenantRules rules;
    private long anonymousVisits;

    Tenant(final int index, final byte[] id, final TenantRules rules, final int initialLeadCapacity)
    {
        leads = new LeadRegistry(index, id, initialLeadCapacity);
        scoring = new TenantScoring(leads);
        routing = new TenantRouting(leads);
        rules(rules);
    }

    TenantRules rules()
    {
        return rules;
    }

    /**
     * Put new rules in force from this journal position on.
     */
    void rules(final TenantRules rules)
    {
        this.rules = rules;
        scoring.bind(rules.scoring(), rules.hot(), rules.version());
        routing.bind(rules.roster(), rules.version());
    }

    LeadRegistry leads()
    {
        return leads;
    }

    TenantScoring scoring()
    {
        return scoring;
    }

    TenantRouting routing()
    {
        return routing;
    }

    /**
     * @return page visits by leads the tenant has never seen: counted, never scored or alerted.
     */
    long anonymousVisits()
    {
        return anonymousVisits;
    }

    void countAnonymousVisit()
    {
        anonymousVisits++;
    }
}
