package io.firstcall.engine.routing;

import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.Visibility;
import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.Offers;
import io.firstcall.engine.output.DetailBuilder;

import java.util.Arrays;

/**
 * Decides who is offered a hot lead at each step of its episode, and writes why into the step's
 * decision record: the team and its visibility mode, the eligible pool, every rep left out with
 * the reason, the fairness ledger's values and the rep(s) chosen. It changes nothing but the
 * ledger; {@link ClaimBook} sends the alerts.
 * <p>
 * A rep is eligible when available (presence), inside their working hours and under capacity;
 * reps who let this episode lapse are never offered it again.
 */
public final class RoutingPlanner
{
    private static final String[] VISIBILITY_NAMES = {"owned", "all", "role"};

    private final DetailBuilder excluded = new DetailBuilder();
    private int[] pool = new int[16];
    private int[] territory = new int[16];
    private int[] chosen = new int[16];
    private int chosenCount;
    private AssignmentReason reason;
    private int excludedCount;
    private int excludedOwner = Roster.NONE;

    /**
     * @return how many reps {@link #route} or {@link #backup} chose; 0 sends the lead to the manager queue.
     */
    public int chosenCount()
    {
        return chosenCount;
    }

    /**
     * @return the configured index of chosen rep {@code i}.
     */
    public int chosen(final int i)
    {
        return chosen[i];
    }

    /**
     * @return why the chosen rep becomes the owner (owned mode), or null when the lead is only
     * offered and the first to call will own it.
     */
    public AssignmentReason reason()
    {
        return reason;
    }

    /**
     * The first offer of an episode. Sets the lead's team and appends the step's fields to the
     * decision's detail, which the caller opened and will finish.
     */
    public void route(final RepBook book, final Lead lead, final long nowNs, final DetailBuilder detail)
    {
        final Roster roster = book.roster();
        ensureCapacity(roster.largestTeam());
        chosenCount = 0;
        reason = null;
        final int teamIndex = roster.teamFor(lead);
        lead.team(teamIndex);
        if (Roster.NONE == teamIndex)
        {
            detail.raw(",\"team\":null,\"pool\":[],\"excluded\":[]");
            return;
        }

        final TeamDefinition team = roster.team(teamIndex);
        team(detail, team);
        excluded.reset();
        excludedCount = 0;
        excludedOwner = Roster.NONE;
        if (Visibility.OWNED == team.visibility() && existingOwner(book, lead, teamIndex, nowNs))
        {
            detail.raw(",\"pool\":[").quoted(roster.rep(chosen[0]).idBytes()).raw("],\"excluded\":[]");
            detail.raw(",\"assignment\":\"existing_owner\"");
            return;
        }

        int poolSize = 0;
        for (int i = 0; i < team.memberCount(); i++)
        {
            final int rep = team.member(i);
            if (rep == excludedOwner)
            {
                continue;
            }
            final Exclusion why = Visibility.ROLE == team.visibility() && !roster.rep(rep).roles().matches(lead) ?
                Exclusion.ROLE_MISMATCH : exclusion(book, rep, nowNs);
            if (null == why)
            {
                pool[poolSize++] = rep;
            }
            else
            {
                exclude(roster, rep, why);
            }
        }
        reps(detail.raw(",\"pool\":"), roster, pool, poolSize);
        detail.raw(",\"excluded\":[").append(excluded).raw(']');

        if (Visibility.OWNED != team.visibility())
        {
            System.arraycopy(pool, 0, chosen, 0, poolSize);
            chosenCount = poolSize;
            return;
        }
        if (0 == poolSize)
        {
            return;
        }

        int territorySize = 0;
        for (int i = 0; i < poolSize; i++)
        {
            if (roster.rep(pool[i]).roles().matches(lead))
            {
                territory[territorySize++] = pool[i];
            }
        }
        if (territorySize > 0)
        {
            reason = AssignmentReason.TERRITORY;
            choose(book, detail, territory, territorySize, "territory");
        }
        else
        {
            reason = AssignmentReason.ROUND_ROBIN;
            choose(book, detail, pool, poolSize, "round_robin");
        }
    }

    /**
     * The escalation after the first offer lapsed: the backup of the owned-mode owner, else the
     * team's backup rep, whichever is eligible first and has not let this episode lapse.
     */
    public void backup(final RepBook book, final Lead lead, final long nowNs, final DetailBuilder detail)
    {
        final Roster roster = book.roster();
        chosenCount = 0;
        reason = null;
        final int teamIndex = lead.team();
        if (Roster.NONE == teamIndex || teamIndex >= roster.teamCount())
        {
            detail.raw(",\"team\":null");
            lapsed(book, lead.offers(), detail);
            detail.raw(",\"pool\":[],\"excluded\":[]");
            return;
        }

        final TeamDefinition team = roster.team(teamIndex);
        team(detail, team);
        lapsed(book, lead.offers(), detail);
        excluded.reset();
        excludedCount = 0;
        int candidates = 0;
        final Offers offers = lead.offers();
        if (Visibility.OWNED == team.visibility() && offers.count() > 0)
        {
            final int owner = book.definitionOf(offers.rep(0));
            if (Roster.NONE != owner && Roster.NONE != roster.backupOf(owner))
            {
                pool[candidates++] = roster.backupOf(owner);
            }
        }
        final int teamBackup = roster.teamBackup(teamIndex);
        if (Roster.NONE != teamBackup && (0 == candidates || pool[0] != teamBackup))
        {
            pool[candidates++] = teamBackup;
        }

        for (int i = 0; i < candidates; i++)
        {
            final int rep = pool[i];
            final Exclusion why = offers.lapsed(book.stateOf(rep)) ? Exclusion.LAPSED : exclusion(book, rep, nowNs);
            if (null == why)
            {
                chosen[0] = rep;
                chosenCount = 1;
                reason = Visibility.OWNED == team.visibility() ? AssignmentReason.ESCALATION : null;
                detail.raw(",\"pool\":[").quoted(roster.rep(rep).idBytes()).raw(']');
                break;
            }
            exclude(roster, rep, why);
        }
        if (0 == chosenCount)
        {
            detail.raw(",\"pool\":[]");
        }
        detail.raw(",\"excluded\":[").append(excluded).raw(']');
    }

    /**
     * @return why configured rep {@code rep} cannot take a lead now, or null when eligible.
     */
    public static Exclusion exclusion(final RepBook book, final int rep, final long nowNs)
    {
        final int state = book.stateOf(rep);
        final RepDefinition definition = book.roster().rep(rep);
        if (!book.available(state))
        {
            return book.busy(state) ? Exclusion.BUSY : Exclusion.OFFLINE;
        }
        if (!definition.inHours(nowNs))
        {
            return Exclusion.OUTSIDE_HOURS;
        }
        if (book.load(state) >= definition.capacity())
        {
            return Exclusion.AT_CAPACITY;
        }
        return null;
    }

    public static String visibilityName(final Visibility visibility)
    {
        return VISIBILITY_NAMES[visibility.ordinal()];
    }

    private boolean existingOwner(final RepBook book, final Lead lead, final int teamIndex, final long nowNs)
    {
        if (lead.owner().isEmpty())
        {
            return false;
        }
        final Roster roster = book.roster();
        final int owner = roster.find(lead.owner().buffer(), 0, lead.owner().length());
        if (Roster.NONE == owner || roster.rep(owner).team() != teamIndex)
        {
            return false;
        }
        final Exclusion why = exclusion(book, owner, nowNs);
        if (null != why)
        {
            exclude(roster, owner, why);
            excludedOwner = owner;
            return false;
        }
        chosen[0] = owner;
        chosenCount = 1;
        reason = AssignmentReason.EXISTING_OWNER;
        return true;
    }

    private void choose(final RepBook book, final DetailBuilder detail, final int[] candidates, final int size, final String how)
    {
        final Roster roster = book.roster();
        final int best = FairnessLedger.choose(book, candidates, size);
        long totalWeight = 0;
        for (int i = 0; i < size; i++)
        {
            totalWeight += roster.rep(candidates[i]).weight();
        }
        detail.raw(",\"assignment\":\"").raw(how).raw("\",\"ledger\":[");
        for (int i = 0; i < size; i++)
        {
            final RepDefinition rep = roster.rep(candidates[i]);
            final long credit = book.credit(book.stateOf(candidates[i])) + (i == best ? totalWeight : 0);
            detail.raw(i > 0 ? ",{\"rep\":" : "{\"rep\":").quoted(rep.idBytes())
                .raw(",\"weight\":").number(rep.weight()).raw(",\"credit\":").number(credit).raw('}');
        }
        detail.raw("],\"poolWeight\":").number(totalWeight);
        chosen[0] = candidates[best];
        chosenCount = 1;
    }

    private void exclude(final Roster roster, final int rep, final Exclusion why)
    {
        excluded.raw(excludedCount++ > 0 ? ",{\"rep\":" : "{\"rep\":").quoted(roster.rep(rep).idBytes())
            .raw(",\"reason\":\"").escaped(why.wireName()).raw("\"}");
    }

    private static void team(final DetailBuilder detail, final TeamDefinition team)
    {
        detail.raw(",\"team\":").quoted(team.idBytes())
            .raw(",\"visibility\":\"").raw(visibilityName(team.visibility())).raw('"');
    }

    private static void lapsed(final RepBook book, final Offers offers, final DetailBuilder detail)
    {
        detail.raw(",\"lapsed\":[");
        for (int i = 0; i < offers.count(); i++)
        {
            final int state = offers.rep(i);
            detail.raw(i > 0 ? "," : "").quoted(book.idBuffer(), book.idOffset(state), book.idLength(state));
        }
        detail.raw(']');
    }

    private static void reps(final DetailBuilder detail, final Roster roster, final int[] reps, final int size)
    {
        detail.raw('[');
        for (int i = 0; i < size; i++)
        {
            detail.raw(i > 0 ? "," : "").quoted(roster.rep(reps[i]).idBytes());
        }
        detail.raw(']');
    }

    private void ensureCapacity(final int size)
    {
        if (size > pool.length)
        {
            pool = Arrays.copyOf(pool, size);
            territory = Arrays.copyOf(territory, size);
            chosen = Arrays.copyOf(chosen, size);
        }
    }
}
