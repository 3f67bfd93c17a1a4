package io.firstcall.engine.routing;

import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.Visibility;
import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.LeadProfile;
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
    void offer(
        final TenantRouting tenant,
        final Lead lead,
        final Episode episode,
        final long nowNs,
        final long windowNs,
        final boolean escalated)
    {
        final RepBook book = tenant.reps();
        for (int i = 0; i < planner.chosenCount(); i++)
        {
            episode.offers().add(book.stateOf(planner.chosen(i)));
        }
        record(tenant, lead, episode, nowNs + windowNs, escalated);
        final AssignmentReason reason = planner.reason();
        if (null != reason)
        {
            final int state = book.stateOf(planner.chosen(0));
            records.assignment(tenant, lead, episode, book.idBuffer(), book.idOffset(state), book.idLength(state), reason);
            lead.profile().set(LeadProfile.OWNER, book.idBuffer(), book.idOffset(state), book.idLength(state));
            holds.hold(tenant, lead, episode, state, nowNs);
        }
        final TeamDefinition team = tenant.roster().team(episode.team());
        alertStanding(tenant, lead, episode, team.visibility(), team.idBytes());
    }

    /**
     * The tenant configures no reps: alert the lead's owner as given, or send it to the queue.
     */
    void ownerAsGiven(final TenantRouting tenant, final Lead lead, final Episode episode, final long nowNs)
    {
        final LeadProfile profile = lead.profile();
        if (profile.isEmpty(LeadProfile.OWNER))
        {
            planner.clear();
            toQueue(tenant, lead, episode, false);
            return;
        }
        final int owner = tenant.reps().stateOrAdd(
            profile.buffer(), profile.offset(LeadProfile.OWNER), profile.length(LeadProfile.OWNER));
        planner.ownerAsGiven(owner);
        episode.offers().add(owner);
        record(tenant, lead, episode, nowNs + tenant.roster().claimWindowNs(), false);
        alertStanding(tenant, lead, episode, Visibility.OWNED, NO_TEAM);
    }

    /**
     * The manager queue: the end of the chain. It has no deadline; the lead waits there until
     * someone claims it.
     */
    void toQueue(final TenantRouting tenant, final Lead lead, final Episode episode, final boolean escalated)
    {
        final Roster roster = tenant.roster();
        final byte[] managerQueue = roster.managerQueue(episode.team());
        episode.level(Episode.QUEUE);
        episode.claimDeadline(0);
        queue.wrap(managerQueue);
        episode.alertedRep().set(queue, 0, managerQueue.length);
        records.routingDecision(tenant, lead, episode, planner, escalated, episode.team(), managerQueue);
        episode.routedVersion(tenant.version());
        final boolean hasTeam = roster.hasTeam(episode.team());
        records.alert(tenant, lead, episode, queue, 0, managerQueue.length,
            hasTeam ? roster.team(episode.team()).visibility() : Visibility.OWNED,
            hasTeam ? roster.team(episode.team()).idBytes() : NO_TEAM);
    }

    /**
     * Withdraw every standing offer but the claimer's ({@code keep}); at the queue level, the queue's.
     */
    void withdrawStanding(final TenantRouting tenant, final Lead lead, final Episode episode, final int keep)
    {
        final RepBook book = tenant.reps();
        final Offers offers = episode.offers();
        for (int i = offers.levelStart(); i < offers.count(); i++)
        {
            final int state = offers.rep(i);
            if (state != keep)
            {
                records.withdrawn(tenant, lead, episode, book.idBuffer(), book.idOffset(state), book.idLength(state));
            }
        }
        if (Episode.QUEUE == episode.level() && !episode.alertedRep().isEmpty() &&
            !episode.alertedRep().equalTo(episode.claimedBy()))
        {
            records.withdrawn(tenant, lead, episode, episode.alertedRep().buffer(), 0, episode.alertedRep().length());
        }
    }

    /**
     * The standing offers lapse unclaimed (their window ended, or a new episode supersedes them):
     * withdraw them, and a designated owner who never called stops holding the lead.
     */
    void lapseStanding(final TenantRouting tenant, final Lead lead, final Episode episode)
    {
        if (Episode.NO_REP != episode.holder() && episode.offers().standing(episode.holder()))
        {
            holds.release(tenant, episode);
        }
        withdrawStanding(tenant, lead, episode, RepBook.MISSING);
    }

    void cancelClaimTimer(final Episode episode)
    {
        if (Episode.NO_TIMER != episode.claimTimerId())
        {
            timers.cancel(episode.claimTimerId());
            episode.claimTimer(Episode.NO_TIMER);
        }
    }

    /**
     * Record the offer step (who is alerted, until when) and start its claim window.
     */
    private void record(
        final TenantRouting tenant, final Lead lead, final Episode episode, final long deadlineNs, final boolean escalated)
    {
        episode.claimDeadline(deadlineNs);
        records.routingDecision(tenant, lead, episode, planner, escalated, episode.team(), null);
        episode.routedVersion(tenant.version());
        episode.claimTimer(timers.schedule(deadlineNs,
            TimerPayload.payload(TimerPayload.CLAIM, tenant.leads().tenantIndex(), lead.index())));
    }

    private void alertStanding(
        final TenantRouting tenant, final Lead lead, final Episode episode, final Visibility visibility, final byte[] team)
    {
        final RepBook book = tenant.reps();
        final Offers offers = episode.offers();
        for (int i = offers.levelStart(); i < offers.count(); i++)
        {
            final int state = offers.rep(i);
            records.alert(tenant, lead, episode, book.idBuffer(), book.idOffset(state), book.idLength(state), visibility, team);
        }
    }
}
