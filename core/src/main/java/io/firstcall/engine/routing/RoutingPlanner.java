package io.firstcall.engine.routing;

import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.AssignmentRule;
import io.firstcall.codec.Exclusion;
import io.firstcall.codec.Visibility;
import io.firstcall.engine.lead.LeadTable;

import java.util.Arrays;

/**
 * Decides who is offered a hot lead at each step of its episode, and keeps why for the step's
 * decision record: the eligible pool, every rep left out with the reason, the fairness ledger's
 * values and the rep(s) chosen. It changes nothing but the ledger's credits and writes nothing;
 * {@link EpisodeOffers} makes the offers and {@link RoutingRecords} records them.
 * <p>
 * A rep is eligible when available (presence), inside their working hours and under capacity;
 * reps who let this episode lapse are never offered it again. Reps are kept as {@link RepBook}
 * states.
 */
final class RoutingPlanner
{
    private int[] candidates = new int[16];
    private int[] territory = new int[16];
    private int[] chosen = new int[16];
    private int[] pool = new int[16];
    private int[] excluded = new int[16];
    private Exclusion[] reasons = new Exclusion[16];
    private int[] ledger = new int[16];
    private long[] credits = new long[16];
    private int chosenCount;
    private int poolCount;
    private int excludedCount;
    private int ledgerCount;
    private long poolWeight;
    private int team = Roster.NONE;
    private AssignmentRule rule = AssignmentRule.NONE;
    private AssignmentReason reason;

    /**
     * An empty plan: a step that offers nobody.
     */
    void clear()
    {
        chosenCount = 0;
        poolCount = 0;
        excludedCount = 0;
        ledgerCount = 0;
        poolWeight = 0;
        team = Roster.NONE;
        rule = AssignmentRule.NONE;
        reason = null;
    }

    /**
     * The tenant has no reps configured: the lead goes to its owner as given.
     */
    void ownerAsGiven(final int ownerState)
    {
        clear();
        pool[poolCount++] = ownerState;
        rule = AssignmentRule.OWNER_AS_GIVEN;
    }

    /**
     * The first offer of an episode: the team that takes the lead, its eligible pool and, in
     * owned mode, the one rep chosen (existing owner, territory or round robin).
     */
    void route(final RepBook book, final LeadTable leads, final int lead, final long nowNs)
    {
        final Roster roster = book.roster();
        ensureCapacity(roster.largestTeam() + 2);
        clear();
        team = roster.teamFor(leads, lead);
        if (Roster.NONE == team)
        {
            return;
        }

        final TeamDefinition definition = roster.team(team);
        int excludedOwner = Roster.NONE;
        if (Visibility.OWNED == definition.visibility() && !leads.profileEmpty(lead, LeadTable.OWNER))
        {
            final int owner = roster.find(
                leads.profileBuffer(), leads.profileOffset(lead, LeadTable.OWNER), leads.profileLength(lead, LeadTable.OWNER));
            if (Roster.NONE != owner && roster.rep(owner).team() == team)
            {
                final Exclusion why = exclusion(book, owner, nowNs);
                if (null == why)
                {
                    pool[poolCount++] = book.stateOf(owner);
                    choose(owner, AssignmentRule.EXISTING_OWNER, AssignmentReason.EXISTING_OWNER);
                    return;
                }
                exclude(book, owner, why);
                excludedOwner = owner;
            }
        }

        int size = 0;
        for (int i = 0; i < definition.memberCount(); i++)
        {
            final int rep = definition.member(i);
            if (rep == excludedOwner)
            {
                continue;
            }
            final Exclusion why = Visibility.ROLE == definition.visibility() && !roster.rep(rep).roles().matches(leads, lead) ?
                Exclusion.ROLE_MISMATCH : exclusion(book, rep, nowNs);
            if (null == why)
            {
                candidates[size++] = rep;
                pool[poolCount++] = book.stateOf(rep);
            }
            else
            {
                exclude(book, rep, why);
            }
        }

        if (Visibility.OWNED != definition.visibility())
        {
            System.arraycopy(candidates, 0, chosen, 0, size);
            chosenCount = size;
            return;
        }
        if (0 == size)
        {
            return;
        }

        int territorySize = 0;
        for (int i = 0; i < size; i++)
        {
            if (roster.rep(candidates[i]).roles().matches(leads, lead))
            {
                territory[territorySize++] = candidates[i];
            }
        }
        if (territorySize > 0)
        {
            balance(book, territory, territorySize, AssignmentRule.TERRITORY, AssignmentReason.TERRITORY);
        }
        else
        {
            balance(book, candidates, size, AssignmentRule.ROUND_ROBIN, AssignmentReason.ROUND_ROBIN);
        }
    }

    /**
     * The escalation after the first offer lapsed: the backup of the owned-mode owner, else the
     * team's backup rep, whichever is eligible first and has not let this episode lapse.
     *
     * @param team the episode's team, or {@link Roster#NONE}.
     */
    void backup(final RepBook book, final EpisodeTable episodes, final int lead, final int team, final long nowNs)
    {
        clear();
        final Roster roster = book.roster();
        if (!roster.hasTeam(team))
        {
            return;
        }

        this.team = team;
        final TeamDefinition definition = roster.team(team);
        int count = 0;
        if (Visibility.OWNED == definition.visibility() && episodes.offerCount(lead) > 0)
        {
            final int owner = book.definitionOf(episodes.offer(lead, 0));
            if (Roster.NONE != owner && Roster.NONE != roster.backupOf(owner))
            {
                candidates[count++] = roster.backupOf(owner);
            }
        }
        final int teamBackup = roster.teamBackup(team);
        if (Roster.NONE != teamBackup && (0 == count || candidates[0] != teamBackup))
        {
            candidates[count++] = teamBackup;
        }

        for (int i = 0; i < count; i++)
        {
            final int rep = candidates[i];
            final Exclusion why = episodes.lapsed(lead, book.stateOf(rep)) ? Exclusion.LAPSED : exclusion(book, rep, nowNs);
            if (null == why)
            {
                pool[poolCount++] = book.stateOf(rep);
                choose(rep, AssignmentRule.NONE, Visibility.OWNED == definition.visibility() ? AssignmentReason.ESCALATION : null);
                return;
            }
            exclude(book, rep, why);
        }
    }

    /**
     * @return why configured rep {@code rep} cannot take a lead now, or null when eligible.
     */
    static Exclusion exclusion(final RepBook book, final int rep, final long nowNs)
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

    /**
     * @return the team the plan is for, or {@link Roster#NONE}.
     */
    int team()
    {
        return team;
    }

    /**
     * @return how many reps were chosen; 0 sends the lead to the manager queue.
     */
    int chosenCount()
    {
        return chosenCount;
    }

    /**
     * @return the configured index of chosen rep {@code i}.
     */
    int chosen(final int i)
    {
        return chosen[i];
    }

    /**
     * @return why the chosen rep becomes the owner (owned mode), or null when the lead is only
     * offered and the first to call will own it.
     */
    AssignmentReason reason()
    {
        return reason;
    }

    AssignmentRule rule()
    {
        return rule;
    }

    int poolCount()
    {
        return poolCount;
    }

    int pool(final int i)
    {
        return pool[i];
    }

    int excludedCount()
    {
        return excludedCount;
    }

    int excluded(final int i)
    {
        return excluded[i];
    }

    Exclusion excludedReason(final int i)
    {
        return reasons[i];
    }

    int ledgerCount()
    {
        return ledgerCount;
    }

    int ledger(final int i)
    {
        return ledger[i];
    }

    /**
     * @return the credit of ledger entry {@code i} once the pool earned its weights, before the
     * chosen rep paid the pool weight back.
     */
    long ledgerCredit(final int i)
    {
        return credits[i];
    }

    long poolWeight()
    {
        return poolWeight;
    }

    private void balance(
        final RepBook book, final int[] reps, final int size, final AssignmentRule rule, final AssignmentReason reason)
    {
        final Roster roster = book.roster();
        final int best = FairnessLedger.choose(book, reps, size);
        long totalWeight = 0;
        for (int i = 0; i < size; i++)
        {
            totalWeight += roster.rep(reps[i]).weight();
        }
        for (int i = 0; i < size; i++)
        {
            final int state = book.stateOf(reps[i]);
            ledger[i] = state;
            credits[i] = book.credit(state) + (i == best ? totalWeight : 0);
        }
        ledgerCount = size;
        poolWeight = totalWeight;
        choose(reps[best], rule, reason);
    }

    private void choose(final int rep, final AssignmentRule rule, final AssignmentReason reason)
    {
        chosen[0] = rep;
        chosenCount = 1;
        this.rule = rule;
        this.reason = reason;
    }

    private void exclude(final RepBook book, final int rep, final Exclusion why)
    {
        excluded[excludedCount] = book.stateOf(rep);
        reasons[excludedCount] = why;
        excludedCount++;
    }

    private void ensureCapacity(final int size)
    {
        if (size > pool.length)
        {
            candidates = Arrays.copyOf(candidates, size);
            territory = Arrays.copyOf(territory, size);
            chosen = Arrays.copyOf(chosen, size);
            pool = Arrays.copyOf(pool, size);
            excluded = Arrays.copyOf(excluded, size);
            reasons = Arrays.copyOf(reasons, size);
            ledger = Arrays.copyOf(ledger, size);
            credits = Arrays.copyOf(credits, size);
        }
    }
}
