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
import io.firstcall.engine.lead.LeadTable;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.routing.Router;
import io.firstcall.engine.scoring.HotLeadEvaluator;
import io.firstcall.engine.scoring.ScoreReading;
import io.firstcall.engine.tenant.TenantRulesCache;
import io.firstcall.engine.timer.TimerPayload;
import io.firstcall.engine.timer.TimerService;
import io.firstcall.event.InputFault;
import io.firstcall.event.InputTypes;
import io.firstcall.event.InputValidator;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;
import io.firstcall.snapshot.Snapshottable;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;

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
 * Every event is checked whole by the {@link InputValidator} before anything is applied, here and
 * not only at the gateway, so a journal entry the gateway never saw (an older build's, a damaged
 * one, one written by a tool) is refused the same way live and on replay: it changes nothing and
 * is recorded as one {@code InputRejected} output saying why.
 * <p>
 * A tenant exists once its configuration change is journaled; events for other tenants are
 * counted and ignored. Leads are created on first mention, except by a page visit: a visit by a
 * lead never seen is counted as anonymous ({@link #anonymousVisits}) and changes nothing else. A
 * tenant may have inactive leads evicted ({@link LeadEvictions}).
 * <p>
 * The whole state can be written to a snapshot and loaded back ({@link Snapshottable}, the layout
 * in {@link MachineSnapshot}).
 */
public final class LeadStateMachine implements StateMachine, Snapshottable
{
    /**
     * "LEAD": this machine's snapshots.
     */
    public static final int SNAPSHOT_SCHEMA_ID = 0x4C45_4144;

    /**
     * The layout {@link MachineSnapshot} writes; bump it with any change to it or to what it means.
     */
    public static final int SNAPSHOT_SCHEMA_VERSION = 1;

    private static final byte[] NO_FIELD = new byte[0];
    private static final int NO_TEMPLATE = 0xFFFF;
    private static final InputError[] ERRORS = inputErrors();

    private final TenantDirectory tenants;
    private final TimerService timers = new TimerService();
    private final MachineRecords records;
    private final HotLeadEvaluator evaluator;
    private final Router router;
    private final LeadSignals signals;
    private final LeadActivity activity;
    private final ConfigChanges configChanges;
    private final LeadEvictions evictions;
    private final TimerService.TimerListener timerDispatch = this::onTimer;
    private final InputValidator validator = new InputValidator();
    private final HashMap<String, byte[]> fieldNames = new HashMap<>();
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
        evictions = new LeadEvictions(timers, records);
        final LeadLookup lookup = new LeadLookup(records, evictions);
        signals = new LeadSignals(lookup, evaluator, new HotEpisodes(evaluator, router));
        activity = new LeadActivity(lookup, router);
        configChanges = new ConfigChanges(tenants, rules, records, evictions);
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
    public LeadTable leads(final String tenantId)
    {
        final Tenant tenant = tenants.find(tenantId);
        return null == tenant ? null : tenant.leads();
    }

    /**
     * Read a lead's score at {@code nowNs}, changing nothing: for audit tools that replay a journal
     * and ask between events (e.g. {@code firstcall explain}); it allocates and is never called on the
     * event path.
     *
     * @return false, leaving {@code into} as it was, when the tenant or the lead is unknown.
     */
    public boolean readScore(final String tenantId, final String leadId, final long nowNs, final ScoreReading into)
    {
        final Tenant tenant = tenants.find(tenantId);
        if (null == tenant)
        {
            return false;
        }
        final byte[] id = leadId.getBytes(StandardCharsets.UTF_8);
        final int lead = tenant.leads().find(new UnsafeBuffer(id), 0, id.length);
        if (LeadTable.MISSING == lead)
        {
            return false;
        }
        tenant.scoring().read(lead, nowNs, into);
        return true;
    }

    /**
     * @return events for tenants that have no configuration.
     */
    public long ignoredEvents()
    {
        return ignoredEvents;
    }

    /**
     * @return events the {@link InputValidator} refused, each recorded as an {@code InputRejected} output.
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
        final InputFault fault = validator.validate(message, 0, message.capacity());
        if (InputFault.NONE != fault)
        {
            onInvalid(fault);
            return;
        }

        timers.observe(timestampNs);
        final int templateId = validator.templateId();
        if (InputTypes.TICK == templateId)
        {
            evictions.onTick();
            timers.onTick(timestampNs, timerDispatch);
            return;
        }

        header.wrap(message, 0);
        if (InputTypes.CONFIG == templateId)
        {
            configChanges.onConfigChange(message, header);
            return;
        }

        final Tenant tenant = tenants.find(message, validator.tenantOffset(), validator.tenantLength());
        if (null == tenant)
        {
            ignoredEvents++;
            return;
        }
        dispatch(tenant, templateId, timestampNs);
    }

    /**
     * Apply nothing; record why, under the tenant when the message names a configured one. The
     * tenant id is taken from the tenant directory, never from the message, whose bytes may not be text.
     */
    private void onInvalid(final InputFault fault)
    {
        invalidEvents++;
        final Tenant tenant = InputFault.MALFORMED != fault ?
            tenants.find(message, validator.tenantOffset(), validator.tenantLength()) : null;
        final DirectBuffer tenantId = null == tenant ? message : tenant.leads().tenantId();
        final String field = validator.field();
        records.inputRejected(
            validator.templateId() < 0 ? NO_TEMPLATE : validator.templateId(),
            ERRORS[fault.ordinal()],
            message.capacity(),
            tenantId, 0, null == tenant ? 0 : tenantId.capacity(),
            null == field ? NO_FIELD : fieldNames.computeIfAbsent(field, name -> name.getBytes(StandardCharsets.UTF_8)));
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
     * @return the schema's InputError for each InputFault, by the fault's ordinal (NONE has none).
     */
    private static InputError[] inputErrors()
    {
        final InputFault[] faults = InputFault.values();
        final InputError[] errors = new InputError[faults.length];
        for (final InputFault fault : faults)
        {
            errors[fault.ordinal()] = InputFault.NONE == fault ? null : InputError.valueOf(fault.name());
        }
        return errors;
    }

    /**
     * Hand an expired timer to its owner, by the kind in its payload. Its outputs name the tick
     * being applied as their cause.
     */
    private void onTimer(final long payload, final long nowNs)
    {
        final Tenant tenant = tenants.tenant(TimerPayload.tenantIndex(payload));
        final int lead = TimerPayload.leadIndex(payload);
        final int kind = TimerPayload.kind(payload);
        if (TimerPayload.EVICTION == kind)
        {
            evictions.onTimer(tenant, lead, nowNs);
            return;
        }
        if (TimerPayload.SCORE_DECAY == kind)
        {
            evaluator.onDecayTimer(tenant.scoring(), lead, nowNs);
        }
        else
        {
            router.onTimer(tenant.routing(), lead, kind, nowNs);
        }
        evictions.afterTimer(tenant, lead, nowNs);
    }

    public int snapshotSchemaId()
    {
        return SNAPSHOT_SCHEMA_ID;
    }

    public int snapshotSchemaVersion()
    {
        return SNAPSHOT_SCHEMA_VERSION;
    }

    public void writeSnapshot(final SnapshotWriter writer)
    {
        new MachineSnapshot(tenants, timers, configChanges).write(writer, ignoredEvents, invalidEvents);
    }

    public void readSnapshot(final SnapshotReader reader)
    {
        final long[] counters = new MachineSnapshot(tenants, timers, configChanges).read(reader);
        ignoredEvents = counters[0];
        invalidEvents = counters[1];
    }
}
