package io.firstcall.engine;

import io.firstcall.codec.ActivityKind;
import io.firstcall.codec.CallActivityDecoder;
import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.EmailSentDecoder;
import io.firstcall.codec.LeadConvertedDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.OpportunityCreatedDecoder;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.QualificationDecoder;
import io.firstcall.codec.QualificationResult;
import io.firstcall.codec.RepPresenceDecoder;
import io.firstcall.codec.SmsSentDecoder;
import io.firstcall.engine.lead.LeadTable;
import io.firstcall.engine.routing.RepBook;
import io.firstcall.engine.routing.Router;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The events that are not scored: rep presence, and what reps do with a lead (calls, emails, texts,
 * qualifications, opportunities, conversions). Each lead event is recorded as the lead's recent
 * activity; a started call is a claim; a qualification, an opportunity or a conversion ends the
 * lead's hold on its rep's capacity.
 */
final class LeadActivity
{
    private static final byte[][] CALL_OUTCOMES = names("started", "connected", "no_answer", "voicemail");
    private static final byte[] QUALIFIED = "qualified".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DISQUALIFIED = "disqualified".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NO_DETAIL = new byte[0];

    private final LeadLookup lookup;
    private final Router router;
    private final CallActivityDecoder call = new CallActivityDecoder();
    private final EmailSentDecoder email = new EmailSentDecoder();
    private final SmsSentDecoder sms = new SmsSentDecoder();
    private final QualificationDecoder qualification = new QualificationDecoder();
    private final OpportunityCreatedDecoder opportunity = new OpportunityCreatedDecoder();
    private final LeadConvertedDecoder converted = new LeadConvertedDecoder();
    private final RepPresenceDecoder presence = new RepPresenceDecoder();
    private final UnsafeBuffer leadId = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer rep = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer word = new UnsafeBuffer(new byte[0]);

    LeadActivity(final LeadLookup lookup, final Router router)
    {
        this.lookup = lookup;
        this.router = router;
    }

    void onPresence(final Tenant tenant, final UnsafeBuffer message, final MessageHeaderDecoder header)
    {
        final RepPresenceDecoder d = presence.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final PresenceStatus status = d.status();
        d.skipTenant();
        d.skipEventId();
        d.wrapRep(rep);
        if (rep.capacity() > 0 && PresenceStatus.NULL_VAL != status)
        {
            final RepBook reps = tenant.routing().reps();
            reps.presence(reps.stateOrAdd(rep, 0, rep.capacity()), status);
        }
    }

    /**
     * A call started (the claim) or its outcome; a call without an outcome is not applied.
     */
    void onCall(final Tenant tenant, final UnsafeBuffer message, final MessageHeaderDecoder header, final long nowNs)
    {
        final CallActivityDecoder d = call.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final CallOutcome outcome = d.outcome();
        if (CallOutcome.NULL_VAL == outcome)
        {
            return;
        }
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        d.wrapRep(rep);
        final int lead = lookup.lead(tenant, leadId, nowNs);
        word.wrap(CALL_OUTCOMES[outcome.ordinal()]);
        tenant.leads().recordActivity(lead, ActivityKind.CALL, nowNs, word, 0, word.capacity());
        if (CallOutcome.STARTED == outcome)
        {
            router.onCallStarted(tenant.routing(), lead, rep, 0, rep.capacity(), nowNs);
        }
    }

    void onEmail(final Tenant tenant, final UnsafeBuffer message, final MessageHeaderDecoder header, final long nowNs)
    {
        final EmailSentDecoder d = email.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        d.wrapRep(rep);
        record(tenant, ActivityKind.EMAIL, rep, nowNs);
    }

    void onSms(final Tenant tenant, final UnsafeBuffer message, final MessageHeaderDecoder header, final long nowNs)
    {
        final SmsSentDecoder d = sms.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        d.wrapRep(rep);
        record(tenant, ActivityKind.SMS, rep, nowNs);
    }

    void onQualification(final Tenant tenant, final UnsafeBuffer message, final MessageHeaderDecoder header, final long nowNs)
    {
        final QualificationDecoder d = qualification.wrap(
            message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final QualificationResult result = d.result();
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        word.wrap(QualificationResult.QUALIFIED == result ? QUALIFIED : DISQUALIFIED);
        final int lead = record(tenant, ActivityKind.QUALIFICATION, word, nowNs);
        if (LeadTable.MISSING != lead)
        {
            router.onOutcome(tenant.routing(), lead);
        }
    }

    void onOpportunity(final Tenant tenant, final UnsafeBuffer message, final MessageHeaderDecoder header, final long nowNs)
    {
        final OpportunityCreatedDecoder d = opportunity.wrap(
            message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        d.wrapRep(rep);
        final int lead = record(tenant, ActivityKind.OPPORTUNITY, rep, nowNs);
        if (LeadTable.MISSING != lead)
        {
            router.onOutcome(tenant.routing(), lead);
        }
    }

    void onConversion(final Tenant tenant, final UnsafeBuffer message, final MessageHeaderDecoder header, final long nowNs)
    {
        final LeadConvertedDecoder d = converted.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        d.skipTenant();
        d.skipEventId();
        d.wrapLead(leadId);
        word.wrap(NO_DETAIL);
        final int lead = record(tenant, ActivityKind.CONVERSION, word, nowNs);
        if (LeadTable.MISSING != lead)
        {
            router.onOutcome(tenant.routing(), lead);
        }
    }

    /**
     * Record the event as the activity of the lead in {@link #leadId}.
     *
     * @param detail from offset 0 to its capacity.
     * @return the lead's index, or {@link LeadTable#MISSING} when the event names none.
     */
    private int record(final Tenant tenant, final ActivityKind kind, final UnsafeBuffer detail, final long nowNs)
    {
        if (0 == leadId.capacity())
        {
            return LeadTable.MISSING;
        }
        final int lead = lookup.lead(tenant, leadId, nowNs);
        tenant.leads().recordActivity(lead, kind, nowNs, detail, 0, detail.capacity());
        return lead;
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
}
