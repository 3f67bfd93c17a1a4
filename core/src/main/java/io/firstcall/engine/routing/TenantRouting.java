package io.firstcall.engine.routing;

import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.LeadRegistry;

import java.util.ArrayList;

/**
 * One tenant's routing state: its reps (presence, load, fairness credit, bound to the roster in
 * force), the configuration version that brought the roster, and each lead's {@link Episode} by
 * lead index, created the first time the lead is routed.
 */
public final class TenantRouting
{
    private final LeadRegistry leads;
    private final RepBook reps = new RepBook();
    private final ArrayList<Episode> episodes = new ArrayList<>();
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
        return lead.index() < episodes.size() ? episodes.get(lead.index()) : null;
    }

    Episode episode(final Lead lead)
    {
        final int index = lead.index();
        while (episodes.size() <= index)
        {
            episodes.add(new Episode());
        }
        return episodes.get(index);
    }
}
