package io.firstcall.engine.routing;

import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.DecisionKind;
import io.firstcall.codec.EscalationLevel;
import io.firstcall.codec.Visibility;
import io.firstcall.engine.lead.Lead;
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
 * Hot-lead episodes: the alert, the claim window, the first-to-call claim and the escalation of an
 * unclaimed lead to the manager queue. Every step is settled in journal order and recorded.
 * <p>
 * An episode's alert goes to the lead's owner when it has one, else straight to the manager
 * queue, so a hot lead always has someone responsible.
 */
public final class ClaimBook
{
    private static final byte[] ALREADY_CLAIMED = "already_claimed".getBytes(StandardCharsets.US_ASCII);

    private final TenantDirectory tenants;
    private final TimerService timers;
    private final OutputWriter out;
    private final DetailBuilder detail = new DetailBuilder();
    private final UnsafeBuffer queueView = new UnsafeBuffer(new byte[0]);
    private long inputSequence;

    public ClaimBook(final TenantDirectory tenants, final TimerService timers, final OutputWriter out)
    {
        this.tenants = tenants;
        this.timers = timers;
        this.out = out;
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
     * Open a new hot episode for {@code lead}: the HOT decision, the alert and the claim timer.
     * The caller has checked the cooldown and written the reasons.
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
        if (Lead.NO_TIMER != lead.claimTimerId())
        {
            timers.cancel(lead.claimTimerId());
        }

        lead.openEpisode(nowNs, nowNs + rules.claimWindowNs());
        if (lead.owner().isEmpty())
        {
            final byte[] queue = rules.managerQueueBytes();
            queueView.wrap(queue);
            lead.alertedRep().set(queueView, 0, queue.length);
        }
        else
        {
            lead.alertedRep().set(lead.owner());
        }

        out.decision(DecisionKind.HOT, lead, rules.version(), decisionDetail, decisionDetailLength);
        out.alert(lead, lead.alertedRep().buffer(), 0, lead.alertedRep().length(), Visibility.OWNED,
            score, firmographicScore, behaviouralScore, alertReasons, alertReasonsLength);
        lead.claimTimer(timers.schedule(lead.claimDeadlineNs(),
            TimerPayload.payload(TimerPayload.CLAIM, tenant.index(), lead.index())));
    }

    /**
     * A rep started a call to the lead: the first such call in an episode claims it.
     */
    public void onCallStarted(final Tenant tenant, final Lead lead, final DirectBuffer rep, final int repOffset, final int repLength)
    {
        if (lead.episode() == 0)
        {
            return;
        }

        if (!lead.claimedBy().isEmpty())
        {
            if (!lead.claimedBy().equalTo(rep, repOffset, repLength))
            {
                out.claimRejected(lead, rep, repOffset, repLength, lead.claimedBy(), ALREADY_CLAIMED);
            }
            return;
        }

        if (!lead.episodeOpen())
        {
            return;
        }

        if (Lead.NO_TIMER != lead.claimTimerId())
        {
            timers.cancel(lead.claimTimerId());
        }
        lead.closeEpisode();
        lead.claimedBy().set(rep, repOffset, repLength);
        lead.owner().set(rep, repOffset, repLength);

        out.assignment(lead, rep, repOffset, repLength, AssignmentReason.CLAIM);
        detail.reset().raw("{\"claimedBy\":").quoted(rep, repOffset, repLength)
            .raw(",\"episode\":").number(lead.episode()).raw('}');
        out.decision(DecisionKind.CLAIMED, lead, tenant.rules().version(), detail.buffer(), detail.length());
        if (!lead.alertedRep().equalTo(rep, repOffset, repLength))
        {
            out.withdrawn(lead, lead.alertedRep(), lead.claimedBy());
        }
    }

    /**
     * Claim timers fire during a tick; outputs name that tick as their cause.
     */
    public void inputSequence(final long inputSequence)
    {
        this.inputSequence = inputSequence;
    }

    /**
     * A claim window ended ({@link TimerPayload#CLAIM} timers only).
     */
    public void onTimer(final long payload, final long nowNs)
    {
        final Tenant tenant = tenants.tenant(TimerPayload.tenantIndex(payload));
        final Lead lead = tenant.leads().lead(TimerPayload.leadIndex(payload));
        lead.claimTimer(Lead.NO_TIMER);
        if (!lead.claimedBy().isEmpty())
        {
            return;
        }

        final TenantRules rules = tenant.rules();
        final byte[] queue = rules.managerQueueBytes();
        out.context(inputSequence, nowNs, tenant);
        out.escalation(lead, EscalationLevel.MANAGER_QUEUE, lead.alertedRep(), queue, nowNs);
        detail.reset().raw("{\"from\":").quoted(lead.alertedRep().buffer(), 0, lead.alertedRep().length())
            .raw(",\"to\":\"").escaped(queue).raw("\",\"episode\":").number(lead.episode()).raw('}');
        out.decision(DecisionKind.ESCALATED, lead, rules.version(), detail.buffer(), detail.length());
        queueView.wrap(queue);
        lead.alertedRep().set(queueView, 0, queue.length);
    }
}
