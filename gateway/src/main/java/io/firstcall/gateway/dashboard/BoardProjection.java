package io.firstcall.gateway.dashboard;

import io.firstcall.audit.JournalListener;
import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.AlertWithdrawnDecoder;
import io.firstcall.codec.AssignmentDecoder;
import io.firstcall.codec.BooleanType;
import io.firstcall.codec.ClaimDecisionDecoder;
import io.firstcall.codec.ConfigChangeDecoder;
import io.firstcall.codec.ConfigDecisionDecoder;
import io.firstcall.codec.EscalationDecoder;
import io.firstcall.codec.EscalationLevel;
import io.firstcall.codec.HotCriterion;
import io.firstcall.codec.HotDecisionDecoder;
import io.firstcall.codec.LeadConvertedDecoder;
import io.firstcall.codec.LeadEvictedDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.OpportunityCreatedDecoder;
import io.firstcall.codec.QualificationDecoder;
import io.firstcall.codec.RepPresenceDecoder;
import io.firstcall.codec.RoutingDecisionDecoder;
import org.agrona.DirectBuffer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's read model, built from the journals alone: fed every input and the outputs it caused
 * in journal order ({@link io.firstcall.audit.JournalWalk}), it keeps the hot-lead board (each hot
 * episode: reasons, who was alerted, the claim deadline, the claim and how fast, escalations, manager
 * queues) and the reps (presence, leads held against capacity, fairness credit, today's alerts and
 * claims). Presence and load are inputs and engine state, not pushes, which is why the board reads the
 * journals rather than the delivery path, and why it never costs the engine thread anything.
 * <p>
 * Bounded: it keeps the newest {@code maxLeads} episodes plus every one still open (offered, waiting
 * in a queue, or held); older finished ones leave the board. {@link #publish()} hands over what changed
 * since the last call as immutable {@link BoardCard}s. Single-threaded (the follower's); it decodes
 * only the few templates the board shows and allocates per hot lead, not per event.
 */
final class BoardProjection implements JournalListener
{
    private static final String[] CRITERION_PREFIXES = {"form:", "trial:", "returnVisit:", "source:", "score>="};

    private final int maxLeads;
    private final Map<String, BoardTenant> tenants = new HashMap<>();
    private final LeadEvictedDecoder evicted = new LeadEvictedDecoder();
    private final LinkedHashMap<String, BoardLead> leads = new LinkedHashMap<>();
    private final Map<String, BoardLead> currentEpisode = new HashMap<>();
    private final LinkedHashMap<String, BoardLead> dirtyLeads = new LinkedHashMap<>();
    private final LinkedHashSet<BoardRep> dirtyReps = new LinkedHashSet<>();
    private final List<BoardCard> removals = new ArrayList<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final RepPresenceDecoder presence = new RepPresenceDecoder();
    private final ConfigChangeDecoder configChange = new ConfigChangeDecoder();
    private final QualificationDecoder qualification = new QualificationDecoder();
    private final OpportunityCreatedDecoder opportunity = new OpportunityCreatedDecoder();
    private final LeadConvertedDecoder converted = new LeadConvertedDecoder();
    private final HotDecisionDecoder hot = new HotDecisionDecoder();
    private final RoutingDecisionDecoder routing = new RoutingDecisionDecoder();
    private final AlertDecoder alert = new AlertDecoder();
    private final AlertWithdrawnDecoder withdrawn = new AlertWithdrawnDecoder();
    private final AssignmentDecoder assignment = new AssignmentDecoder();
    private final ClaimDecisionDecoder claim = new ClaimDecisionDecoder();
    private final EscalationDecoder escalation = new EscalationDecoder();
    private final ConfigDecisionDecoder configDecision = new ConfigDecisionDecoder();
    private long engineNs;
    private long nextHoldExpiryNs = Long.MAX_VALUE;

    /**
     * @param maxLeads finished episodes beyond this many, oldest first, leave the board.
     */
    BoardProjection(final int maxLeads)
    {
        if (maxLeads < 1)
        {
            throw new IllegalArgumentException("maxLeads must be >= 1: " + maxLeads);
        }
        this.maxLeads = maxLeads;
    }

    public void onInput(final long sequence, final long timestampNs, final DirectBuffer buffer, final int offset, final int length)
    {
        engineNs = Math.max(engineNs, timestampNs);
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return;
        }
        header.wrap(buffer, offset);
        if (MessageHeaderDecoder.SCHEMA_ID != header.schemaId())
        {
            return;
        }
        switch (header.templateId())
        {
            case RepPresenceDecoder.TEMPLATE_ID:
            {
                presence.wrapAndApplyHeader(buffer, offset, header);
                final String status = presence.status().name().toLowerCase();
                final BoardTenant tenant = tenant(presence.tenant());
                presence.skipEventId();
                final BoardRep rep = tenant.rep(presence.rep(), dirtyReps::add);
                rep.presence = status;
                dirtyReps.add(rep);
                break;
            }
            case ConfigChangeDecoder.TEMPLATE_ID:
            {
                configChange.wrapAndApplyHeader(buffer, offset, header);
                final BoardTenant tenant = tenant(configChange.tenant());
                configChange.skipEventId();
                tenant.configProposed(configChange.document());
                break;
            }
            case QualificationDecoder.TEMPLATE_ID:
                qualification.wrapAndApplyHeader(buffer, offset, header);
                close(qualification.tenant(), skipThenLead(qualification));
                break;
            case OpportunityCreatedDecoder.TEMPLATE_ID:
            {
                opportunity.wrapAndApplyHeader(buffer, offset, header);
                final String opportunityTenant = opportunity.tenant();
                opportunity.skipEventId();
                close(opportunityTenant, opportunity.lead());
                break;
            }
            case LeadConvertedDecoder.TEMPLATE_ID:
            {
                converted.wrapAndApplyHeader(buffer, offset, header);
                final String convertedTenant = converted.tenant();
                converted.skipEventId();
                close(convertedTenant, converted.lead());
                break;
            }
            default:
                break;
        }
    }

    public void onOutput(
        final long causeSequence, final long causeTimestampNs, final DirectBuffer buffer, final int offset, final int length)
    {
        engineNs = Math.max(engineNs, causeTimestampNs);
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return;
        }
        header.wrap(buffer, offset);
        if (MessageHeaderDecoder.SCHEMA_ID != header.schemaId())
        {
            return;
        }
        switch (header.templateId())
        {
            case HotDecisionDecoder.TEMPLATE_ID:
                onHot(hot.wrapAndApplyHeader(buffer, offset, header), causeSequence);
                break;
            case RoutingDecisionDecoder.TEMPLATE_ID:
                BoardRouting.onRouted(this, routing.wrapAndApplyHeader(buffer, offset, header));
                break;
            case AlertDecoder.TEMPLATE_ID:
                BoardRouting.onAlert(this, alert.wrapAndApplyHeader(buffer, offset, header));
                break;
            case AlertWithdrawnDecoder.TEMPLATE_ID:
            {
                withdrawn.wrapAndApplyHeader(buffer, offset, header);
                final BoardLead lead = lead(withdrawn.tenant(), withdrawn.lead(), withdrawn.episode());
                final String rep = withdrawn.rep();
                if (null != lead && lead.offers.remove(rep))
                {
                    changed(lead);
                }
                break;
            }
            case AssignmentDecoder.TEMPLATE_ID:
            {
                assignment.wrapAndApplyHeader(buffer, offset, header);
                final BoardLead lead = lead(assignment.tenant(), assignment.lead(), assignment.episode());
                if (null != lead)
                {
                    hold(lead, assignment.rep(), assignment.timeNs());
                    changed(lead);
                }
                break;
            }
            case ClaimDecisionDecoder.TEMPLATE_ID:
                BoardRouting.onClaim(this, claim.wrapAndApplyHeader(buffer, offset, header));
                break;
            case EscalationDecoder.TEMPLATE_ID:
                onEscalation(escalation.wrapAndApplyHeader(buffer, offset, header));
                break;
            case LeadEvictedDecoder.TEMPLATE_ID:
                evicted.wrapAndApplyHeader(buffer, offset, header);
                onEvicted(evicted.tenant(), evicted.lead());
                break;
            case ConfigDecisionDecoder.TEMPLATE_ID:
                configDecision.wrapAndApplyHeader(buffer, offset, header);
                if (BooleanType.TRUE == configDecision.applied())
                {
                    tenant(configDecision.tenant()).configApplied(dirtyReps::add);
                }
                break;
            default:
                break;
        }
    }

    /**
     * @return what changed since the last call, oldest change first; empty when nothing did.
     */
    BoardChanges publish()
    {
        expireHolds();
        final List<BoardCard> leadCards = new ArrayList<>(removals.size() + dirtyLeads.size());
        leadCards.addAll(removals);
        for (final BoardLead lead : dirtyLeads.values())
        {
            leadCards.add(lead.card());
        }
        final List<BoardCard> repCards = new ArrayList<>(dirtyReps.size());
        for (final BoardRep rep : dirtyReps)
        {
            repCards.add(rep.card());
        }
        removals.clear();
        dirtyLeads.clear();
        dirtyReps.clear();
        return new BoardChanges(leadCards, repCards, engineNs);
    }

    int leadCount()
    {
        return leads.size();
    }

    BoardTenant tenant(final String tenant)
    {
        return tenants.computeIfAbsent(tenant, BoardTenant::new);
    }

    BoardRep rep(final String tenant, final String rep)
    {
        return tenant(tenant).rep(rep, dirtyReps::add);
    }

    BoardLead lead(final String tenant, final String lead, final int episode)
    {
        return leads.get(BoardLead.key(tenant, lead, episode));
    }

    void changed(final BoardLead lead)
    {
        dirtyLeads.put(lead.key, lead);
    }

    void changed(final BoardRep rep)
    {
        dirtyReps.add(rep);
    }

    /**
     * The lead counts against {@code rep}'s capacity from now (instead of whoever held it), for the
     * tenant's {@code holdFor} at most.
     */
    void hold(final BoardLead lead, final String rep, final long nowNs)
    {
        if (rep.equals(lead.holder))
        {
            return;
        }
        release(lead);
        lead.holder = rep;
        lead.holdUntilNs = nowNs + tenant(lead.tenant).holdNs;
        nextHoldExpiryNs = Math.min(nextHoldExpiryNs, lead.holdUntilNs);
        final BoardRep holder = rep(lead.tenant, rep);
        holder.held++;
        changed(holder);
    }

    void release(final BoardLead lead)
    {
        if (null != lead.holder)
        {
            final BoardRep holder = rep(lead.tenant, lead.holder);
            holder.held = Math.max(0, holder.held - 1);
            changed(holder);
            lead.holder = null;
        }
    }

    private void onHot(final HotDecisionDecoder d, final long causeSequence)
    {
        if (BooleanType.TRUE == d.suppressed())
        {
            return;
        }
        final int episode = d.episode();
        final int score = d.score();
        final List<String> criteria = new ArrayList<>(4);
        for (final HotDecisionDecoder.CriteriaDecoder criterion : d.criteria())
        {
            final HotCriterion kind = criterion.criterion();
            final int threshold = criterion.threshold();
            final String name = criterion.name();
            criteria.add(HotCriterion.SCORE == kind ? CRITERION_PREFIXES[kind.value()] + threshold :
                HotCriterion.NULL_VAL == kind ? name : CRITERION_PREFIXES[kind.value()] + name);
        }
        for (final HotDecisionDecoder.FirmographicDecoder entry : d.firmographic())
        {
            entry.sbeSkip();
        }
        for (final HotDecisionDecoder.SignalsDecoder entry : d.signals())
        {
            entry.skipName();
        }
        final String tenant = d.tenant();
        final String leadId = d.lead();
        final String key = BoardLead.key(tenant, leadId, episode);
        if (leads.containsKey(key))
        {
            return;
        }
        final BoardLead lead = new BoardLead(key, tenant, leadId, episode, d.timeNs(), causeSequence);
        lead.score = score;
        lead.criteria.addAll(criteria);
        final BoardLead previous = currentEpisode.put(BoardLead.key(tenant, leadId, 0), lead);
        if (null != previous && previous.isOpen())
        {
            // A new episode ends the old one on the board; the engine routes the new one afresh.
            release(previous);
            previous.offers.clear();
            previous.state = BoardLead.State.CLOSED;
            changed(previous);
        }
        leads.put(key, lead);
        changed(lead);
        evict();
    }

    private void onEscalation(final EscalationDecoder d)
    {
        final long deadlineNs = d.deadlineNs();
        final EscalationLevel level = d.level();
        final BoardLead lead = lead(d.tenant(), d.lead(), d.episode());
        final String from = d.fromRep();
        final String to = d.to();
        if (null == lead)
        {
            return;
        }
        lead.escalations++;
        lead.deadlineNs = deadlineNs;
        if (!from.isEmpty() && from.equals(lead.holder))
        {
            release(lead);
        }
        if (EscalationLevel.MANAGER_QUEUE == level)
        {
            lead.state = BoardLead.State.QUEUED;
            lead.level = "queue";
            lead.queue = to;
            lead.deadlineNs = 0;
        }
        else
        {
            lead.level = "backup";
            lead.escalatedTo = to;
        }
        changed(lead);
    }

    private String skipThenLead(final QualificationDecoder d)
    {
        d.skipEventId();
        return d.lead();
    }

    /**
     * An outcome for the lead: its current episode is done.
     */
    private void close(final String tenant, final String leadId)
    {
        final BoardLead lead = currentEpisode.get(BoardLead.key(tenant, leadId, 0));
        if (null != lead && lead.isOpen())
        {
            release(lead);
            lead.offers.clear();
            lead.state = BoardLead.State.CLOSED;
            changed(lead);
        }
    }

    private void expireHolds()
    {
        if (engineNs < nextHoldExpiryNs)
        {
            return;
        }
        long next = Long.MAX_VALUE;
        for (final BoardLead lead : leads.values())
        {
            if (null != lead.holder)
            {
                if (lead.holdUntilNs <= engineNs)
                {
                    release(lead);
                    changed(lead);
                }
                else
                {
                    next = Math.min(next, lead.holdUntilNs);
                }
            }
        }
        nextHoldExpiryNs = next;
    }

    /**
     * The engine forgot the lead (it had no open episode): its episodes leave the board, since a lead
     * named again starts afresh and numbers its episodes from 1 again.
     */
    private void onEvicted(final String tenant, final String leadId)
    {
        final BoardLead current = currentEpisode.remove(BoardLead.key(tenant, leadId, 0));
        for (int episode = null == current ? 0 : current.episode; episode > 0; episode--)
        {
            final BoardLead lead = leads.remove(BoardLead.key(tenant, leadId, episode));
            if (null != lead)
            {
                dirtyLeads.remove(lead.key);
                removals.add(lead.removal());
            }
        }
    }

    /**
     * Keep the newest {@code maxLeads} episodes and every open one: drop the finished ones older than those.
     */
    private void evict()
    {
        int older = leads.size() - maxLeads;
        final Iterator<BoardLead> oldest = leads.values().iterator();
        while (older-- > 0)
        {
            final BoardLead lead = oldest.next();
            if (isFinished(lead))
            {
                oldest.remove();
                currentEpisode.remove(BoardLead.key(lead.tenant, lead.lead, 0), lead);
                dirtyLeads.remove(lead.key);
                removals.add(lead.removal());
            }
        }
    }

    private static boolean isFinished(final BoardLead lead)
    {
        return BoardLead.State.CLOSED == lead.state || (BoardLead.State.CLAIMED == lead.state && null == lead.holder);
    }
}
