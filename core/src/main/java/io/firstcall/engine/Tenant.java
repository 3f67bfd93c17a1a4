package io.firstcall.engine;

import io.firstcall.engine.lead.LeadTable;
import io.firstcall.engine.routing.TenantRouting;
import io.firstcall.engine.scoring.TenantScoring;
import io.firstcall.engine.tenant.TenantRules;

import java.util.ArrayList;

/**
 * A tenant inside the engine: its current rules, its leads, and what scoring and routing keep
 * about them. Tenants are walls: nothing in one tenant's state refers to another's.
 * <p>
 * It keeps the configuration document of every scoring generation ({@link TenantScoring}): a lead's
 * signals may name a model of rules no longer in force, and a snapshot carries those documents so
 * that loading it parses them again with the one parser.
 */
final class Tenant
{
    private final LeadTable leads;
    private final TenantScoring scoring;
    private final TenantRouting routing;
    private final ArrayList<byte[]> documents = new ArrayList<>();
    private TenantRules rules;
    private long anonymousVisits;

    Tenant(final int index, final byte[] id, final int initialLeadCapacity)
    {
        leads = new LeadTable(index, id, initialLeadCapacity);
        scoring = new TenantScoring(leads);
        routing = new TenantRouting(leads);
    }

    TenantRules rules()
    {
        return rules;
    }

    /**
     * Put new rules in force from this journal position on.
     *
     * @param document the configuration document they were parsed from.
     */
    void rules(final TenantRules rules, final byte[] document)
    {
        this.rules = rules;
        if (scoring.bind(rules.scoring(), rules.hot(), rules.version()))
        {
            documents.add(document);
        }
        routing.bind(rules.roster(), rules.version());
    }

    /**
     * @return the document of scoring generation {@code generation}.
     */
    byte[] document(final int generation)
    {
        return documents.get(generation);
    }

    /**
     * A snapshot's generations, before the rules in force (the last of them) are bound.
     */
    void restoreDocuments(final byte[][] documents)
    {
        for (final byte[] document : documents)
        {
            this.documents.add(document);
        }
    }

    LeadTable leads()
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
     * @return how long an inactive lead without an open episode is kept; 0: forever.
     */
    long leadEvictionNs()
    {
        return rules.leadEvictionNs();
    }

    /**
     * @return page visits by leads the tenant has never seen: counted, never scored or alerted.
     */
    long anonymousVisits()
    {
        return anonymousVisits;
    }

    void anonymousVisits(final long visits)
    {
        anonymousVisits = visits;
    }

    void countAnonymousVisit()
    {
        anonymousVisits++;
    }
}
