package io.firstcall.engine;

import io.firstcall.codec.CallActivityDecoder;
import io.firstcall.codec.EmailSentDecoder;
import io.firstcall.codec.FormSubmittedDecoder;
import io.firstcall.codec.InputError;
import io.firstcall.codec.LeadConvertedDecoder;
import io.firstcall.codec.LeadUpsertDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.OpportunityCreatedDecoder;
import io.firstcall.codec.PageVisitedDecoder;
import io.firstcall.codec.QualificationDecoder;
import io.firstcall.codec.RepPresenceDecoder;
import io.firstcall.codec.ScoreUpdatedDecoder;
import io.firstcall.codec.SmsSentDecoder;
import io.firstcall.codec.TrialMilestoneDecoder;
import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.LeadRegistry;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.routing.Router;
import io.firstcall.engine.scoring.HotLeadEvaluator;
import io.firstcall.engine.tenant.TenantRulesCache;
import io.firstcall.engine.timer.TimerPayload;
import io.firstcall.engine.timer.TimerService;
import io.firstcall.event.InputEnvelope;
import io.firstcall.event.InputTypes;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * firstcall's business logic: the lead registry, lead scoring and hot-lead decisions, hot-lead
 * episodes, claims and escalation, per tenant. A single thread calls {@link #onEvent} in journal
 * order; every output is written into the {@link OutputBatch} the machine was built with, whose
 * cause the caller has set to the event. Nothing here reads a clock, does I/O or allocates in
 * steady state: engine time is the journaled timestamp, and timers fire only on journaled ticks.
 * <p>
 * This class only dispatches: {@link LeadSignals} scores, {@link HotEpisodes} opens episodes,
 * {@link LeadActivity} handles what reps do, {@link ConfigChanges} applies rules.
 * <p>
 * A tenant exists once its configuration change is journaled; events for other tenants are
 * counted and ignored. Leads are created on first mention, except by a page visit: a visit by a
 * lead never seen is counted as anonymous ({@link #anonymousVisits}) and changes nothing else.
 */
public final class LeadStateMachine implements StateMachine
{
    private static final byte[] NO_FIELD = new byte[0];

    private final TenantDirectory tenants;
    private final TimerService timers = new TimerService();
    private final MachineRecords records;
    private final HotLeadEvaluator evaluator;
    private final Router router;
    private final LeadSignals signals;
    private final LeadActivity activity;
    private final ConfigChanges configChanges;
    private final TimerService.TimerListener timerDispatch = this::onTimer;
    private final InputEnvelope envelope = new InputEnvelope();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[0]);
    private long ignoredEvents;
    private long invalidEvents;

    public LeadStateMachine(final OutputBatch outputs)
    {
        this(outputs, 1024, new TenantRulesCache());
    }

    /**
     * @param rules the rules the launcher parsed already; documents not in it are parsed here.
     */
    public LeadStateMachine(final OutputBatch outputs, final int initialLeadsPerTenant, final TenantRulesCache rules)
    {
        tenants = new TenantDirectory(initialLeadsPerTenant);
        records = new MachineRecords(outputs);
        evaluator = new HotLeadEvaluator(timers, outputs);
        router = new Router(timers, outputs);
        final LeadLookup lookup = new LeadLookup(records);
        signals = new LeadSignals(lookup, evaluator, new HotEpisodes(evaluator, router));
        activity = new LeadActivity(lookup, router);
        configChanges = new ConfigChanges(tenants, rules, records);
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
     * @return the tenant's leads, or null when the tenant is not configured.
     */
    public LeadRegistry leads(final String tenantId)
    {
        final Tenant tenant = tenants.find(tenantId);
        return null == tenant ? null : tenant.leads();
    }

    /**
     * @return events for tenants that have no configuration.
     */
    public long ignoredEvents()
    {
        return ignoredEvents;
    }

    /**
     * @return events whose bytes did not decode as a firstcall input.
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

    /**
     * @return configuration documents this machine had to parse itself: zero when every change it
     * applied was parsed by the launcher (the live path), one per change on a replay elsewhere.
     */
    public long configsParsed()
    {
        return configChanges.parsed();
    }

    public long pendingTimers()
    {
        return timers.pending();
    }

    public void onEvent(final DirectBuffer input, final long sequence, final long timestampNs)
    {
        message.wrap(input, 0, input.capacity());
        if (!envelope.wrap(message, 0, message.capacity()))
        {
            invalidEvents++;
            final int templateId = message.capacity() >= MessageHeaderDecoder.ENCODED_LENGTH ?
                header.wrap(message, 0).templateId() : 0;
            records.inputRejected(templateId, InputError.MALFORMED, message, 0, 0, NO_FIELD);
            return;
        }

        timers.observe(timestampNs);
        final int templateId = envelope.templateId();
        if (InputTypes.TICK == templateId)
        {
            timers.onTick(timestampNs, timerDispatch);
            return;
        }

        header.wrap(message, 0);
        if (InputTypes.CONFIG == templateId)
        {
            configChanges.onConfigChange(message, header);
            return;
        }

        final Tenant tenant = tenants.find(message, envelope.tenantOffset(), envelope.tenantLength());
        if (null == tenant)
        {
            ignoredEvents++;
            return;
        }
        dispatch(tenant, templateId, timestampNs);
    }

    private void dispatch(final Tenant tenant, final int templateId, final long nowNs)
    {
        switch (templateId)
        {
            case LeadUpsertDecoder.TEMPLATE_ID:
                signals.onLeadUpsert(tenant, message, header, nowNs);
                break;

            case FormSubmittedDecoder.TEMPLATE_ID:
                signals.onForm(tenant, message, header, nowNs);
                break;

            case PageVisitedDecoder.TEMPLATE_ID:
                signals.onVisit(tenant, message, header, nowNs);
                break;

            case TrialMilestoneDecoder.TEMPLATE_ID:
                signals.onTrial(tenant, message, header, nowNs);
                break;

            case ScoreUpdatedDecoder.TEMPLATE_ID:
                signals.onScore(tenant, message, header, nowNs);
                break;

            case RepPresenceDecoder.TEMPLATE_ID:
                activity.onPresence(tenant, message, header);
                break;

            case CallActivityDecoder.TEMPLATE_ID:
                activity.onCall(tenant, message, header, nowNs);
                break;

            case EmailSentDecoder.TEMPLATE_ID:
                activity.onEmail(tenant, message, header, nowNs);
                break;

            case SmsSentDecoder.TEMPLATE_ID:
                activity.onSms(tenant, message, header, nowNs);
                break;

            case QualificationDecoder.TEMPLATE_ID:
                activity.onQualification(tenant, message, header, nowNs);
                break;

            case OpportunityCreatedDecoder.TEMPLATE_ID:
                activity.onOpportunity(tenant, message, header, nowNs);
                break;

            case LeadConvertedDecoder.TEMPLATE_ID:
                activity.onConversion(tenant, message, header, nowNs);
                break;

            default:
                break;
        }
    }

    /**
     * Hand an expired timer to its owner, by the kind in its payload. Its outputs name the tick
     * being applied as their cause.
     */
    private void onTimer(final long payload, final long nowNs)
    {
        final Tenant tenant = tenants.tenant(TimerPayload.tenantIndex(payload));
        final Lead lead = tenant.leads().lead(TimerPayload.leadIndex(payload));
        final int kind = TimerPayload.kind(payload);
        if (TimerPayload.SCORE_DECAY == kind)
        {
            evaluator.onDecayTimer(tenant.scoring(), lead, nowNs);
        }
        else
        {
            router.onTimer(tenant.routing(), lead, kind, nowNs);
        }
    }
}
