package io.firstcall.engine.routing;

import io.firstcall.codec.AlertEncoder;
import io.firstcall.codec.AlertWithdrawnEncoder;
import io.firstcall.codec.AssignmentEncoder;
import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.BooleanType;
import io.firstcall.codec.ClaimDecisionEncoder;
import io.firstcall.codec.ClaimRejectedEncoder;
import io.firstcall.codec.ClaimRejection;
import io.firstcall.codec.EscalationEncoder;
import io.firstcall.codec.EscalationLevel;
import io.firstcall.codec.Level;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.codec.RoutingDecisionEncoder;
import io.firstcall.codec.Visibility;
import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.LeadProfile;
import io.firstcall.engine.lead.LeadRegistry;
import io.firstcall.engine.lead.RecentActivity;
import io.firstcall.engine.lead.TextField;
import io.firstcall.engine.output.OutputBatch;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Writes routing's outputs into the batch: the pushes (Alert, AlertWithdrawn, Assignment,
 * ClaimRejected, Escalation) and the decisions (RoutingDecision, ClaimDecision). Every output
 * names the tenant and the lead from the {@link TenantRouting} and its episode; reps are named by
 * their {@link RepBook} state. Nothing here allocates.
 */
final class RoutingRecords
{
    private static final Level[] LEVELS = {Level.PRIMARY, Level.BACKUP, Level.QUEUE};

    private final OutputBatch outputs;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final AlertEncoder alert = new AlertEncoder();
    private final AlertWithdrawnEncoder withdrawn = new AlertWithdrawnEncoder();
    private final AssignmentEncoder assignment = new AssignmentEncoder();
    private final ClaimRejectedEncoder claimRejected = new ClaimRejectedEncoder();
    private final EscalationEncoder escalation = new EscalationEncoder();
    private final RoutingDecisionEncoder routing = new RoutingDecisionEncoder();
    private final ClaimDecisionEncoder claim = new ClaimDecisionEncoder();

    RoutingRecords(final OutputBatch outputs)
    {
        this.outputs = outputs;
    }

    /**
     * An alert of the lead's current episode, with the episode's reasons and scores and the lead's
     * profile and recent activity as they are now.
     *
     * @param team the routing team's id; empty for none.
     */
    void alert(
        final TenantRouting tenant,
        final Lead lead,
        final Episode episode,
        final DirectBuffer rep,
        final int repOffset,
        final int repLength,
        final Visibility visibility,
        final byte[] team)
    {
        alert.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .claimDeadlineNs(episode.claimDeadlineNs())
            .configVersion(tenant.version())
            .score(episode.score())
            .firmographicScore(episode.firmographicScore())
            .behaviouralScore(episode.behaviouralScore())
            .externalScore(episode.externalScore())
            .visibility(visibility)
            .level(LEVELS[episode.level()])
            .episode(episode.number())
            .employees(lead.employees())
            .signalsOmitted(episode.signalsOmitted());

        // The criteria, firmographic and signals groups, copied as the hot decision encoded them.
        final MutableDirectBuffer buffer = outputs.buffer();
        final int reasonsAt = alert.limit();
        buffer.putBytes(reasonsAt, episode.reasons(), 0, episode.reasonsLength());
        alert.limit(reasonsAt + episode.reasonsLength());

        final RecentActivity activity = lead.activity();
        final int count = Math.min(tenant.roster().recentActivity(), activity.size());
        final AlertEncoder.ActivityEncoder entries = alert.activityCount(count);
        for (int i = 0; i < count; i++)
        {
            entries.next().kind(activity.kind(i)).atNs(activity.atNs(i))
                .putDetail(activity.details(), activity.detailOffset(i), activity.detailLength(i));
        }

        final LeadRegistry leads = tenant.leads();
        alert.putTenant(leads.tenantId(), 0, leads.tenantId().capacity());
        alert.putLead(leads.idBuffer(), leads.idOffset(lead.index()), leads.idLength(lead.index()));
        alert.putRep(rep, repOffset, repLength);
        final LeadProfile profile = lead.profile();
        final DirectBuffer text = profile.buffer();
        final int emailAt = LeadProfile.FIELDS;
        final int phoneAt = emailAt + profile.length(LeadProfile.EMAIL);
        final int nameAt = phoneAt + profile.length(LeadProfile.PHONE);
        final int companyAt = nameAt + profile.length(LeadProfile.NAME);
        final int industryAt = companyAt + profile.length(LeadProfile.COMPANY);
        final int regionAt = industryAt + profile.length(LeadProfile.INDUSTRY);
        final int productAt = regionAt + profile.length(LeadProfile.REGION);
        alert.putName(text, nameAt, profile.length(LeadProfile.NAME));
        alert.putEmail(text, emailAt, profile.length(LeadProfile.EMAIL));
        alert.putPhone(text, phoneAt, profile.length(LeadProfile.PHONE));
        alert.putCompany(text, companyAt, profile.length(LeadProfile.COMPANY));
        alert.putIndustry(text, industryAt, profile.length(LeadProfile.INDUSTRY));
        alert.putRegion(text, regionAt, profile.length(LeadProfile.REGION));
        alert.putProduct(text, productAt, profile.length(LeadProfile.PRODUCT));
        alert.putTeam(team, 0, team.length);
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + alert.encodedLength());
    }

    void withdrawn(final TenantRouting tenant, final Lead lead, final Episode episode, final DirectBuffer rep,
        final int repOffset, final int repLength)
    {
        final LeadRegistry leads = tenant.leads();
        final TextField claimedBy = episode.claimedBy();
        withdrawn.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .episode(episode.number())
            .putTenant(leads.tenantId(), 0, leads.tenantId().capacity())
            .putLead(leads.idBuffer(), leads.idOffset(lead.index()), leads.idLength(lead.index()))
            .putRep(rep, repOffset, repLength)
            .putClaimedBy(claimedBy.buffer(), 0, claimedBy.length());
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + withdrawn.encodedLength());
    }

    void assignment(final TenantRouting tenant, final Lead lead, final Episode episode, final DirectBuffer rep,
        final int repOffset, final int repLength, final AssignmentReason reason)
    {
        final LeadRegistry leads = tenant.leads();
        assignment.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .reason(reason)
            .episode(episode.number())
            .putTenant(leads.tenantId(), 0, leads.tenantId().capacity())
            .putLead(leads.idBuffer(), leads.idOffset(lead.index()), leads.idLength(lead.index()))
            .putRep(rep, repOffset, repLength);
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + assignment.encodedLength());
    }

    /**
     * The push to a claimant who lost or was not allowed; {@code owner} is who holds the claim.
     */
    void claimRejected(final TenantRouting tenant, final Lead lead, final Episode episode, final DirectBuffer rep,
        final int repOffset, final int repLength, final ClaimRejection reason)
    {
        final LeadRegistry leads = tenant.leads();
        final TextField owner = episode.claimedBy();
        claimRejected.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .episode(episode.number())
            .reason(reason)
            .putTenant(leads.tenantId(), 0, leads.tenantId().capacity())
            .putLead(leads.idBuffer(), leads.idOffset(lead.index()), leads.idLength(lead.index()))
            .putRep(rep, repOffset, repLength)
            .putOwner(owner.buffer(), 0, owner.length());
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + claimRejected.encodedLength());
    }

    /**
     * @param from       the rep (state) whose offer lapsed, or {@link RepBook#MISSING}.
     * @param deadlineNs the new recipient's deadline; 0 for the manager queue, which has none.
     */
    void escalation(final TenantRouting tenant, final Lead lead, final Episode episode, final EscalationLevel level,
        final int from, final DirectBuffer to, final int toOffset, final int toLength, final long deadlineNs)
    {
        final LeadRegistry leads = tenant.leads();
        final RepBook book = tenant.reps();
        escalation.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .deadlineNs(deadlineNs)
            .level(level)
            .episode(episode.number())
            .putTenant(leads.tenantId(), 0, leads.tenantId().capacity())
            .putLead(leads.idBuffer(), leads.idOffset(lead.index()), leads.idLength(lead.index()));
        if (RepBook.MISSING == from)
        {
            escalation.putFromRep(book.idBuffer(), 0, 0);
        }
        else
        {
            escalation.putFromRep(book.idBuffer(), book.idOffset(from), book.idLength(from));
        }
        escalation.putTo(to, toOffset, toLength);
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + escalation.encodedLength());
    }

    /**
     * One step of the episode: who was considered ({@code plan}), who let it lapse, who is alerted
     * (the episode's standing offers) or, for a queue step, which queue. The level is the step's:
     * the first step is PRIMARY even when it ends in the queue; an escalation names the level it
     * reached.
     *
     * @param managerQueue the queue a queue step went to; null for a step that alerts reps.
     */
    void routingDecision(
        final TenantRouting tenant,
        final Lead lead,
        final Episode episode,
        final RoutingPlanner plan,
        final boolean escalated,
        final int team,
        final byte[] managerQueue)
    {
        final LeadRegistry leads = tenant.leads();
        final RepBook book = tenant.reps();
        final Roster roster = book.roster();
        final boolean hasTeam = roster.hasTeam(team);
        routing.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .configVersion(tenant.version())
            .escalated(escalated ? BooleanType.TRUE : BooleanType.FALSE)
            .level(escalated ? LEVELS[episode.level()] : Level.PRIMARY)
            .visibility(hasTeam ? roster.team(team).visibility() : Visibility.OWNED)
            .assignment(plan.rule())
            .deadlineNs(episode.claimDeadlineNs())
            .poolWeight(plan.poolWeight())
            .episode(episode.number());

        final RoutingDecisionEncoder.PoolEncoder pool = routing.poolCount(plan.poolCount());
        for (int i = 0; i < plan.poolCount(); i++)
        {
            final int state = plan.pool(i);
            pool.next().putRep(book.idBuffer(), book.idOffset(state), book.idLength(state));
        }
        final RoutingDecisionEncoder.ExcludedEncoder excluded = routing.excludedCount(plan.excludedCount());
        for (int i = 0; i < plan.excludedCount(); i++)
        {
            final int state = plan.excluded(i);
            excluded.next().reason(plan.excludedReason(i)).putRep(book.idBuffer(), book.idOffset(state), book.idLength(state));
        }
        final Offers offers = episode.offers();
        final RoutingDecisionEncoder.LapsedEncoder lapsed = routing.lapsedCount(offers.levelStart());
        for (int i = 0; i < offers.levelStart(); i++)
        {
            final int state = offers.rep(i);
            lapsed.next().putRep(book.idBuffer(), book.idOffset(state), book.idLength(state));
        }
        final RoutingDecisionEncoder.LedgerEncoder ledger = routing.ledgerCount(plan.ledgerCount());
        for (int i = 0; i < plan.ledgerCount(); i++)
        {
            final int state = plan.ledger(i);
            ledger.next().weight(roster.rep(book.definitionOf(state)).weight()).credit(plan.ledgerCredit(i))
                .putRep(book.idBuffer(), book.idOffset(state), book.idLength(state));
        }
        final int standing = null == managerQueue ? offers.count() - offers.levelStart() : 0;
        final RoutingDecisionEncoder.AlertedEncoder alerted = routing.alertedCount(standing);
        for (int i = 0; i < standing; i++)
        {
            final int state = offers.rep(offers.levelStart() + i);
            alerted.next().putRep(book.idBuffer(), book.idOffset(state), book.idLength(state));
        }

        routing.putTenant(leads.tenantId(), 0, leads.tenantId().capacity());
        routing.putLead(leads.idBuffer(), leads.idOffset(lead.index()), leads.idLength(lead.index()));
        if (hasTeam)
        {
            final byte[] id = roster.team(team).idBytes();
            routing.putTeam(id, 0, id.length);
        }
        else
        {
            routing.putTeam(leads.tenantId(), 0, 0);
        }
        if (null == managerQueue)
        {
            routing.putManagerQueue(leads.tenantId(), 0, 0);
        }
        else
        {
            routing.putManagerQueue(managerQueue, 0, managerQueue.length);
        }
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + routing.encodedLength());
    }

    /**
     * A claim settled ({@code rejection} null) or rejected.
     *
     * @param alerted whether the claimant held a standing alert.
     */
    void claimDecision(final TenantRouting tenant, final Lead lead, final Episode episode, final DirectBuffer rep,
        final int repOffset, final int repLength, final boolean alerted, final ClaimRejection rejection)
    {
        final LeadRegistry leads = tenant.leads();
        final TextField claimedBy = episode.claimedBy();
        claim.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .configVersion(tenant.version())
            .claimed(null == rejection ? BooleanType.TRUE : BooleanType.FALSE)
            .alerted(alerted ? BooleanType.TRUE : BooleanType.FALSE)
            .level(LEVELS[episode.level()])
            .episode(episode.number())
            .rejection(null == rejection ? ClaimRejection.NULL_VAL : rejection)
            .putTenant(leads.tenantId(), 0, leads.tenantId().capacity())
            .putLead(leads.idBuffer(), leads.idOffset(lead.index()), leads.idLength(lead.index()))
            .putRep(rep, repOffset, repLength)
            .putClaimedBy(claimedBy.buffer(), 0, claimedBy.length());
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + claim.encodedLength());
    }
}
