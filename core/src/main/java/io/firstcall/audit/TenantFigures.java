package io.firstcall.audit;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One tenant's {@link Figures}: all its hot leads, and grouped by team, by rep and by lead source.
 * Groups are sorted by name; leads with no team, rep or source are in the group {@link #NONE}.
 */
public final class TenantFigures
{
    /**
     * The group of leads without a team, rep or source.
     */
    public static final String NONE = "(none)";

    /**
     * What the hot leads can be grouped by.
     */
    public enum Dimension
    {
        TEAM, REP, SOURCE
    }

    private final String tenant;
    private final Figures total;
    private final SortedMap<String, Figures> teams;
    private final SortedMap<String, Figures> reps;
    private final SortedMap<String, Figures> sources;

    TenantFigures(
        final String tenant, final Figures total, final TreeMap<String, Figures> teams, final TreeMap<String, Figures> reps,
        final TreeMap<String, Figures> sources)
    {
        this.tenant = tenant;
        this.total = total;
        this.teams = Collections.unmodifiableSortedMap(teams);
        this.reps = Collections.unmodifiableSortedMap(reps);
        this.sources = Collections.unmodifiableSortedMap(sources);
    }

    public String tenant()
    {
        return tenant;
    }

    public Figures total()
    {
        return total;
    }

    public Map<String, Figures> by(final Dimension dimension)
    {
        switch (dimension)
        {
            case TEAM:
                return teams;
            case REP:
                return reps;
            default:
                return sources;
        }
    }
}
