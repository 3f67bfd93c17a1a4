package io.firstcall.engine.lead;

/**
 * One lead's profile and recent activity, owned by the engine thread. Created once when the lead
 * is first seen and updated in place afterwards.
 * <p>
 * What scoring and routing keep about the lead is theirs (their types live in their packages, which
 * depend on this one, not the other way round); the lead only carries it, in two opaque slots, so
 * that reaching it from the lead is one load rather than a lookup in another table, which would
 * be another cache miss on every event.
 */
public final class Lead
{
    public static final int NO_EMPLOYEES = -1;

    private final int index;
    private final long createdNs;
    // Allocated first, so it lies next to the lead: nearly every event records activity.
    private final RecentActivity activity = new RecentActivity();
    private final LeadProfile profile = new LeadProfile();
    private int employees = NO_EMPLOYEES;
    private Object scoring;
    private Object routing;

    Lead(final int index, final long createdNs)
    {
        this.index = index;
        this.createdNs = createdNs;
    }

    /**
     * @return the lead's dense index in its tenant, stable for the life of the engine.
     */
    public int index()
    {
        return index;
    }

    public long createdNs()
    {
        return createdNs;
    }

    /**
     * The profile as the lead's events gave it; the owner as routing last assigned it.
     */
    public LeadProfile profile()
    {
        return profile;
    }

    public int employees()
    {
        return employees;
    }

    public void employees(final int employees)
    {
        this.employees = employees;
    }

    /**
     * @return the scoring package's state for this lead, or null before it scored the lead.
     */
    public Object scoring()
    {
        return scoring;
    }

    public void scoring(final Object state)
    {
        scoring = state;
    }

    /**
     * @return the routing package's state for this lead, or null before it routed the lead.
     */
    public Object routing()
    {
        return routing;
    }

    public void routing(final Object state)
    {
        routing = state;
    }

    /**
     * @return the lead's recent activity.
     */
    public RecentActivity activity()
    {
        return activity;
    }
}
