package io.firstcall.engine.routing;

import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.ClaimRejection;
import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.LeadProfile;
import org.agrona.DirectBuffer;

/**
 * Settles claims: the first rep to start a call in an open episode claims it, in journal order, so
 * every race has one auditable winner. The claimer owns the lead and holds it against their
 * capacity; every other standing offer is withdrawn. A later caller is told the lead is taken; a
 * caller who was never alerted is refused when the roster says so.
 */
final class Claims
{
    private final CapacityHolds holds;
    private final EpisodeOffers offers;
    private final RoutingRecords records;

    Claims(final CapacityHolds holds, final EpisodeOffers offers, final RoutingRecords records)
    {
        this.holds = holds;
        this.offers = offers;
        this.records = records;
    }

    void onCallStarted(
        final TenantRouting tenant, final Lead lead, final DirectBuffer rep, final int repOffset, final int repLength,
        final long nowNs)
    {
        final Episode episode = tenant.existing(lead);
        if (null == episode || 0 == episode.number())
        {
            return;
        }

        final RepBook book = tenant.reps();
        final int state = book.state(rep, repOffset, repLength);
        final boolean alerted = RepBook.MISSING != state && episode.offers().standing(state);
        if (!episode.claimedBy().isEmpty())
        {
            if (!episode.claimedBy().equalTo(rep, repOffset, repLength))
            {
                reject(tenant, lead, episode, rep, repOffset, repLength, alerted, ClaimRejection.ALREADY_CLAIMED);
            }
            return;
        }
        if (!episode.isOpen())
        {
            return;
        }

        final Roster roster = book.roster();
        if (!alerted && Episode.QUEUE != episode.level() && !roster.isEmpty() && !roster.acceptUnalertedClaims())
        {
            reject(tenant, lead, episode, rep, repOffset, repLength, false, ClaimRejection.NOT_ALERTED);
            return;
        }

        offers.cancelClaimTimer(episode);
        episode.close();
        episode.claimedBy().set(rep, repOffset, repLength);
        lead.profile().set(LeadProfile.OWNER, rep, repOffset, repLength);
        if (RepBook.MISSING != state && Roster.NONE != book.definitionOf(state))
        {
            holds.hold(tenant, lead, episode, state, nowNs);
        }
        else
        {
            holds.release(tenant, episode);
        }

        records.assignment(tenant, lead, episode, rep, repOffset, repLength, AssignmentReason.CLAIM);
        records.claimDecision(tenant, lead, episode, rep, repOffset, repLength, alerted, null);
        offers.withdrawStanding(tenant, lead, episode, state);
    }

    /**
     * The lead reached an outcome (qualified, disqualified, an opportunity, converted): it no longer
     * counts against its holder's capacity.
     */
    void onOutcome(final TenantRouting tenant, final Lead lead)
    {
        final Episode episode = tenant.existing(lead);
        if (null != episode)
        {
            holds.release(tenant, episode);
        }
    }

    private void reject(
        final TenantRouting tenant,
        final Lead lead,
        final Episode episode,
        final DirectBuffer rep,
        final int repOffset,
        final int repLength,
        final boolean alerted,
        final ClaimRejection reason)
    {
        records.claimRejected(tenant, lead, episode, rep, repOffset, repLength, reason);
        records.claimDecision(tenant, lead, episode, rep, repOffset, repLength, alerted, reason);
    }
}
