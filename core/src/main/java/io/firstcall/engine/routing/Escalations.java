package io.firstcall.engine.routing;

import io.firstcall.codec.EscalationLevel;
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
    void onClaimTimer(final TenantRouting tenant, final int lead, final long nowNs)
    {
        final EpisodeTable episodes = tenant.episodes();
        episodes.claimTimer(lead, EpisodeTable.NO_TIMER);
        if (EpisodeTable.NO_REP != episodes.claimedBy(lead) || !episodes.isOpen(lead))
        {
            return;
        }

        final RepBook book = tenant.reps();
        final Roster roster = book.roster();
        final int levelStart = episodes.levelStart(lead);
        final int firstLapsed = levelStart < episodes.offerCount(lead) ? episodes.offer(lead, levelStart) : RepBook.MISSING;
        offers.lapseStanding(tenant, lead);
        episodes.nextLevel(lead);
        planner.clear();

        if (EpisodeTable.PRIMARY == episodes.level(lead) && !roster.isEmpty())
        {
            if (episodes.team(lead) >= roster.teamCount() || episodes.routedVersion(lead) != tenant.version())
            {
                episodes.team(lead, roster.teamFor(tenant.leads(), lead));
            }
            planner.backup(book, episodes, lead, episodes.team(lead), nowNs);
            if (planner.chosenCount() > 0)
            {
                final TeamDefinition team = roster.team(episodes.team(lead));
                final int backup = book.stateOf(planner.chosen(0));
                episodes.level(lead, EpisodeTable.BACKUP);
                records.escalation(tenant, lead, EscalationLevel.BACKUP_REP, firstLapsed,
                    book.idBuffer(), book.idOffset(backup), book.idLength(backup), nowNs + team.backupWindowNs());
                offers.offer(tenant, lead, nowNs, team.backupWindowNs(), true);
                return;
            }
        }

        final byte[] managerQueue = roster.managerQueue(episodes.team(lead));
        queue.wrap(managerQueue);
        records.escalation(tenant, lead, EscalationLevel.MANAGER_QUEUE, firstLapsed, queue, 0, managerQueue.length, 0);
        offers.toQueue(tenant, lead, true);
    }
}
