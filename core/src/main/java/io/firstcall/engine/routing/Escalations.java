package io.firstcall.engine.routing;

import io.firstcall.codec.EscalationLevel;
import io.firstcall.engine.lead.Lead;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Moves an unclaimed hot lead up the chain when its claim window ends: the standing offers lapse,
 * then the backup rep is offered it (once, from the first offer), then the manager queue, where it
 * waits without a deadline. A rep who let the episode lapse is never offered it again.
 */
final class Escalations
{
    private final RoutingPlanner planner;
    private final EpisodeOffers offers;
    private final RoutingRecords records;
    private final UnsafeBuffer queue = new UnsafeBuffer(new byte[0]);

    Escalations(final RoutingPlanner planner, final EpisodeOffers offers, final RoutingRecords records)
    {
        this.planner = planner;
        this.offers = offers;
        this.records = records;
    }

    /**
     * The claim window of the lead's current step ended (a journaled tick fired its timer).
     */
    void onClaimTimer(final TenantRouting tenant, final Lead lead, final Episode episode, final long nowNs)
    {
        episode.claimTimer(Episode.NO_TIMER);
        if (!episode.claimedBy().isEmpty() || !episode.isOpen())
        {
            return;
        }

        final RepBook book = tenant.reps();
        final Roster roster = book.roster();
        final Offers standing = episode.offers();
        final int firstLapsed = standing.levelStart() < standing.count() ? standing.rep(standing.levelStart()) : RepBook.MISSING;
        offers.lapseStanding(tenant, lead, episode);
        standing.nextLevel();
        planner.clear();

        if (Episode.PRIMARY == episode.level() && !roster.isEmpty())
        {
            if (episode.team() >= roster.teamCount() || episode.routedVersion() != tenant.version())
            {
                episode.team(roster.teamFor(lead));
            }
            planner.backup(book, standing, episode.team(), nowNs);
            if (planner.chosenCount() > 0)
            {
                final TeamDefinition team = roster.team(episode.team());
                final int backup = book.stateOf(planner.chosen(0));
                episode.level(Episode.BACKUP);
                records.escalation(tenant, lead, episode, EscalationLevel.BACKUP_REP, firstLapsed,
                    book.idBuffer(), book.idOffset(backup), book.idLength(backup), nowNs + team.backupWindowNs());
                offers.offer(tenant, lead, episode, nowNs, team.backupWindowNs(), true);
                return;
            }
        }

        final byte[] managerQueue = roster.managerQueue(episode.team());
        queue.wrap(managerQueue);
        records.escalation(tenant, lead, episode, EscalationLevel.MANAGER_QUEUE, firstLapsed, queue, 0, managerQueue.length, 0);
        offers.toQueue(tenant, lead, episode, true);
    }
}
