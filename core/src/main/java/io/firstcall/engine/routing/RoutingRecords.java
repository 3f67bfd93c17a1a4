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
import io.firstcall.engine.lead.LeadTable;
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
        final int lead,
        final DirectBuffer rep,
        final int repOffset,
        final int repLength,
        final Visibility visibility,
        final byte[] team)
    {
        final EpisodeTable episode = tenant.episodes();
        final LeadTable leads = tenant.leads();
        alert.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .claimDeadlineNs(episode.claimDeadlineNs(lead))
            .configVersion(tenant.version())
            .score(episode.score(lead))
            .firmographicScore(episode.firmographicScore(lead))
            .behaviouralScore(episode.behaviouralScore(lead))
            .externalScore(episode.externalScore(lead))
            .visibility(visibility)
            .level(LEVELS[episode.level(lead)])
            .episode(episode.number(lead))
            .employees(leads.employees(lead))
            .signalsOmitted(episode.signalsOmitted(lead));

        // The criteria, firmographic and signals groups, copied as the hot decision encoded them.
        final MutableDirectBuffer buffer = outputs.buffer();
        final int reasonsAt = alert.limit();
        final int reasonsLength = episode.reasonsLength(lead);
        buffer.putBytes(reasonsAt, episode.reasonsBuffer(), episode.reasonsOffset(lead), reasonsLength);
        alert.limit(reasonsAt + reasonsLength);

        final int count = Math.min(tenant.roster().recentActivity(), leads.activityCount(lead));
        final AlertEncoder.ActivityEncoder entries = alert.activityCount(count);
        final byte[] details = leads.activityDetails(lead);
        for (int i = 0; i < count; i++)
        {
            entries.next().kind(leads.activityKind(lead, i)).atNs(leads.activityAtNs(lead, i))
                .putDetail(details, leads.activityDetailOffset(lead, i), leads.activityDetailLength(lead, i));
        }

        alert.putTenant(leads.tenantId(), 0, leads.tenantId().capacity());
        alert.putLead(leads.idBuffer(), leads.idOffset(lead), leads.idLength(lead));
        alert.putRep(rep, repOffset, repLength);
        final DirectBuffer text = leads.profileBuffer();
        final int emailAt = leads.profileOffset(lead, LeadTable.EMAIL);
        final int emailLength = leads.profileLength(lead, LeadTable.EMAIL);
        final int phoneLength = leads.profileLength(lead, LeadTable.PHONE);
        final int nameLength = leads.profileLength(lead, LeadTable.NAME);
        final int companyLength = leads.profileLength(lead, LeadTable.COMPANY);
        final int industryLength = leads.profileLength(lead, LeadTable.INDUSTRY);
        final int regionLength = leads.profileLength(lead, LeadTable.REGION);
        final int phoneAt = emailAt + emailLength;
        final int nameAt = phoneAt + phoneLength;
        final int companyAt = nameAt + nameLength;
        final int industryAt = companyAt + companyLength;
        final int regionAt = industryAt + industryLength;
        final int productAt = regionAt + regionLength;
        alert.putName(text, nameAt, nameLength);
        alert.putEmail(text, emailAt, emailLength);
        alert.putPhone(text, phoneAt, phoneLength);
        alert.putCompany(text, companyAt, companyLength);
        alert.putIndustry(text, industryAt, industryLength);
        alert.putRegion(text, regionAt, regionLength);
        alert.putProduct(text, productAt, leads.profileLength(lead, LeadTable.PRODUCT));
        alert.putTeam(team, 0, team.length);
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + alert.encodedLength());
    }

    void withdrawn(final TenantRouting tenant, final int lead, final DirectBuffer rep, final int repOffset, final int repLength)
    {
        final LeadTable leads = tenant.leads();
        withdrawn.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .episode(tenant.episodes().number(lead))
            .putTenant(leads.tenantId(), 0, leads.tenantId().capacity())
            .putLead(leads.idBuffer(), leads.idOffset(lead), leads.idLength(lead))
            .putRep(rep, repOffset, repLength);
        putClaimedBy(tenant, lead, withdrawn);
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + withdrawn.encodedLength());
    }

    void assignment(final TenantRouting tenant, final int lead, final DirectBuffer rep, final int repOffset,
        final int repLength, final AssignmentReason reason)
    {
        final LeadTable leads = tenant.leads();
        assignment.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .reason(reason)
            .episode(tenant.episodes().number(lead))
            .putTenant(leads.tenantId(), 0, leads.tenantId().capacity())
            .putLead(leads.idBuffer(), leads.idOffset(lead), leads.idLength(lead))
            .putRep(rep, repOffset, repLength);
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + assignment.encodedLength());
    }

    /**
     * The push to a claimant who lost or was not allowed; {@code owner} is who holds the claim.
     */
    void claimRejected(final TenantRouting tenant, final int lead, final DirectBuffer rep, final int repOffset,
        final int repLength, final ClaimRejection reason)
    {
        final LeadTable leads = tenant.leads();
        final RepBook book = tenant.reps();
        final int owner = tenant.episodes().claimedBy(lead);
        claimRejected.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .episode(tenant.episodes().number(lead))
            .reason(reason)
            .putTenant(leads.tenantId(), 0, leads.tenantId().capacity())
            .putLead(leads.idBuffer(), leads.idOffset(lead), leads.idLength(lead))
            .putRep(rep, repOffset, repLength);
        if (EpisodeTable.NO_REP == owner)
        {
            claimRejected.putOwner(book.idBuffer(), 0, 0);
        }
        else
        {
            claimRejected.putOwner(book.idBuffer(), book.idOffset(owner), book.idLength(owner));
        }
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + claimRejected.encodedLength());
    }

    /**
     * @param from       the rep (state) whose offer lapsed, or {@link RepBook#MISSING}.
     * @param deadlineNs the new recipient's deadline; 0 for the manager queue, which has none.
     */
    void escalation(final TenantRouting tenant, final int lead, final EscalationLevel level,
        final int from, final DirectBuffer to, final int toOffset, final int toLength, final long deadlineNs)
    {
        final LeadTable leads = tenant.leads();
        final RepBook book = tenant.reps();
        escalation.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .deadlineNs(deadlineNs)
            .level(level)
            .episode(tenant.episodes().number(lead))
            .putTenant(leads.tenantId(), 0, leads.tenantId().capacity())
            .putLead(leads.idBuffer(), leads.idOffset(lead), leads.idLength(lead));
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
        final int lead,
        final RoutingPlanner plan,
        final boolean escalated,
        final int team,
        final byte[] managerQueue)
    {
        final LeadTable leads = tenant.leads();
        final EpisodeTable episode = tenant.episodes();
        final RepBook book = tenant.reps();
        final Roster roster = book.roster();
        final boolean hasTeam = roster.hasTeam(team);
        routing.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .configVersion(tenant.version())
            .escalated(escalated ? BooleanType.TRUE : BooleanType.FALSE)
            .level(escalated ? LEVELS[episode.level(lead)] : Level.PRIMARY)
            .visibility(hasTeam ? roster.team(team).visibility() : Visibility.OWNED)
            .assignment(plan.rule())
            .deadlineNs(episode.claimDeadlineNs(lead))
            .poolWeight(plan.poolWeight())
            .episode(episode.number(lead));

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
        final int levelStart = episode.levelStart(lead);
        final RoutingDecisionEncoder.LapsedEncoder lapsed = routing.lapsedCount(levelStart);
        for (int i = 0; i < levelStart; i++)
        {
            final int state = episode.offer(lead, i);
            lapsed.next().putRep(book.idBuffer(), book.idOffset(state), book.idLength(state));
        }
        final RoutingDecisionEncoder.LedgerEncoder ledger = routing.ledgerCount(plan.ledgerCount());
        for (int i = 0; i < plan.ledgerCount(); i++)
        {
            final int state = plan.ledger(i);
            ledger.next().weight(roster.rep(book.definitionOf(state)).weight()).credit(plan.ledgerCredit(i))
                .putRep(book.idBuffer(), book.idOffset(state), book.idLength(state));
        }
        final int standing = null == managerQueue ? episode.offerCount(lead) - levelStart : 0;
        final RoutingDecisionEncoder.AlertedEncoder alerted = routing.alertedCount(standing);
        for (int i = 0; i < standing; i++)
        {
            final int state = episode.offer(lead, levelStart + i);
            alerted.next().putRep(book.idBuffer(), book.idOffset(state), book.idLength(state));
        }

        routing.putTenant(leads.tenantId(), 0, leads.tenantId().capacity());
        routing.putLead(leads.idBuffer(), leads.idOffset(lead), leads.idLength(lead));
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
    void claimDecision(final TenantRouting tenant, final int lead, final DirectBuffer rep, final int repOffset,
        final int repLength, final boolean alerted, final ClaimRejection rejection)
    {
        final LeadTable leads = tenant.leads();
        final EpisodeTable episode = tenant.episodes();
        claim.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .configVersion(tenant.version())
            .claimed(null == rejection ? BooleanType.TRUE : BooleanType.FALSE)
            .alerted(alerted ? BooleanType.TRUE : BooleanType.FALSE)
            .level(LEVELS[episode.level(lead)])
            .episode(episode.number(lead))
            .rejection(null == rejection ? ClaimRejection.NULL_VAL : rejection)
            .putTenant(leads.tenantId(), 0, leads.tenantId().capacity())
            .putLead(leads.idBuffer(), leads.idOffset(lead), leads.idLength(lead))
            .putRep(rep, repOffset, repLength);
        final int claimedBy = episode.claimedBy(lead);
        final RepBook book = tenant.reps();
        if (EpisodeTable.NO_REP == claimedBy)
        {
            claim.putClaimedBy(book.idBuffer(), 0, 0);
        }
        else
        {
            claim.putClaimedBy(book.idBuffer(), book.idOffset(claimedBy), book.idLength(claimedBy));
        }
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + claim.encodedLength());
    }

    private static void putClaimedBy(final TenantRouting tenant, final int lead, final AlertWithdrawnEncoder encoder)
    {
        final int claimedBy = tenant.episodes().claimedBy(lead);
        final RepBook book = tenant.reps();
        if (EpisodeTable.NO_REP == claimedBy)
        {
            encoder.putClaimedBy(book.idBuffer(), 0, 0);
        }
        else
        {
            encoder.putClaimedBy(book.idBuffer(), book.idOffset(claimedBy), book.idLength(claimedBy));
        }
    }
}
