package io.firstcall.engine.routing;

import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.Visibility;
import io.firstcall.engine.lead.LeadTable;
import io.firstcall.engine.timer.TimerPayload;
import io.firstcall.engine.timer.TimerService;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The offers of a hot episode: making a step's offers (record the step, assign the owner in owned
 * mode, alert), sending the lead to the manager queue, and withdrawing offers that were claimed
 * by someone else or lapsed. Each step's claim window is a {@link TimerPayload#CLAIM} timer.
 */
final class EpisodeOffers
{
    private static final byte[] NO_TEAM = new byte[0];

    private final TimerService timers;
    private final CapacityHolds holds;
    private final RoutingPlanner planner;
    private final RoutingRecords records;
    private final UnsafeBuffer queue = new UnsafeBuffer(new byte[0]);

    EpisodeOffers(final TimerService timers, final CapacityHolds holds, final RoutingPlanner planner, final RoutingRecords records)
    {
        this.timers = timers;
        this.holds = holds;
        this.planner = planner;
        this.records = records;
    }

    /**
     * Offer the lead to the reps the planner chose, for {@code windowNs}: record the step, assign
     * the owner in owned mode, then alert.
     */
    void offer(final TenantRouting tenant, final int lead, final long nowNs, final long windowNs, final boolean escalated)
    {
        final RepBook book = tenant.reps();
        final EpisodeTable episodes = tenant.episodes();
        for (int i = 0; i < planner.chosenCount(); i++)
        {
            episodes.addOffer(lead, book.stateOf(planner.chosen(i)));
        }
        record(tenant, lead, nowNs + windowNs, escalated);
        final AssignmentReason reason = planner.reason();
        if (null != reason)
        {
            final int state = book.stateOf(planner.chosen(0));
            records.assignment(tenant, lead, book.idBuffer(), book.idOffset(state), book.idLength(state), reason);
            tenant.leads().profile(lead, LeadTable.OWNER, book.idBuffer(), book.idOffset(state), book.idLength(state));
            holds.hold(tenant, lead, state, nowNs);
        }
        final TeamDefinition team = tenant.roster().team(episodes.team(lead));
        alertStanding(tenant, lead, team.visibility(), team.idBytes());
    }

    /**
     * The tenant configures no reps: alert the lead's owner as given, or send it to the queue.
     */
    void ownerAsGiven(final TenantRouting tenant, final int lead, final long nowNs)
    {
        final LeadTable leads = tenant.leads();
        if (leads.profileEmpty(lead, LeadTable.OWNER))
        {
            planner.clear();
            toQueue(tenant, lead, false);
            return;
        }
        final int owner = tenant.reps().stateOrAdd(
            leads.profileBuffer(), leads.profileOffset(lead, LeadTable.OWNER), leads.profileLength(lead, LeadTable.OWNER));
        planner.ownerAsGiven(owner);
        tenant.episodes().addOffer(lead, owner);
        record(tenant, lead, nowNs + tenant.roster().claimWindowNs(), false);
        alertStanding(tenant, lead, Visibility.OWNED, NO_TEAM);
    }

    /**
     * The manager queue: the end of the chain. It has no deadline; the lead waits there until
     * someone claims it.
     */
    void toQueue(final TenantRouting tenant, final int lead, final boolean escalated)
    {
        final Roster roster = tenant.roster();
        final EpisodeTable episodes = tenant.episodes();
        final int team = episodes.team(lead);
        final byte[] managerQueue = roster.managerQueue(team);
        episodes.level(lead, EpisodeTable.QUEUE);
        episodes.claimDeadline(lead, 0);
        queue.wrap(managerQueue);
        // The queue joins the rep book (if new) so the episode names it by state, as every recipient.
        episodes.alertedQueue(lead, 0 == managerQueue.length ?
            EpisodeTable.NO_REP : tenant.reps().stateOrAdd(queue, 0, managerQueue.length));
        records.routingDecision(tenant, lead, planner, escalated, team, managerQueue);
        episodes.routedVersion(lead, tenant.version());
        final boolean hasTeam = roster.hasTeam(team);
        records.alert(tenant, lead, queue, 0, managerQueue.length,
            hasTeam ? roster.team(team).visibility() : Visibility.OWNED,
            hasTeam ? roster.team(team).idBytes() : NO_TEAM);
    }

    /**
     * Withdraw every standing offer but the claimer's ({@code keep}); at the queue level, the queue's.
     */
    void withdrawStanding(final TenantRouting tenant, final int lead, final int keep)
    {
        final RepBook book = tenant.reps();
        final EpisodeTable episodes = tenant.episodes();
        for (int i = episodes.levelStart(lead), count = episodes.offerCount(lead); i < count; i++)
        {
            final int state = episodes.offer(lead, i);
            if (state != keep)
            {
                records.withdrawn(tenant, lead, book.idBuffer(), book.idOffset(state), book.idLength(state));
            }
        }
        final int queued = episodes.alertedQueue(lead);
        if (EpisodeTable.QUEUE == episodes.level(lead) && EpisodeTable.NO_REP != queued && queued != episodes.claimedBy(lead))
        {
            records.withdrawn(tenant, lead, book.idBuffer(), book.idOffset(queued), book.idLength(queued));
        }
    }

    /**
     * The standing offers lapse unclaimed (their window ended, or a new episode supersedes them):
     * withdraw them, and a designated owner who never called stops holding the lead.
     */
    void lapseStanding(final TenantRouting tenant, final int lead)
    {
        final EpisodeTable episodes = tenant.episodes();
        final int holder = episodes.holder(lead);
        if (EpisodeTable.NO_REP != holder && episodes.standing(lead, holder))
        {
            holds.release(tenant, lead);
        }
        withdrawStanding(tenant, lead, RepBook.MISSING);
    }

    void cancelClaimTimer(final TenantRouting tenant, final int lead)
    {
        final EpisodeTable episodes = tenant.episodes();
        if (EpisodeTable.NO_TIMER != episodes.claimTimerId(lead))
        {
            timers.cancel(episodes.claimTimerId(lead));
            episodes.claimTimer(lead, EpisodeTable.NO_TIMER);
        }
    }

    /**
     * Record the offer step (who is alerted, until when) and start its claim window.
     */
    private void record(final TenantRouting tenant, final int lead, final long deadlineNs, final boolean escalated)
    {
        final EpisodeTable episodes = tenant.episodes();
        episodes.claimDeadline(lead, deadlineNs);
        records.routingDecision(tenant, lead, planner, escalated, episodes.team(lead), null);
        episodes.routedVersion(lead, tenant.version());
        episodes.claimTimer(lead, timers.schedule(deadlineNs,
            TimerPayload.payload(TimerPayload.CLAIM, tenant.leads().tenantIndex(), lead)));
    }

    private void alertStanding(final TenantRouting tenant, final int lead, final Visibility visibility, final byte[] team)
    {
        final RepBook book = tenant.reps();
        final EpisodeTable episodes = tenant.episodes();
        for (int i = episodes.levelStart(lead), count = episodes.offerCount(lead); i < count; i++)
        {
            final int state = episodes.offer(lead, i);
            records.alert(tenant, lead, book.idBuffer(), book.idOffset(state), book.idLength(state), visibility, team);
        }
    }
}
