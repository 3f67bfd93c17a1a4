package io.firstcall.engine.output;

import io.firstcall.codec.AlertEncoder;
import io.firstcall.codec.AlertWithdrawnEncoder;
import io.firstcall.codec.AssignmentEncoder;
import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.ClaimRejectedEncoder;
import io.firstcall.codec.DecisionKind;
import io.firstcall.codec.DecisionRecordEncoder;
import io.firstcall.codec.EscalationEncoder;
import io.firstcall.codec.EscalationLevel;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.codec.Visibility;
import io.firstcall.engine.OutputSink;
import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.TextField;
import io.firstcall.engine.tenant.Tenant;
import io.firstcall.engine.tenant.TenantDirectory;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Encodes the engine's output events into one reused buffer and hands each to the
 * {@link OutputSink}. Every output carries the input sequence that caused it and the engine time.
 * The fields shared by all outputs (tenant, lead) are taken from the current context set with
 * {@link #context}.
 */
public final class OutputWriter
{
    private static final int BUFFER_LENGTH = 128 * 1024;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[BUFFER_LENGTH]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final AlertEncoder alert = new AlertEncoder();
    private final AlertWithdrawnEncoder withdrawn = new AlertWithdrawnEncoder();
    private final AssignmentEncoder assignment = new AssignmentEncoder();
    private final ClaimRejectedEncoder claimRejected = new ClaimRejectedEncoder();
    private final EscalationEncoder escalation = new EscalationEncoder();
    private final DecisionRecordEncoder decision = new DecisionRecordEncoder();
    private final UnsafeBuffer field = new UnsafeBuffer(new byte[0]);
    private final TenantDirectory tenants;
    private final OutputSink sink;
    private long inputSequence;
    private long nowNs;
    private Tenant tenant;
    private DirectBuffer tenantId;
    private int tenantIdOffset;
    private int tenantIdLength;

    public OutputWriter(final TenantDirectory tenants, final OutputSink sink)
    {
        this.tenants = tenants;
        this.sink = sink;
    }

    /**
     * Set what every following output shares: the input that caused it, the engine time, the tenant
     * (null when the tenant is not configured) and the tenant id bytes.
     */
    public void context(
        final long inputSequence,
        final long nowNs,
        final Tenant tenant,
        final DirectBuffer tenantId,
        final int tenantIdOffset,
        final int tenantIdLength)
    {
        this.inputSequence = inputSequence;
        this.nowNs = nowNs;
        this.tenant = tenant;
        this.tenantId = tenantId;
        this.tenantIdOffset = tenantIdOffset;
        this.tenantIdLength = tenantIdLength;
    }

    /**
     * Same as {@link #context(long, long, Tenant, DirectBuffer, int, int)} with the tenant's own id.
     */
    public void context(final long inputSequence, final long nowNs, final Tenant tenant)
    {
        context(inputSequence, nowNs, tenant,
            tenants.idBuffer(), tenants.idOffset(tenant.index()), tenants.idLength(tenant.index()));
    }

    /**
     * An alert for the lead's current episode, with the episode's reasons and scores.
     *
     * @param team     the routing team's id bytes from offset 0; length 0 for none.
     * @param activity the lead's recent activity, a JSON array.
     */
    public void alert(
        final Lead lead,
        final DirectBuffer rep,
        final int repOffset,
        final int repLength,
        final Visibility visibility,
        final DirectBuffer team,
        final int teamLength,
        final DetailBuilder activity)
    {
        alert.wrapAndApplyHeader(buffer, 0, header)
            .inputSeq(inputSequence)
            .timeNs(nowNs)
            .claimDeadlineNs(lead.claimDeadlineNs())
            .configVersion(tenant.rules().version())
            .score(lead.episodeScore())
            .firmographicScore(lead.episodeFirmographic())
            .behaviouralScore(lead.episodeBehavioural())
            .visibility(visibility)
            .episode(lead.episode())
            .employees(lead.employees());
        alert.putTenant(tenantId, tenantIdOffset, tenantIdLength);
        alert.putLead(leadIds(), leadOffset(lead), leadLength(lead));
        alert.putRep(rep, repOffset, repLength);
        put(lead.episodeReasons());
        alert.putReasons(field, 0, field.capacity());
        put(lead.name());
        alert.putName(field, 0, field.capacity());
        put(lead.email());
        alert.putEmail(field, 0, field.capacity());
        put(lead.phone());
        alert.putPhone(field, 0, field.capacity());
        put(lead.company());
        alert.putCompany(field, 0, field.capacity());
        put(lead.industry());
        alert.putIndustry(field, 0, field.capacity());
        put(lead.region());
        alert.putRegion(field, 0, field.capacity());
        put(lead.product());
        alert.putProduct(field, 0, field.capacity());
        alert.putTeam(team, 0, teamLength);
        alert.putActivity(activity.buffer(), 0, activity.length());
        emit(alert.encodedLength());
    }

    public void withdrawn(final Lead lead, final DirectBuffer rep, final int repOffset, final int repLength, final TextField claimedBy)
    {
        withdrawn.wrapAndApplyHeader(buffer, 0, header)
            .inputSeq(inputSequence)
            .timeNs(nowNs)
            .episode(lead.episode());
        withdrawn.putTenant(tenantId, tenantIdOffset, tenantIdLength);
        withdrawn.putLead(leadIds(), leadOffset(lead), leadLength(lead));
        withdrawn.putRep(rep, repOffset, repLength);
        withdrawn.putClaimedBy(claimedBy.buffer(), 0, claimedBy.length());
        emit(withdrawn.encodedLength());
    }

    public void assignment(final Lead lead, final DirectBuffer rep, final int repOffset, final int repLength, final AssignmentReason reason)
    {
        assignment.wrapAndApplyHeader(buffer, 0, header)
            .inputSeq(inputSequence)
            .timeNs(nowNs)
            .reason(reason)
            .episode(lead.episode());
        assignment.putTenant(tenantId, tenantIdOffset, tenantIdLength);
        assignment.putLead(leadIds(), leadOffset(lead), leadLength(lead));
        assignment.putRep(rep, repOffset, repLength);
        emit(assignment.encodedLength());
    }

    public void claimRejected(
        final Lead lead, final DirectBuffer rep, final int repOffset, final int repLength, final TextField owner, final byte[] reason)
    {
        claimRejected.wrapAndApplyHeader(buffer, 0, header)
            .inputSeq(inputSequence)
            .timeNs(nowNs)
            .episode(lead.episode());
        claimRejected.putTenant(tenantId, tenantIdOffset, tenantIdLength);
        claimRejected.putLead(leadIds(), leadOffset(lead), leadLength(lead));
        claimRejected.putRep(rep, repOffset, repLength);
        claimRejected.putOwner(owner.buffer(), 0, owner.length());
        claimRejected.putReason(reason, 0, reason.length);
        emit(claimRejected.encodedLength());
    }

    /**
     * @param deadlineNs the new recipient's deadline; 0 for the manager queue, which has none.
     */
    public void escalation(
        final Lead lead,
        final EscalationLevel level,
        final DirectBuffer fromRep,
        final int fromOffset,
        final int fromLength,
        final DirectBuffer to,
        final int toOffset,
        final int toLength,
        final long deadlineNs)
    {
        escalation.wrapAndApplyHeader(buffer, 0, header)
            .inputSeq(inputSequence)
            .timeNs(nowNs)
            .deadlineNs(deadlineNs)
            .level(level)
            .episode(lead.episode());
        escalation.putTenant(tenantId, tenantIdOffset, tenantIdLength);
        escalation.putLead(leadIds(), leadOffset(lead), leadLength(lead));
        escalation.putFromRep(fromRep, fromOffset, fromLength);
        escalation.putTo(to, toOffset, toLength);
        emit(escalation.encodedLength());
    }

    /**
     * @param lead may be null for tenant-level decisions.
     */
    public void decision(final DecisionKind kind, final Lead lead, final long configVersion, final DirectBuffer detail, final int detailLength)
    {
        decision.wrapAndApplyHeader(buffer, 0, header)
            .inputSeq(inputSequence)
            .timeNs(nowNs)
            .configVersion(configVersion)
            .kind(kind);
        decision.putTenant(tenantId, tenantIdOffset, tenantIdLength);
        if (null == lead)
        {
            decision.putLead(buffer, 0, 0);
        }
        else
        {
            decision.putLead(leadIds(), leadOffset(lead), leadLength(lead));
        }
        decision.putDetail(detail, 0, detailLength);
        emit(decision.encodedLength());
    }

    private void put(final TextField value)
    {
        field.wrap(value.buffer(), 0, value.length());
    }

    private DirectBuffer leadIds()
    {
        return tenant.leads().idBuffer();
    }

    private int leadOffset(final Lead lead)
    {
        return tenant.leads().idOffset(lead.index());
    }

    private int leadLength(final Lead lead)
    {
        return tenant.leads().idLength(lead.index());
    }

    private void emit(final int bodyLength)
    {
        sink.onOutput(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + bodyLength);
    }
}
