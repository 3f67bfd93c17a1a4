package io.firstcall.engine.routing;

import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.ClaimRejection;
import io.firstcall.engine.lead.LeadTable;
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
        final TenantRouting tenant, final int lead, final DirectBuffer rep, final int repOffset, final int repLength,
        final long nowNs)
    {
        final EpisodeTable episodes = tenant.episodes();
        if (0 == episodes.number(lead))
        {
            return;
        }

        final RepBook book = tenant.reps();
        final int state = book.state(rep, repOffset, repLength);
        final boolean alerted = RepBook.MISSING != state && episodes.standing(lead, state);
        final int claimedBy = episodes.claimedBy(lead);
        if (EpisodeTable.NO_REP != claimedBy)
        {
            if (claimedBy != state)
            {
                reject(tenant, lead, rep, repOffset, repLength, alerted, ClaimRejection.ALREADY_CLAIMED);
            }
            return;
        }
        if (!episodes.isOpen(lead))
        {
            return;
        }

        final Roster roster = book.roster();
        if (!alerted && EpisodeTable.QUEUE != episodes.level(lead) && !roster.isEmpty() && !roster.acceptUnalertedClaims())
        {
            reject(tenant, lead, rep, repOffset, repLength, false, ClaimRejection.NOT_ALERTED);
            return;
        }

        offers.cancelClaimTimer(tenant, lead);
        episodes.close(lead);
        // The claimant joins the rep book (if new) so the episode names it by state, as every rep.
        final int claimant = book.stateOrAdd(rep, repOffset, repLength);
        episodes.claimedBy(lead, claimant);
        tenant.leads().profile(lead, LeadTable.OWNER, rep, repOffset, repLength);
        if (Roster.NONE != book.definitionOf(claimant))
        {
            holds.hold(tenant, lead, claimant, nowNs);
        }
        else
        {
            holds.release(tenant, lead);
        }

        records.assignment(tenant, lead, rep, repOffset, repLength, AssignmentReason.CLAIM);
        records.claimDecision(tenant, lead, rep, repOffset, repLength, alerted, null);
        offers.withdrawStanding(tenant, lead, claimant);
    }

    /**
     * The lead reached an outcome (qualified, disqualified, an opportunity, converted): it no longer
     * counts against its holder's capacity.
     */
    void onOutcome(final TenantRouting tenant, final int lead)
    {
        holds.release(tenant, lead);
    }

    private void reject(
        final TenantRouting tenant,
        final int lead,
        final DirectBuffer rep,
        final int repOffset,
        final int repLength,
        final boolean alerted,
        final ClaimRejection reason)
    {
        records.claimRejected(tenant, lead, rep, repOffset, repLength, reason);
        records.claimDecision(tenant, lead, rep, repOffset, repLength, alerted, reason);
    }
}
