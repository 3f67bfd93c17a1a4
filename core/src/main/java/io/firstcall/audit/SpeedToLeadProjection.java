package io.firstcall.audit;

import io.firstcall.render.SbeGroups;
import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.AlertWithdrawnDecoder;
import io.firstcall.codec.AssignmentDecoder;
import io.firstcall.codec.BooleanType;
import io.firstcall.codec.CallActivityDecoder;
import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.ClaimDecisionDecoder;
import io.firstcall.codec.ConfigDecisionDecoder;
import io.firstcall.codec.EscalationDecoder;
import io.firstcall.codec.FormSubmittedDecoder;
import io.firstcall.codec.HotDecisionDecoder;
import io.firstcall.codec.LeadConvertedDecoder;
import io.firstcall.codec.LeadUpsertDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.OpportunityCreatedDecoder;
import io.firstcall.codec.QualificationDecoder;
import io.firstcall.codec.QualificationResult;
import io.firstcall.codec.RoutingDecisionDecoder;
import io.firstcall.engine.lead.ByteKeyIndex;
import io.firstcall.event.InputFault;
import io.firstcall.event.InputValidator;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;

/**
 * The speed-to-lead metrics, computed from the journals alone: fed every input and the outputs it
 * caused in journal order ({@link JournalWalk}), it keeps per lead when it became hot, when it was
 * first called and what followed, and per rep how many alerts, claims, lapses and escalations they
 * had; {@link #snapshot()} aggregates that into {@link SpeedToLeadSnapshot}. The same class runs
 * offline ({@code firstcall report}) and live (the server's {@link LiveSpeedToLead}, fed by the
 * {@link ProjectionAgent} that tails the server's own journals), so both give the same figures for the
 * same journal.
 * <p>
 * Definitions (docs/audit.md): a lead counts once, from its first hot decision that opened an episode
 * (engine time of the input that made it hot). Its response time is the engine time of the first
 * {@code call} input for it at or after that moment (any outcome: an attempt), and from its first form
 * the first call at or after the form. A lead with no call attempt within {@code neverAfterNs} of
 * becoming hot is in the bucket <em>never</em>; one hot less than that before the end of the journal
 * and not called yet is <em>open</em>. Connected, qualified, converted and opportunities count what
 * happened after the lead became hot. The lead's rep is the one who made the first call attempt, else
 * its owner; its team is the one its first routing decision chose; its source the last one given.
 * Alerts, claims (of alerts the rep held), lapses (alerts withdrawn unclaimed as the lead escalated)
 * and escalations (away from the rep) are counted per rep, and per team by the alert's team.
 * <p>
 * A window [{@code fromNs}, {@code toNs}) keeps the leads that became hot in it and the rep events in it.
 * Single-threaded; allocation only when a new tenant, lead or name is seen or arrays grow.
 */
public final class SpeedToLeadProjection implements JournalListener
{
    private final long neverAfterNs;
    private final long fromNs;
    private final long toNs;
    private final ByteKeyIndex tenantIds = new ByteKeyIndex(16);
    private final ArrayList<TenantResponses> tenants = new ArrayList<>();
    private final InputValidator validator = new InputValidator();
    private final InputFields input = new InputFields();
    private final OutputFields output = new OutputFields();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[0]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final LeadUpsertDecoder upsert = new LeadUpsertDecoder();
    private final FormSubmittedDecoder form = new FormSubmittedDecoder();
    private final CallActivityDecoder call = new CallActivityDecoder();
    private final QualificationDecoder qualification = new QualificationDecoder();
    private final OpportunityCreatedDecoder opportunity = new OpportunityCreatedDecoder();
    private final HotDecisionDecoder hot = new HotDecisionDecoder();
    private final RoutingDecisionDecoder routing = new RoutingDecisionDecoder();
    private final AlertDecoder alert = new AlertDecoder();
    private final AlertWithdrawnDecoder withdrawn = new AlertWithdrawnDecoder();
    private final AssignmentDecoder assignment = new AssignmentDecoder();
    private final ClaimDecisionDecoder claim = new ClaimDecisionDecoder();
    private final EscalationDecoder escalation = new EscalationDecoder();
    private final ConfigDecisionDecoder config = new ConfigDecisionDecoder();
    private TenantResponses lastTenant;
    private long inputs;
    private long endNs = Long.MIN_VALUE;

    /**
     * @param neverAfterNs a lead not called within this much engine time of becoming hot is "never".
     */
    public SpeedToLeadProjection(final long neverAfterNs)
    {
        this(neverAfterNs, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * @param fromNs the first engine time of the window, inclusive.
     * @param toNs   the end of the window, exclusive.
     */
    public SpeedToLeadProjection(final long neverAfterNs, final long fromNs, final long toNs)
    {
        if (neverAfterNs <= 0)
        {
            throw new IllegalArgumentException("the never horizon must be positive: " + neverAfterNs);
        }
        this.neverAfterNs = neverAfterNs;
        this.fromNs = fromNs;
        this.toNs = toNs;
    }

    public long neverAfterNs()
    {
        return neverAfterNs;
    }

    public void onInput(final long sequence, final long timestampNs, final DirectBuffer buffer, final int offset, final int length)
    {
        inputs++;
        endNs = Math.max(endNs, timestampNs);
        if (InputFault.NONE != validator.validate(buffer, offset, length) || !input.wrap(buffer, offset, length) ||
            InputFields.NONE == input.leadLength())
        {
            return;
        }
        final TenantResponses tenant = tenant(buffer, input.tenantOffset(), input.tenantLength(), false);
        if (null == tenant)
        {
            return;
        }
        final int templateId = input.templateId();
        if (CallActivityDecoder.TEMPLATE_ID == templateId)
        {
            final int lead = tenant.findLead(buffer, input.leadOffset(), input.leadLength());
            if (ByteKeyIndex.MISSING != lead)
            {
                message.wrap(buffer, offset, length);
                header.wrap(message, 0);
                onCall(tenant, lead, call.wrapAndApplyHeader(message, 0, header).outcomeRaw(), timestampNs,
                    tenant.rep(buffer, input.repOffset(), input.repLength()));
            }
            return;
        }

        final boolean profile = LeadUpsertDecoder.TEMPLATE_ID == templateId || FormSubmittedDecoder.TEMPLATE_ID == templateId;
        final int lead = profile ? tenant.lead(buffer, input.leadOffset(), input.leadLength()) :
            tenant.findLead(buffer, input.leadOffset(), input.leadLength());
        if (ByteKeyIndex.MISSING == lead)
        {
            return;
        }
        message.wrap(buffer, offset, length);
        header.wrap(message, 0);
        switch (templateId)
        {
            case LeadUpsertDecoder.TEMPLATE_ID:
                onSource(tenant, lead, upsertSource(upsert.wrapAndApplyHeader(message, 0, header)));
                break;

            case FormSubmittedDecoder.TEMPLATE_ID:
                if (TenantResponses.NEVER == tenant.formNs[lead])
                {
                    tenant.formNs[lead] = timestampNs;
                }
                onSource(tenant, lead, formSource(form.wrapAndApplyHeader(message, 0, header)));
                break;

            case QualificationDecoder.TEMPLATE_ID:
                if (TenantResponses.NEVER != tenant.hotNs[lead] &&
                    QualificationResult.QUALIFIED.value() == qualification.wrapAndApplyHeader(message, 0, header).resultRaw())
                {
                    tenant.outcomes[lead] |= TenantResponses.QUALIFIED;
                }
                break;

            case OpportunityCreatedDecoder.TEMPLATE_ID:
                if (TenantResponses.NEVER != tenant.hotNs[lead])
                {
                    tenant.opportunities[lead]++;
                    tenant.opportunityCents[lead] += opportunity.wrapAndApplyHeader(message, 0, header).amountCents();
                }
                break;

            case LeadConvertedDecoder.TEMPLATE_ID:
                if (TenantResponses.NEVER != tenant.hotNs[lead])
                {
                    tenant.outcomes[lead] |= TenantResponses.CONVERTED;
                }
                break;

            default:
                break;
        }
    }

    public void onOutput(
        final long causeSequence, final long causeTimestampNs, final DirectBuffer buffer, final int offset, final int length)
    {
        endNs = Math.max(endNs, causeTimestampNs);
        if (!output.wrap(buffer, offset, length))
        {
            return;
        }
        final int templateId = output.templateId();
        if (ConfigDecisionDecoder.TEMPLATE_ID == templateId)
        {
            message.wrap(buffer, offset, length);
            header.wrap(message, 0);
            if (BooleanType.TRUE.value() == config.wrapAndApplyHeader(message, 0, header).appliedRaw())
            {
                tenant(output.tenant(), 0, output.tenant().capacity(), true);
            }
            return;
        }
        final TenantResponses tenant = tenant(output.tenant(), 0, output.tenant().capacity(), false);
        if (null == tenant)
        {
            return;
        }
        message.wrap(buffer, offset, length);
        header.wrap(message, 0);
        final boolean inWindow = causeTimestampNs >= fromNs && causeTimestampNs < toNs;
        switch (templateId)
        {
            case HotDecisionDecoder.TEMPLATE_ID:
                onHot(tenant, hot.wrapAndApplyHeader(message, 0, header), causeTimestampNs);
                break;

            case RoutingDecisionDecoder.TEMPLATE_ID:
                onRouted(tenant, routing.wrapAndApplyHeader(message, 0, header));
                break;

            case AssignmentDecoder.TEMPLATE_ID:
            {
                final int lead = tenant.lead(output.lead(), 0, output.lead().capacity());
                assignment.wrapAndApplyHeader(message, 0, header).skipTenant();
                assignment.skipLead();
                assignment.wrapRep(text);
                tenant.owner[lead] = tenant.rep(text, 0, text.capacity());
                break;
            }

            case AlertDecoder.TEMPLATE_ID:
                if (inWindow)
                {
                    onAlert(tenant);
                }
                break;

            case AlertWithdrawnDecoder.TEMPLATE_ID:
                if (inWindow)
                {
                    final AlertWithdrawnDecoder d = withdrawn.wrapAndApplyHeader(message, 0, header);
                    d.skipTenant();
                    d.skipLead();
                    d.wrapRep(text);
                    final int rep = tenant.rep(text, 0, text.capacity());
                    if (0 == d.claimedByLength() && TenantResponses.NO_NAME != rep)
                    {
                        tenant.repLapses[rep]++;
                    }
                }
                break;

            case ClaimDecisionDecoder.TEMPLATE_ID:
                if (inWindow)
                {
                    final ClaimDecisionDecoder d = claim.wrapAndApplyHeader(message, 0, header);
                    if (BooleanType.TRUE.value() == d.claimedRaw() && BooleanType.TRUE.value() == d.alertedRaw())
                    {
                        d.skipTenant();
                        d.skipLead();
                        d.wrapRep(text);
                        final int rep = tenant.rep(text, 0, text.capacity());
                        if (TenantResponses.NO_NAME != rep)
                        {
                            tenant.repClaims[rep]++;
                        }
                    }
                }
                break;

            case EscalationDecoder.TEMPLATE_ID:
                if (inWindow)
                {
                    final EscalationDecoder d = escalation.wrapAndApplyHeader(message, 0, header);
                    d.skipTenant();
                    d.skipLead();
                    d.wrapFromRep(text);
                    final int rep = tenant.rep(text, 0, text.capacity());
                    if (TenantResponses.NO_NAME != rep)
                    {
                        tenant.repEscalations[rep]++;
                    }
                }
                break;

            default:
                break;
        }
    }

    /**
     * @return the figures as of every entry handed in so far; an immutable copy.
     */
    public SpeedToLeadSnapshot snapshot()
    {
        return SpeedToLeadSnapshot.of(this);
    }

    long inputs()
    {
        return inputs;
    }

    /**
     * @return the engine time of the latest entry, {@link Long#MIN_VALUE} before any.
     */
    long endNs()
    {
        return endNs;
    }

    long fromNs()
    {
        return fromNs;
    }

    long toNs()
    {
        return toNs;
    }

    ArrayList<TenantResponses> tenants()
    {
        return tenants;
    }

    private void onCall(final TenantResponses tenant, final int lead, final short outcome, final long nowNs, final int rep)
    {
        if (TenantResponses.NEVER != tenant.formNs[lead] && TenantResponses.NEVER == tenant.formCallNs[lead])
        {
            tenant.formCallNs[lead] = nowNs;
        }
        if (TenantResponses.NEVER == tenant.hotNs[lead])
        {
            return;
        }
        if (TenantResponses.NEVER == tenant.callNs[lead])
        {
            tenant.callNs[lead] = nowNs;
            tenant.callRep[lead] = rep;
        }
        if (CallOutcome.CONNECTED.value() == outcome)
        {
            tenant.outcomes[lead] |= TenantResponses.CONNECTED;
        }
    }

    private void onHot(final TenantResponses tenant, final HotDecisionDecoder d, final long nowNs)
    {
        if (BooleanType.TRUE.value() == d.suppressedRaw())
        {
            return;
        }
        final int lead = tenant.lead(output.lead(), 0, output.lead().capacity());
        if (TenantResponses.NEVER == tenant.hotNs[lead])
        {
            tenant.hotNs[lead] = nowNs;
            tenant.episode[lead] = d.episode();
        }
    }

    private void onRouted(final TenantResponses tenant, final RoutingDecisionDecoder d)
    {
        final int lead = tenant.findLead(output.lead(), 0, output.lead().capacity());
        if (ByteKeyIndex.MISSING == lead || BooleanType.TRUE.value() == d.escalatedRaw() ||
            d.episode() != tenant.episode[lead] || TenantResponses.NO_NAME != tenant.team[lead])
        {
            return;
        }
        SbeGroups.skipRoutingGroups(d);
        d.skipTenant();
        d.skipLead();
        d.wrapTeam(text);
        tenant.team[lead] = TenantResponses.name(tenant.teams, text, 0, text.capacity());
    }

    private void onAlert(final TenantResponses tenant)
    {
        final AlertDecoder d = alert.wrapAndApplyHeader(message, 0, header);
        SbeGroups.skipAlertGroups(d);
        d.skipTenant();
        d.skipLead();
        d.wrapRep(text);
        final int rep = tenant.rep(text, 0, text.capacity());
        if (TenantResponses.NO_NAME == rep)
        {
            return;
        }
        tenant.repAlerts[rep]++;
        d.skipName();
        d.skipEmail();
        d.skipPhone();
        d.skipCompany();
        d.skipIndustry();
        d.skipRegion();
        d.skipProduct();
        d.wrapTeam(text);
        if (text.capacity() > 0)
        {
            tenant.repTeam[rep] = TenantResponses.name(tenant.teams, text, 0, text.capacity());
        }
    }

    private void onSource(final TenantResponses tenant, final int lead, final boolean given)
    {
        if (given)
        {
            tenant.source[lead] = TenantResponses.name(tenant.sources, text, 0, text.capacity());
        }
    }

    /**
     * @return whether the upsert gives a source, then in {@link #text}.
     */
    private boolean upsertSource(final LeadUpsertDecoder d)
    {
        d.skipTenant();
        d.skipEventId();
        d.skipLead();
        d.skipEmail();
        d.skipPhone();
        d.skipName();
        d.skipCompany();
        d.skipIndustry();
        d.skipRegion();
        d.skipProduct();
        d.wrapSource(text);
        return text.capacity() > 0;
    }

    private boolean formSource(final FormSubmittedDecoder d)
    {
        d.skipTenant();
        d.skipEventId();
        d.skipLead();
        d.skipForm();
        d.skipEmail();
        d.skipPhone();
        d.skipName();
        d.skipCompany();
        d.skipIndustry();
        d.skipRegion();
        d.skipProduct();
        d.wrapSource(text);
        return text.capacity() > 0;
    }

    private TenantResponses tenant(final DirectBuffer buffer, final int offset, final int length, final boolean create)
    {
        final TenantResponses last = lastTenant;
        if (null != last && last.tenantIdEquals(buffer, offset, length))
        {
            return last;
        }
        int index = tenantIds.get(buffer, offset, length);
        if (ByteKeyIndex.MISSING == index)
        {
            if (!create)
            {
                return null;
            }
            index = tenantIds.getOrAdd(buffer, offset, length);
            tenants.add(new TenantResponses(tenantIds.keyString(index)));
        }
        lastTenant = tenants.get(index);
        return lastTenant;
    }
}
