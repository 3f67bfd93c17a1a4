package io.firstcall.engine;

import io.firstcall.codec.CallActivityDecoder;
import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.ConfigChangeDecoder;
import io.firstcall.codec.DecisionKind;
import io.firstcall.codec.FormSubmittedDecoder;
import io.firstcall.codec.EmailSentDecoder;
import io.firstcall.codec.LeadConvertedDecoder;
import io.firstcall.codec.LeadUpsertDecoder;
import io.firstcall.codec.OpportunityCreatedDecoder;
import io.firstcall.codec.QualificationDecoder;
import io.firstcall.codec.QualificationResult;
import io.firstcall.codec.SmsSentDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.PageVisitedDecoder;
import io.firstcall.codec.RepPresenceDecoder;
import io.firstcall.codec.ScoreUpdatedDecoder;
import io.firstcall.codec.TrialMilestoneDecoder;
import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.RecentActivity;
import io.firstcall.engine.output.DetailBuilder;
import io.firstcall.engine.output.OutputWriter;
import io.firstcall.engine.routing.ClaimBook;
import io.firstcall.engine.scoring.HotLeadEvaluator;
import io.firstcall.engine.tenant.InvalidConfigException;
import io.firstcall.engine.tenant.Tenant;
import io.firstcall.engine.tenant.TenantDirectory;
import io.firstcall.engine.tenant.TenantRules;
import io.firstcall.engine.tenant.TenantRulesParser;
import io.firstcall.engine.timer.TimerPayload;
import io.firstcall.engine.timer.TimerService;
import io.firstcall.event.InputEnvelope;
import io.firstcall.event.InputFault;
import io.firstcall.event.InputTypes;
import io.firstcall.event.InputValidator;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * firstcall's business logic: the lead registry, lead scoring and hot-lead decisions, hot-lead
 * episodes, claims and escalation, per tenant. A single thread calls {@link #onEvent} in journal
 * order; outputs leave through the {@link OutputSink}. Nothing here reads a clock: engine time is
 * the journaled timestamp.
 * <p>
 * Every event is checked whole by the {@link InputValidator} before anything is applied, here and
 * not only at the gateway, so a journal entry the gateway never saw (an older build's, a damaged
 * one, one written by a tool) is refused the same way live and on replay: it changes nothing and
 * is recorded as one {@link DecisionKind#INPUT_INVALID} decision saying why. Callers hand in a
 * buffer bounded to the message, so no read can reach another event's bytes.
 * <p>
 * A tenant exists once its configuration change is journaled; events for other tenants are
 * counted and ignored. Leads are created on first mention, except by a page visit: a visit by a
 * lead never seen is counted as anonymous ({@link #anonymousVisits}) and changes nothing else.
 */
public final class LeadStateMachine implements StateMachine
{
    private final TenantDirectory tenants;
    private final TimerService timers = new TimerService();
    private final OutputWriter out;
    private final ClaimBook claims;
    private final HotLeadEvaluator evaluator;
    private final LeadSignals signals;
    private final TimerService.TimerListener timerDispatch = this::onTimer;
    private final InputEnvelope envelope = new InputEnvelope();
    private final InputValidator validator = new InputValidator();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private static final byte[][] CALL_OUTCOMES = names("started", "connected", "no_answer", "voicemail");
    private static final byte[][] QUALIFICATION_RESULTS = names("qualified", "disqualified");
    private static final UnsafeBuffer NO_TENANT = new UnsafeBuffer(new byte[0]);

    private final CallActivityDecoder call = new CallActivityDecoder();
    private final RepPresenceDecoder presence = new RepPresenceDecoder();
    private final QualificationDecoder qualification = new QualificationDecoder();
    private final UnsafeBuffer word = new UnsafeBuffer(new byte[0]);
    private final ConfigChangeDecoder configChange = new ConfigChangeDecoder();
    private final UnsafeBuffer leadId = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer rep = new UnsafeBuffer(new byte[0]);
    private final DetailBuilder detail = new DetailBuilder();
    private long tickSequence;
    private long ignoredEvents;
    private long invalidEvents;

    public LeadStateMachine(final OutputSink sink)
    {
        this(sink, 1024);
    }

    public LeadStateMachine(final OutputSink sink, final int initialLeadsPerTenant)
    {
        tenants = new TenantDirectory(initialLeadsPerTenant);
        out = new OutputWriter(tenants, sink);
        claims = new ClaimBook(tenants, timers, out);
        evaluator = new HotLeadEvaluator(timers, out, claims);
        signals = new LeadSignals(out, evaluator);
    }

    public TenantDirectory tenants()
    {
        return tenants;
    }

    /**
     * @return the version of the tenant's current rules, or -1 when the tenant is not configured.
     */
    public long configVersion(final String tenantId)
    {
        final Tenant tenant = tenants.find(tenantId);
        return null == tenant ? -1 : tenant.rules().version();
    }

    /**
     * @return events for tenants that have no configuration.
     */
    public long ignoredEvents()
    {
        return ignoredEvents;
    }

    /**
     * @return events the {@link InputValidator} refused, each recorded as an INPUT_INVALID decision.
     */
    public long invalidEvents()
    {
        return invalidEvents;
    }

    /**
     * @return page visits by leads the tenant had never seen, or -1 when the tenant is not configured.
     */
    public long anonymousVisits(final String tenantId)
    {
        final Tenant tenant = tenants.find(tenantId);
        return null == tenant ? -1 : tenant.anonymousVisits();
    }

    public long pendingTimers()
    {
        return timers.pending();
    }

    public void onEvent(final DirectBuffer buffer, final int offset, final int length, final long sequence, final long timestampNs)
    {
        if (InputFault.NONE != validator.validate(buffer, offset, length))
        {
            onInvalid(buffer, offset, length, sequence, timestampNs);
            return;
        }

        envelope.wrap(buffer, offset, length);
        timers.observe(timestampNs);
        final int templateId = envelope.templateId();
        if (InputTypes.TICK == templateId)
        {
            tickSequence = sequence;
            claims.inputSequence(sequence);
            timers.onTick(timestampNs, timerDispatch);
            return;
        }

        final Tenant tenant = tenants.find(buffer, envelope.tenantOffset(), envelope.tenantLength());
        out.context(sequence, timestampNs, tenant, buffer, envelope.tenantOffset(), envelope.tenantLength());
        if (InputTypes.CONFIG == templateId)
        {
            onConfigChange(buffer, offset, sequence, timestampNs);
            return;
        }

        if (null == tenant)
        {
            ignoredEvents++;
            return;
        }

        header.wrap(buffer, offset);
        final int bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        switch (templateId)
        {
            case LeadUpsertDecoder.TEMPLATE_ID:
                signals.onLeadUpsert(tenant, buffer, bodyOffset, header, timestampNs);
                break;

            case FormSubmittedDecoder.TEMPLATE_ID:
                signals.onForm(tenant, buffer, bodyOffset, header, timestampNs);
                break;

            case PageVisitedDecoder.TEMPLATE_ID:
                signals.onVisit(tenant, buffer, bodyOffset, header, timestampNs);
                break;

            case TrialMilestoneDecoder.TEMPLATE_ID:
                signals.onTrial(tenant, buffer, bodyOffset, header, timestampNs);
                break;

            case ScoreUpdatedDecoder.TEMPLATE_ID:
                signals.onScore(tenant, buffer, bodyOffset, header, timestampNs);
                break;

            case CallActivityDecoder.TEMPLATE_ID:
                onCall(tenant, buffer, bodyOffset, timestampNs);
                break;

            default:
                onLeadActivity(tenant, buffer, bodyOffset, timestampNs);
                break;
        }
    }

    /**
     * Apply nothing; record why, under the tenant when the message names a configured one. The
     * tenant id is taken from the tenant directory, never from the message, whose bytes may not be text.
     */
    private void onInvalid(final DirectBuffer buffer, final int offset, final int length, final long sequence,
        final long timestampNs)
    {
        invalidEvents++;
        final Tenant tenant = InputFault.MALFORMED != validator.fault() && envelope.wrap(buffer, offset, length) ?
            tenants.find(buffer, envelope.tenantOffset(), envelope.tenantLength()) : null;
        if (null == tenant)
        {
            out.context(sequence, timestampNs, null, NO_TENANT, 0, 0);
        }
        else
        {
            out.context(sequence, timestampNs, tenant);
        }

        detail.reset().raw("{\"fault\":\"").raw(validator.fault().label()).raw('"');
        if (null != validator.field())
        {
            detail.raw(",\"field\":\"").raw(validator.field()).raw('"');
        }
        if (validator.templateId() >= 0)
        {
            detail.raw(",\"templateId\":").number(validator.templateId());
        }
        detail.raw(",\"length\":").number(length).raw('}');
        out.decision(DecisionKind.INPUT_INVALID, null, null == tenant ? 0 : tenant.rules().version(),
            detail.buffer(), detail.length());
    }

    private void onCall(final Tenant tenant, final DirectBuffer buffer, final int bodyOffset, final long nowNs)
    {
        final CallActivityDecoder d = call.wrap(buffer, bodyOffset, header.blockLength(), header.version());
        final CallOutcome outcome = d.outcome();
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        d.wrapRep(rep);
        final Lead lead = signals.lead(tenant, leadId, nowNs);
        word.wrap(CALL_OUTCOMES[outcome.ordinal()]);
        lead.activity().record(RecentActivity.Kind.CALL, nowNs, word, 0, word.capacity());
        if (CallOutcome.STARTED == outcome)
        {
            claims.onCallStarted(tenant, lead, rep, 0, rep.capacity(), nowNs);
        }
    }

    /**
     * Every other lead event (email, SMS, qualification, opportunity, conversion) names the lead as
     * its third variable field and, but for a conversion, the rep as its fourth. Each is recorded as
     * recent activity; a qualification, an opportunity or a conversion also ends the lead's hold on
     * its rep's capacity.
     */
    private void onLeadActivity(final Tenant tenant, final DirectBuffer buffer, final int bodyOffset, final long nowNs)
    {
        final int templateId = envelope.templateId();
        if (RepPresenceDecoder.TEMPLATE_ID == templateId)
        {
            onPresence(tenant, buffer, bodyOffset);
            return;
        }
        final int lengthOffset = envelope.eventIdOffset() + envelope.eventIdLength();
        final int idLength = buffer.getByte(lengthOffset) & 0xFF;
        if (0 == idLength)
        {
            return;
        }
        leadId.wrap(buffer, lengthOffset + 1, idLength);
        final Lead lead = signals.lead(tenant, leadId, nowNs);
        final int repOffset = lengthOffset + 1 + idLength;
        final int repLength = LeadConvertedDecoder.TEMPLATE_ID == templateId ? 0 : buffer.getByte(repOffset) & 0xFF;
        if (repLength > 0)
        {
            word.wrap(buffer, repOffset + 1, repLength);
        }
        switch (templateId)
        {
            case EmailSentDecoder.TEMPLATE_ID:
                lead.activity().record(RecentActivity.Kind.EMAIL, nowNs, word, 0, repLength);
                break;

            case SmsSentDecoder.TEMPLATE_ID:
                lead.activity().record(RecentActivity.Kind.SMS, nowNs, word, 0, repLength);
                break;

            case QualificationDecoder.TEMPLATE_ID:
                final QualificationResult result = qualification.wrap(
                    buffer, bodyOffset, header.blockLength(), header.version()).result();
                word.wrap(QUALIFICATION_RESULTS[QualificationResult.QUALIFIED == result ? 0 : 1]);
                lead.activity().record(RecentActivity.Kind.QUALIFICATION, nowNs, word, 0, word.capacity());
                claims.onOutcome(tenant, lead);
                break;

            case OpportunityCreatedDecoder.TEMPLATE_ID:
                lead.activity().record(RecentActivity.Kind.OPPORTUNITY, nowNs, word, 0, repLength);
                claims.onOutcome(tenant, lead);
                break;

            default:
                lead.activity().record(RecentActivity.Kind.CONVERSION, nowNs, word, 0, 0);
                claims.onOutcome(tenant, lead);
                break;
        }
    }

    private void onPresence(final Tenant tenant, final DirectBuffer buffer, final int bodyOffset)
    {
        final RepPresenceDecoder d = presence.wrap(buffer, bodyOffset, header.blockLength(), header.version());
        final PresenceStatus status = d.status();
        d.skipTenant();
        d.skipEventId();
        d.wrapRep(rep);
        if (rep.capacity() > 0 && PresenceStatus.NULL_VAL != status)
        {
            tenant.reps().presence(tenant.reps().stateOrAdd(rep, 0, rep.capacity()), status);
        }
    }

    private static byte[][] names(final String... names)
    {
        final byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++)
        {
            bytes[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    /**
     * Hand an expired timer to its owner, by the kind in its payload. Outputs name the tick as their cause.
     */
    private void onTimer(final long payload, final long nowNs)
    {
        if (TimerPayload.SCORE_DECAY == TimerPayload.kind(payload))
        {
            final Tenant tenant = tenants.tenant(TimerPayload.tenantIndex(payload));
            out.context(tickSequence, nowNs, tenant);
            evaluator.onDecayTimer(tenant, tenant.leads().lead(TimerPayload.leadIndex(payload)), nowNs);
        }
        else
        {
            claims.onTimer(payload, nowNs);
        }
    }

    private void onConfigChange(final DirectBuffer buffer, final int offset, final long sequence, final long timestampNs)
    {
        final ConfigChangeDecoder d = configChange.wrap(
            buffer, offset + MessageHeaderDecoder.ENCODED_LENGTH, header.wrap(buffer, offset).blockLength(), header.version());
        final String tenantId = d.tenant();
        d.skipEventId();
        final String document = d.document();
        try
        {
            final TenantRules rules = TenantRulesParser.parse(tenantId, document);
            final Tenant tenant = tenants.apply(rules);
            out.context(sequence, timestampNs, tenant);
            detail.reset().raw("{\"version\":").number(rules.version()).raw('}');
            out.decision(DecisionKind.CONFIG_APPLIED, null, rules.version(), detail.buffer(), detail.length());
        }
        catch (final InvalidConfigException ex)
        {
            final byte[] message = ex.getMessage().getBytes(StandardCharsets.UTF_8);
            detail.reset().raw("{\"error\":\"").escaped(message).raw("\"}");
            final Tenant tenant = tenants.find(tenantId);
            out.decision(DecisionKind.CONFIG_REJECTED, null, null == tenant ? 0 : tenant.rules().version(),
                detail.buffer(), detail.length());
        }
    }
}
