package io.firstcall.engine.routing;

import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.DecisionKind;
import io.firstcall.codec.EscalationLevel;
import io.firstcall.codec.Visibility;
import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.Offers;
import io.firstcall.engine.output.DetailBuilder;
import io.firstcall.engine.output.OutputWriter;
import io.firstcall.engine.tenant.Tenant;
import io.firstcall.engine.tenant.TenantDirectory;
import io.firstcall.engine.tenant.TenantRules;
import io.firstcall.engine.timer.TimerPayload;
import io.firstcall.engine.timer.TimerService;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Hot-lead episodes: the offer, the claim window, the first-to-call claim and the escalation of an
 * unclaimed lead to a backup rep and then the manager queue. Every step is settled in journal
 * order, timed by journaled ticks and recorded with its reasons, so replay repeats it exactly.
 * <p>
 * {@link RoutingPlanner} chooses who is offered each step; this class sends the alerts,
 * withdrawals, assignments and escalations; {@link CapacityHolds} keeps each rep's capacity count.
 */
public final class ClaimBook
{
    private static final byte[] ALREADY_CLAIMED = "already_claimed".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NOT_ALERTED = "not_alerted".getBytes(StandardCharsets.US_ASCII);
    private static final String[] LEVEL_NAMES = {"primary", "backup", "queue"};

    private final TenantDirectory tenants;
    private final TimerService timers;
    private final OutputWriter out;
    private final RoutingPlanner planner = new RoutingPlanner();
    private final CapacityHolds holds;
    private final DetailBuilder body = new DetailBuilder();
    private final DetailBuilder detail = new DetailBuilder();
    private final DetailBuilder activity = new DetailBuilder();
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer none = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer from = new UnsafeBuffer(new byte[0]);
    private long inputSequence;

    public ClaimBook(final TenantDirectory tenants, final TimerService timers, final OutputWriter out)
    {
        this.tenants = tenants;
        this.timers = timers;
        this.out = out;
        this.holds = new CapacityHolds(timers);
    }

    /**
     * @return true when {@code lead} is inside the cooldown since its last episode opened, so a
     * qualifying signal must not open another.
     */
    public boolean inCooldown(final Tenant tenant, final Lead lead, final long nowNs)
    {
        return Long.MIN_VALUE != lead.lastHotNs() && nowNs - lead.lastHotNs() < tenant.rules().cooldownNs();
    }

    /**
     * Open a new hot episode for {@code lead}: the HOT decision, then the routing step and its
     * alerts. The caller has checked the cooldown and written the reasons.
     *
     * @param decisionDetail the decision record's detail (criteria and score breakdown).
     * @param alertReasons   the alert's reasons, at most 254 bytes.
     */
    public void openEpisode(
        final Tenant tenant,
        final Lead lead,
        final long nowNs,
        final DirectBuffer decisionDetail,
        final int decisionDetailLength,
        final DirectBuffer alertReasons,
        final int alertReasonsLength,
        final int score,
        final int firmographicScore,
        final int behaviouralScore)
    {
        final TenantRules rules = tenant.rules();
        final RepBook book = tenant.reps();
        final Roster roster = book.roster();
        cancelClaimTimer(lead);
        if (lead.episodeOpen())
        {
            lapseStanding(tenant, lead);
        }
        lead.openEpisode(nowNs, 0);
        lead.episodeReasons().set(alertReasons, 0, alertReasonsLength);
        lead.episodeScores(score, firmographicScore, behaviouralScore);
        out.decision(DecisionKind.HOT, lead, rules.version(), decisionDetail, decisionDetailLength);
        renderActivity(lead, roster);

        body.reset();
        if (roster.isEmpty())
        {
            routeToOwnerAsGiven(tenant, lead, nowNs);
            return;
        }

        planner.route(book, lead, nowNs, body);
        detail.reset().raw("{\"level\":\"primary\"").append(body);
        if (0 == planner.chosenCount())
        {
            toQueue(tenant, lead, nowNs, DecisionKind.ROUTED);
            return;
        }
        final TeamDefinition team = roster.team(lead.team());
        offer(tenant, lead, nowNs, team.claimWindowNs(), team.visibility(), team.idBytes(), DecisionKind.ROUTED);
    }

    /**
     * A rep started a call to the lead: the first such call in an episode claims it.
     */
    public void onCallStarted(
        final Tenant tenant, final Lead lead, final DirectBuffer rep, final int repOffset, final int repLength, final long nowNs)
    {
        if (lead.episode() == 0)
        {
            return;
        }

        final long version = tenant.rules().version();
        if (!lead.claimedBy().isEmpty())
        {
            if (!lead.claimedBy().equalTo(rep, repOffset, repLength))
            {
                rejectClaim(lead, rep, repOffset, repLength, ALREADY_CLAIMED, version);
            }
            return;
        }

        if (!lead.episodeOpen())
        {
            return;
        }

        final RepBook book = tenant.reps();
        final Roster roster = book.roster();
        final int state = book.state(rep, repOffset, repLength);
        final boolean alerted = RepBook.MISSING != state && lead.offers().standing(state);
        if (!alerted && Lead.QUEUE != lead.level() && !roster.isEmpty() && !roster.acceptUnalertedClaims())
        {
            rejectClaim(lead, rep, repOffset, repLength, NOT_ALERTED, version);
            return;
        }

        cancelClaimTimer(lead);
        lead.closeEpisode();
        lead.claimedBy().set(rep, repOffset, repLength);
        lead.owner().set(rep, repOffset, repLength);
        if (RepBook.MISSING != state && Roster.NONE != book.definitionOf(state))
        {
            holds.hold(tenant, lead, state, nowNs);
        }
        else
        {
            holds.release(tenant, lead);
        }

        out.assignment(lead, rep, repOffset, repLength, AssignmentReason.CLAIM);
        detail.reset().raw("{\"claimedBy\":").quoted(rep, repOffset, repLength)
            .raw(",\"alerted\":").raw(alerted ? "true" : "false")
            .raw(",\"level\":\"").raw(LEVEL_NAMES[lead.level()])
            .raw("\",\"episode\":").number(lead.episode()).raw('}');
        out.decision(DecisionKind.CLAIMED, lead, version, detail.buffer(), detail.length());
        withdrawStanding(tenant, lead, state);
    }

    /**
     * The lead reached an outcome (qualified, disqualified, an opportunity, converted): it no longer
     * counts against its holder's capacity.
     */
    public void onOutcome(final Tenant tenant, final Lead lead)
    {
        holds.release(tenant, lead);
    }

    /**
     * Timers fire during a tick; outputs name that tick as their cause.
     */
    public void inputSequence(final long inputSequence)
    {
        this.inputSequence = inputSequence;
    }

    /**
     * A claim window ({@link TimerPayload#CLAIM}) or a capacity hold ({@link TimerPayload#HOLD}) ended.
     */
    public void onTimer(final long payload, final long nowNs)
    {
        final Tenant tenant = tenants.tenant(TimerPayload.tenantIndex(payload));
        final Lead lead = tenant.leads().lead(TimerPayload.leadIndex(payload));
        if (TimerPayload.HOLD == TimerPayload.kind(payload))
        {
            holds.onTimer(tenant, lead);
            return;
        }

        lead.claimTimer(Lead.NO_TIMER);
        if (!lead.claimedBy().isEmpty() || !lead.episodeOpen())
        {
            return;
        }

        out.context(inputSequence, nowNs, tenant);
        final RepBook book = tenant.reps();
        final Roster roster = book.roster();
        final Offers offers = lead.offers();
        final int firstLapsed = offers.levelStart() < offers.count() ? offers.rep(offers.levelStart()) : RepBook.MISSING;
        lapseStanding(tenant, lead);
        offers.nextLevel();
        renderActivity(lead, roster);

        body.reset();
        if (Lead.PRIMARY == lead.level() && !roster.isEmpty())
        {
            if (lead.team() >= roster.teamCount() || lead.routedVersion() != tenant.rules().version())
            {
                lead.team(roster.teamFor(lead));
            }
            planner.backup(book, lead, nowNs, body);
            if (planner.chosenCount() > 0)
            {
                final TeamDefinition team = roster.team(lead.team());
                final int backup = book.stateOf(planner.chosen(0));
                lead.level(Lead.BACKUP);
                fromRep(book, firstLapsed);
                out.escalation(lead, EscalationLevel.BACKUP_REP, from, 0, from.capacity(),
                    book.idBuffer(), book.idOffset(backup), book.idLength(backup), nowNs + team.backupWindowNs());
                detail.reset().raw("{\"level\":\"backup\"").append(body);
                offer(tenant, lead, nowNs, team.backupWindowNs(), team.visibility(), team.idBytes(), DecisionKind.ESCALATED);
                return;
            }
        }

        detail.reset().raw("{\"level\":\"queue\"");
        if (0 == body.length())
        {
            if (Roster.NONE != lead.team() && lead.team() < roster.teamCount())
            {
                final TeamDefinition team = roster.team(lead.team());
                detail.raw(",\"team\":").quoted(team.idBytes())
                    .raw(",\"visibility\":\"").raw(RoutingPlanner.visibilityName(team.visibility())).raw('"');
            }
            lapsedReps(book, offers);
        }
        detail.append(body);
        final byte[] queue = managerQueue(tenant, lead);
        fromRep(book, firstLapsed);
        view.wrap(queue);
        out.escalation(lead, EscalationLevel.MANAGER_QUEUE, from, 0, from.capacity(), view, 0, queue.length, 0);
        toQueue(tenant, lead, nowNs, DecisionKind.ESCALATED);
    }

    private void routeToOwnerAsGiven(final Tenant tenant, final Lead lead, final long nowNs)
    {
        detail.reset().raw("{\"level\":\"primary\",\"team\":null");
        if (lead.owner().isEmpty())
        {
            detail.raw(",\"pool\":[],\"excluded\":[]");
            toQueue(tenant, lead, nowNs, DecisionKind.ROUTED);
            return;
        }
        detail.raw(",\"pool\":[").quoted(lead.owner().buffer(), 0, lead.owner().length())
            .raw("],\"excluded\":[],\"assignment\":\"owner_as_given\"");
        lead.offers().add(tenant.reps().stateOrAdd(lead.owner().buffer(), 0, lead.owner().length()));
        record(tenant, lead, nowNs + tenant.rules().claimWindowNs(), DecisionKind.ROUTED);
        alertStanding(tenant, lead, Visibility.OWNED, none, 0);
    }

    /**
     * Offer the lead to the reps the planner chose, for {@code windowNs}: record the step, assign the
     * owner in owned mode, then alert.
     */
    private void offer(
        final Tenant tenant,
        final Lead lead,
        final long nowNs,
        final long windowNs,
        final Visibility visibility,
        final byte[] team,
        final DecisionKind kind)
    {
        final RepBook book = tenant.reps();
        for (int i = 0; i < planner.chosenCount(); i++)
        {
            lead.offers().add(book.stateOf(planner.chosen(i)));
        }
        record(tenant, lead, nowNs + windowNs, kind);
        final AssignmentReason reason = planner.reason();
        if (null != reason)
        {
            final int state = book.stateOf(planner.chosen(0));
            out.assignment(lead, book.idBuffer(), book.idOffset(state), book.idLength(state), reason);
            lead.owner().set(book.idBuffer(), book.idOffset(state), book.idLength(state));
            holds.hold(tenant, lead, state, nowNs);
        }
        view.wrap(team);
        alertStanding(tenant, lead, visibility, view, team.length);
    }

    /**
     * Record the offer step (who is alerted, until when) and start its claim window.
     */
    private void record(final Tenant tenant, final Lead lead, final long deadlineNs, final DecisionKind kind)
    {
        final RepBook book = tenant.reps();
        final Offers offers = lead.offers();
        lead.claimDeadline(deadlineNs);
        detail.raw(",\"alerted\":[");
        for (int i = offers.levelStart(); i < offers.count(); i++)
        {
            final int state = offers.rep(i);
            detail.raw(i > offers.levelStart() ? "," : "").quoted(book.idBuffer(), book.idOffset(state), book.idLength(state));
        }
        detail.raw("],\"deadlineNs\":").number(deadlineNs).raw(",\"episode\":").number(lead.episode()).raw('}');
        out.decision(kind, lead, tenant.rules().version(), detail.buffer(), detail.length());
        lead.routedVersion(tenant.rules().version());
        lead.claimTimer(timers.schedule(deadlineNs, TimerPayload.payload(TimerPayload.CLAIM, tenant.index(), lead.index())));
    }

    private void alertStanding(
        final Tenant tenant, final Lead lead, final Visibility visibility, final DirectBuffer team, final int teamLength)
    {
        final RepBook book = tenant.reps();
        final Offers offers = lead.offers();
        for (int i = offers.levelStart(); i < offers.count(); i++)
        {
            final int state = offers.rep(i);
            out.alert(lead, book.idBuffer(), book.idOffset(state), book.idLength(state), visibility, team, teamLength, activity);
        }
    }

    /**
     * The manager queue: the end of the chain. It has no deadline; the lead waits there until
     * someone claims it.
     */
    private void toQueue(final Tenant tenant, final Lead lead, final long nowNs, final DecisionKind kind)
    {
        final byte[] queue = managerQueue(tenant, lead);
        lead.level(Lead.QUEUE);
        lead.claimDeadline(0);
        view.wrap(queue);
        lead.alertedRep().set(view, 0, queue.length);
        detail.raw(",\"managerQueue\":").quoted(queue).raw(",\"episode\":").number(lead.episode()).raw('}');
        out.decision(kind, lead, tenant.rules().version(), detail.buffer(), detail.length());
        lead.routedVersion(tenant.rules().version());
        final Roster roster = tenant.reps().roster();
        final Visibility visibility = Roster.NONE == lead.team() || lead.team() >= roster.teamCount() ?
            Visibility.OWNED : roster.team(lead.team()).visibility();
        final byte[] team = Roster.NONE == lead.team() || lead.team() >= roster.teamCount() ?
            null : roster.team(lead.team()).idBytes();
        if (null == team)
        {
            out.alert(lead, lead.alertedRep().buffer(), 0, queue.length, visibility, none, 0, activity);
        }
        else
        {
            view.wrap(team);
            out.alert(lead, lead.alertedRep().buffer(), 0, queue.length, visibility, view, view.capacity(), activity);
        }
    }

    private byte[] managerQueue(final Tenant tenant, final Lead lead)
    {
        final Roster roster = tenant.reps().roster();
        return Roster.NONE == lead.team() || lead.team() >= roster.teamCount() ?
            tenant.rules().managerQueueBytes() : roster.team(lead.team()).managerQueue();
    }

    /**
     * Withdraw every standing offer but the claimer's ({@code keep}); at the queue level, the queue's.
     */
    private void withdrawStanding(final Tenant tenant, final Lead lead, final int keep)
    {
        final RepBook book = tenant.reps();
        final Offers offers = lead.offers();
        for (int i = offers.levelStart(); i < offers.count(); i++)
        {
            final int state = offers.rep(i);
            if (state != keep)
            {
                out.withdrawn(lead, book.idBuffer(), book.idOffset(state), book.idLength(state), lead.claimedBy());
            }
        }
        if (Lead.QUEUE == lead.level() && !lead.alertedRep().isEmpty() &&
            !lead.alertedRep().equalTo(lead.claimedBy()))
        {
            out.withdrawn(lead, lead.alertedRep().buffer(), 0, lead.alertedRep().length(), lead.claimedBy());
        }
    }

    /**
     * The standing offers lapse unclaimed (their window ended, or a new episode supersedes them):
     * withdraw them, and a designated owner who never called stops holding the lead.
     */
    private void lapseStanding(final Tenant tenant, final Lead lead)
    {
        if (Lead.NO_REP != lead.holder() && lead.offers().standing(lead.holder()))
        {
            holds.release(tenant, lead);
        }
        withdrawStanding(tenant, lead, RepBook.MISSING);
    }

    private void rejectClaim(
        final Lead lead, final DirectBuffer rep, final int repOffset, final int repLength, final byte[] reason, final long version)
    {
        out.claimRejected(lead, rep, repOffset, repLength, lead.claimedBy(), reason);
        detail.reset().raw("{\"rep\":").quoted(rep, repOffset, repLength)
            .raw(",\"reason\":\"").escaped(reason).raw("\",\"claimedBy\":")
            .quoted(lead.claimedBy().buffer(), 0, lead.claimedBy().length())
            .raw(",\"episode\":").number(lead.episode()).raw('}');
        out.decision(DecisionKind.CLAIM_REJECTED, lead, version, detail.buffer(), detail.length());
    }

    private void cancelClaimTimer(final Lead lead)
    {
        if (Lead.NO_TIMER != lead.claimTimerId())
        {
            timers.cancel(lead.claimTimerId());
            lead.claimTimer(Lead.NO_TIMER);
        }
    }

    private void renderActivity(final Lead lead, final Roster roster)
    {
        lead.activity().render(activity.reset(), roster.recentActivity());
    }

    private void lapsedReps(final RepBook book, final Offers offers)
    {
        detail.raw(",\"lapsed\":[");
        for (int i = 0; i < offers.levelStart(); i++)
        {
            final int state = offers.rep(i);
            detail.raw(i > 0 ? "," : "").quoted(book.idBuffer(), book.idOffset(state), book.idLength(state));
        }
        detail.raw(']');
    }

    private void fromRep(final RepBook book, final int state)
    {
        if (RepBook.MISSING == state)
        {
            from.wrap(none, 0, 0);
        }
        else
        {
            from.wrap(book.idBuffer(), book.idOffset(state), book.idLength(state));
        }
    }

}
