package io.firstcall.engine.routing;

import java.nio.charset.StandardCharsets;

/**
 * One configured rep: identity, team, roles, working hours, capacity, weight and backup.
 * Immutable; a new configuration brings new definitions, while the rep's live state (presence,
 * load, fairness credit) stays in the {@link RepBook}.
 */
public final class RepDefinition
{
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final String id;
    private final byte[] idBytes;
    private final String name;
    private final int team;
    private final RepRoles roles;
    private final WorkingHours hours;
    private final int capacity;
    private final int weight;
    private final String backup;

    /**
     * @param team     the index of the rep's team in the roster.
     * @param hours    null when the rep has no working hours (always in hours).
     * @param capacity the most leads the rep may hold at once, or {@link #UNLIMITED}.
     * @param backup   the backup rep's id, or null.
     */
    public RepDefinition(
        final String id,
        final String name,
        final int team,
        final RepRoles roles,
        final WorkingHours hours,
        final int capacity,
        final int weight,
        final String backup)
    {
        this.id = id;
        this.idBytes = id.getBytes(StandardCharsets.UTF_8);
        this.name = name;
        this.team = team;
        this.roles = roles;
        this.hours = hours;
        this.capacity = capacity;
        this.weight = weight;
        this.backup = backup;
    }

    public String id()
    {
        return id;
    }

    public byte[] idBytes()
    {
        return idBytes;
    }

    public String name()
    {
        return name;
    }

    public int team()
    {
        return team;
    }

    public RepRoles roles()
    {
        return roles;
    }

    public boolean inHours(final long nowNs)
    {
        return null == hours || hours.contains(nowNs);
    }

    public int capacity()
    {
        return capacity;
    }

    public int weight()
    {
        return weight;
    }

    public String backup()
    {
        return backup;
    }
}
