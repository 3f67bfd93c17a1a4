package io.firstcall.engine.routing;

import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.scoring.HotLeadEvaluator;
import io.firstcall.engine.timer.TimerPayload;
import io.firstcall.engine.timer.TimerService;
import org.agrona.DirectBuffer;

/**
 * Routing's way in for the state machine: hot episodes (the offer, the claim window, the
 * first-to-call claim, the escalation of an unclaimed lead to a backup rep and then the manager
 * queue) and capacity holds. Every step is settled in journal order, timed by journaled ticks and
 * recorded with its reasons, so replay repeats it exactly.
 * <p>
 * {@link RoutingPlanner} chooses who is offered each step, {@link EpisodeOffers} makes and
 * withdraws the offers, {@link Claims} settles calls, {@link Escalations} handles lapsed windows,
 * {@link CapacityHolds} keeps each rep's capacity count and {@link RoutingRecords} writes the outputs.
 */
public final class Router
{
    private final OutputBatch outputs;
    private final RoutingPlanner planner = new RoutingPlanner();
    private final CapacityHolds holds;
    private final EpisodeOffers offers;
    private final Claims claims;
    private final Escalations escalations;

    public Router(final TimerService timers, final OutputBatch outputs)
    {
        this.outputs = outputs;
        final RoutingRecords records = new RoutingRecords(outputs);
        holds = new CapacityHolds(timers);
        offers = new EpisodeOffers(timers, holds, planner, records);
        claims = new Claims(holds, offers, records);
        escalations = new Escalations(planner, offers, records);
    }

    /**
     * A new episode is about to open for {@code lead}: the previous one's claim window ends and its
     * standing offers lapse (withdrawn), before the new hot decision is recorded.
     */
    public void closeStanding(final TenantRouting tenant, final int lead)
    {
        offers.cancelClaimTimer(tenant, lead);
        if (tenant.episodes().isOpen(lead))
        {
            offers.lapseStanding(tenant, lead);
        }
    }

    /**
     * Open and route episode {@code number}, whose {@code HotDecision} {@code decision} has just
     * written: its reasons and scores go into every alert of the episode.
     */
    public void open(
        final TenantRouting tenant, final int lead, final HotLeadEvaluator decision, final int number, final long nowNs)
    {
        final EpisodeTable episodes = tenant.episodes();
        episodes.open(lead, number, outputs.buffer(), decision.reasonsOffset(), decision.reasonsLength());
        episodes.scores(lead, decision.score(), decision.firmographicScore(), decision.behaviouralScore(),
            decision.externalScore(), decision.signalsOmitted());

        final RepBook book = tenant.reps();
        if (book.roster().isEmpty())
        {
            offers.ownerAsGiven(tenant, lead, nowNs);
            return;
        }

        planner.route(book, tenant.leads(), lead, nowNs);
        episodes.team(lead, planner.team());
        if (0 == planner.chosenCount())
        {
            offers.toQueue(tenant, lead, false);
            return;
        }
        offers.offer(tenant, lead, nowNs, book.roster().team(planner.team()).claimWindowNs(), false);
    }

    /**
     * A rep started a call to the lead: the first such call in an episode claims it.
     */
    public void onCallStarted(
        final TenantRouting tenant, final int lead, final DirectBuffer rep, final int repOffset, final int repLength,
        final long nowNs)
    {
        claims.onCallStarted(tenant, lead, rep, repOffset, repLength, nowNs);
    }

    /**
     * The lead reached an outcome (qualified, disqualified, an opportunity, converted).
     */
    public void onOutcome(final TenantRouting tenant, final int lead)
    {
        claims.onOutcome(tenant, lead);
    }

    /**
     * A claim window ({@link TimerPayload#CLAIM}) or a capacity hold ({@link TimerPayload#HOLD}) ended.
     */
    public void onTimer(final TenantRouting tenant, final int lead, final int kind, final long nowNs)
    {
        if (TimerPayload.HOLD == kind)
        {
            holds.onTimer(tenant, lead);
        }
        else
        {
            escalations.onClaimTimer(tenant, lead, nowNs);
        }
    }
}
