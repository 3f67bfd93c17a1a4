package io.firstcall.event;

import io.firstcall.codec.CallActivityEncoder;
import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.ConfigChangeEncoder;
import io.firstcall.codec.EmailSentEncoder;
import io.firstcall.codec.FormSubmittedEncoder;
import io.firstcall.codec.LeadConvertedEncoder;
import io.firstcall.codec.LeadUpsertEncoder;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.codec.OpportunityCreatedEncoder;
import io.firstcall.codec.PageVisitedEncoder;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.QualificationEncoder;
import io.firstcall.codec.QualificationResult;
import io.firstcall.codec.RepPresenceEncoder;
import io.firstcall.codec.ScoreUpdatedEncoder;
import io.firstcall.codec.SmsSentEncoder;
import io.firstcall.codec.TimerTickEncoder;
import io.firstcall.codec.TrialMilestoneEncoder;
import io.firstcall.engine.tenant.TenantRulesParser;
import org.agrona.MutableDirectBuffer;

/**
 * Convenience encoder of input events from strings, for tools, simulators, benchmarks and tests:
 * each method writes one complete SBE message (header included) at offset 0 of the buffer and
 * returns its length. Strings cost an allocation each; hot paths encode with the codecs directly.
 */
public final class EventWriter
{
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final LeadUpsertEncoder lead = new LeadUpsertEncoder();
    private final FormSubmittedEncoder form = new FormSubmittedEncoder();
    private final PageVisitedEncoder visit = new PageVisitedEncoder();
    private final TrialMilestoneEncoder trial = new TrialMilestoneEncoder();
    private final ScoreUpdatedEncoder score = new ScoreUpdatedEncoder();
    private final RepPresenceEncoder presence = new RepPresenceEncoder();
    private final CallActivityEncoder call = new CallActivityEncoder();
    private final EmailSentEncoder email = new EmailSentEncoder();
    private final SmsSentEncoder sms = new SmsSentEncoder();
    private final QualificationEncoder qualify = new QualificationEncoder();
    private final OpportunityCreatedEncoder opportunity = new OpportunityCreatedEncoder();
    private final LeadConvertedEncoder converted = new LeadConvertedEncoder();
    private final ConfigChangeEncoder config = new ConfigChangeEncoder();
    private final TimerTickEncoder tick = new TimerTickEncoder();
    private final MutableDirectBuffer buffer;
    private long eventTimeMs;
    private long receiveTimeNs;

    public EventWriter(final MutableDirectBuffer buffer)
    {
        this.buffer = buffer;
    }

    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Set the event and receive times stamped on the following events.
     */
    public EventWriter times(final long eventTimeMs, final long receiveTimeNs)
    {
        this.eventTimeMs = eventTimeMs;
        this.receiveTimeNs = receiveTimeNs;
        return this;
    }

    /**
     * A lead profile; null fields are sent empty (unchanged), employees < 0 means not given.
     */
    public int lead(
        final String tenant, final String id, final String leadId, final String email, final String name,
        final String company, final String industry, final String region, final int employees,
        final String source, final String owner)
    {
        lead.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
            .employees(employees < 0 ? LeadUpsertEncoder.employeesNullValue() : employees)
            .tenant(tenant).eventId(id).lead(leadId)
            .email(s(email)).phone("").name(s(name)).company(s(company)).industry(s(industry)).region(s(region))
            .product("").source(s(source)).owner(s(owner)).timezone("");
        return length(lead.encodedLength());
    }

    public int form(final String tenant, final String id, final String leadId, final String formKind)
    {
        form.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
            .employees(FormSubmittedEncoder.employeesNullValue())
            .tenant(tenant).eventId(id).lead(leadId).form(formKind)
            .email("").phone("").name("").company("").industry("").region("").product("").source("").owner("").timezone("");
        return length(form.encodedLength());
    }

    public int visit(final String tenant, final String id, final String leadId, final String page)
    {
        visit.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
            .tenant(tenant).eventId(id).lead(leadId).page(page);
        return length(visit.encodedLength());
    }

    public int trial(final String tenant, final String id, final String leadId, final String milestone)
    {
        trial.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
            .tenant(tenant).eventId(id).lead(leadId).milestone(milestone);
        return length(trial.encodedLength());
    }

    public int score(final String tenant, final String id, final String leadId, final int value)
    {
        score.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
            .score(value)
            .tenant(tenant).eventId(id).lead(leadId);
        return length(score.encodedLength());
    }

    public int presence(final String tenant, final String id, final String rep, final PresenceStatus status)
    {
        presence.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
            .status(status)
            .tenant(tenant).eventId(id).rep(rep);
        return length(presence.encodedLength());
    }

    public int call(final String tenant, final String id, final String leadId, final String rep, final CallOutcome outcome)
    {
        call.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
            .outcome(outcome)
            .tenant(tenant).eventId(id).lead(leadId).rep(rep);
        return length(call.encodedLength());
    }

    public int email(final String tenant, final String id, final String leadId, final String rep)
    {
        email.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
            .tenant(tenant).eventId(id).lead(leadId).rep(rep);
        return length(email.encodedLength());
    }

    public int sms(final String tenant, final String id, final String leadId, final String rep)
    {
        sms.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
            .tenant(tenant).eventId(id).lead(leadId).rep(rep);
        return length(sms.encodedLength());
    }

    public int qualify(
        final String tenant, final String id, final String leadId, final String rep, final QualificationResult result,
        final String reason)
    {
        qualify.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
            .result(result)
            .tenant(tenant).eventId(id).lead(leadId).rep(rep).reason(s(reason));
        return length(qualify.encodedLength());
    }

    public int opportunity(final String tenant, final String id, final String leadId, final String rep, final long amountCents)
    {
        opportunity.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
            .amountCents(amountCents)
            .tenant(tenant).eventId(id).lead(leadId).rep(rep);
        return length(opportunity.encodedLength());
    }

    public int converted(final String tenant, final String id, final String leadId)
    {
        converted.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
            .tenant(tenant).eventId(id).lead(leadId);
        return length(converted.encodedLength());
    }

    /**
     * A tenant configuration change; its version is the document's hash.
     */
    public int config(final String tenant, final String id, final String yamlDocument)
    {
        config.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
            .configVersion(TenantRulesParser.version(yamlDocument))
            .tenant(tenant).eventId(id).document(yamlDocument);
        return length(config.encodedLength());
    }

    public int tick()
    {
        tick.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
            .tenant("").eventId("");
        return length(tick.encodedLength());
    }

    private static int length(final int bodyLength)
    {
        return MessageHeaderEncoder.ENCODED_LENGTH + bodyLength;
    }

    private static String s(final String value)
    {
        return null == value ? "" : value;
    }
}
