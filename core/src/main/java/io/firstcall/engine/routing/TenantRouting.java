package io.firstcall.engine.routing;

import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.LeadRegistry;


/**
 * One tenant's routing state: its reps (presence, load, fairness credit, bound to the roster in
 * force), the configuration version that brought the roster, and each lead's {@link Episode},
 * which the lead carries ({@link Lead#routing()}), created the first time the lead is routed.
 */
public final class TenantRouting
{
    private final LeadRegistry leads;
    private final RepBook reps = new RepBook();
    private long version;

    public TenantRouting(final LeadRegistry leads)
    {
        this.leads = leads;
    }

    /**
     * Put a new roster in force; reps keep their live state.
     */
    public void bind(final Roster roster, final long version)
    {
        reps.bind(roster);
        this.version = version;
    }

    public LeadRegistry leads()
    {
        return leads;
    }

    public RepBook reps()
    {
        return reps;
    }

    Roster roster()
    {
        return reps.roster();
    }

    long version()
    {
        return version;
    }

    /**
     * @return the lead's episode, or null when it was never routed.
     */
    Episode existing(final Lead lead)
    {
        return (Episode)lead.routing();
    }

    Episode episode(final Lead lead)
    {
        final Object state = lead.routing();
        if (null != state)
        {
            return (Episode)state;
        }
        final Episode episode = new Episode();
        lead.routing(episode);
        return episode;
    }
}
