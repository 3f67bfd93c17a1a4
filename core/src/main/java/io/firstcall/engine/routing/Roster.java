package io.firstcall.engine.routing;

import io.firstcall.engine.lead.ByteKeyIndex;
import io.firstcall.engine.lead.LeadTable;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A tenant's sales organisation as configured: teams, reps and the routing policy. Immutable.
 * An empty roster means firstcall knows no reps: a hot lead's alert goes to its owner as given, or
 * to the tenant's manager queue.
 */
public final class Roster
{
    public static final int NONE = -1;
    public static final int DEFAULT_RECENT_ACTIVITY = 5;
    public static final int MAX_RECENT_ACTIVITY = LeadTable.ACTIVITY_CAPACITY;
    public static final long DEFAULT_HOLD_NS = TimeUnit.HOURS.toNanos(24);
    public static final long DEFAULT_CLAIM_WINDOW_NS = TimeUnit.MINUTES.toNanos(5);
    static final Roster EMPTY = new Roster(
        List.of(), List.of(), true, DEFAULT_RECENT_ACTIVITY, DEFAULT_HOLD_NS, DEFAULT_CLAIM_WINDOW_NS, "");

    private final TeamDefinition[] teams;
    private final RepDefinition[] reps;
    private final ByteKeyIndex repIds;
    private final int[] backups;
    private final int[] teamBackups;
    private final boolean acceptUnalertedClaims;
    private final int recentActivity;
    private final long holdNs;
    private final long claimWindowNs;
    private final byte[] managerQueue;
    private final int largestTeam;

    /**
     * @param acceptUnalertedClaims whether a rep who was not alerted may claim a lead by calling it.
     * @param recentActivity        how many recent lead events an alert carries.
     * @param holdNs                how long a lead counts against its holder's capacity at most.
     * @param claimWindowNs         the tenant's claim window, for leads no team takes.
     * @param managerQueue          the tenant's manager queue, for leads no team takes.
     */
    public Roster(
        final List<TeamDefinition> teams,
        final List<RepDefinition> reps,
        final boolean acceptUnalertedClaims,
        final int recentActivity,
        final long holdNs,
        final long claimWindowNs,
        final String managerQueue)
    {
        this.teams = teams.toArray(new TeamDefinition[0]);
        this.reps = reps.toArray(new RepDefinition[0]);
        this.acceptUnalertedClaims = acceptUnalertedClaims;
        this.recentActivity = recentActivity;
        this.holdNs = holdNs;
        this.claimWindowNs = claimWindowNs;
        this.managerQueue = managerQueue.getBytes(StandardCharsets.UTF_8);
        this.repIds = new ByteKeyIndex(Math.max(16, reps.size() * 2));
        for (final RepDefinition rep : reps)
        {
            repIds.getOrAdd(new UnsafeBuffer(rep.idBytes()), 0, rep.idBytes().length);
        }
        backups = new int[this.reps.length];
        for (int i = 0; i < backups.length; i++)
        {
            backups[i] = find(this.reps[i].backup());
        }
        teamBackups = new int[this.teams.length];
        int largest = 0;
        for (int i = 0; i < teamBackups.length; i++)
        {
            teamBackups[i] = find(this.teams[i].backup());
            largest = Math.max(largest, this.teams[i].memberCount());
        }
        largestTeam = largest;
    }

    public boolean isEmpty()
    {
        return 0 == reps.length;
    }

    public int teamCount()
    {
        return teams.length;
    }

    public TeamDefinition team(final int index)
    {
        return teams[index];
    }

    public int repCount()
    {
        return reps.length;
    }

    public RepDefinition rep(final int index)
    {
        return reps[index];
    }

    public int largestTeam()
    {
        return largestTeam;
    }

    /**
     * @return the rep's index, or {@link #NONE} when not configured.
     */
    public int find(final DirectBuffer buffer, final int offset, final int length)
    {
        final int index = repIds.get(buffer, offset, length);
        return ByteKeyIndex.MISSING == index ? NONE : index;
    }

    /**
     * @return the backup of rep {@code rep}, or {@link #NONE}.
     */
    public int backupOf(final int rep)
    {
        return backups[rep];
    }

    /**
     * @return the backup rep of team {@code team}, or {@link #NONE}.
     */
    public int teamBackup(final int team)
    {
        return teamBackups[team];
    }

    /**
     * The team that takes a lead: the team of its owner when the owner is a configured rep, else
     * the first team (in configuration order) whose territory covers it.
     *
     * @return the team's index, or {@link #NONE} when no team takes it.
     */
    public int teamFor(final LeadTable leads, final int lead)
    {
        if (!leads.profileEmpty(lead, LeadTable.OWNER))
        {
            final int owner = find(
                leads.profileBuffer(), leads.profileOffset(lead, LeadTable.OWNER), leads.profileLength(lead, LeadTable.OWNER));
            if (NONE != owner)
            {
                return reps[owner].team();
            }
        }
        for (int i = 0; i < teams.length; i++)
        {
            if (teams[i].covers(leads, lead))
            {
                return i;
            }
        }
        return NONE;
    }

    public boolean acceptUnalertedClaims()
    {
        return acceptUnalertedClaims;
    }

    public int recentActivity()
    {
        return recentActivity;
    }

    public long holdNs()
    {
        return holdNs;
    }

    public long claimWindowNs()
    {
        return claimWindowNs;
    }

    /**
     * @return the tenant's manager queue id: where a lead no team takes waits when nobody is offered it.
     */
    public byte[] managerQueue()
    {
        return managerQueue;
    }

    /**
     * @return the manager queue of {@code team}, or the tenant's for {@link #NONE} or a team not in this roster.
     */
    public byte[] managerQueue(final int team)
    {
        return NONE == team || team >= teams.length ? managerQueue : teams[team].managerQueue();
    }

    /**
     * @return true when {@code team} is a team of this roster.
     */
    public boolean hasTeam(final int team)
    {
        return team >= 0 && team < teams.length;
    }

    private int find(final String id)
    {
        if (null == id)
        {
            return NONE;
        }
        final UnsafeBuffer bytes = new UnsafeBuffer(id.getBytes(StandardCharsets.UTF_8));
        return find(bytes, 0, bytes.capacity());
    }
}
