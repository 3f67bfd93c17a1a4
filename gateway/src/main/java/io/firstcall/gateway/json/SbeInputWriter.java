package io.firstcall.gateway.json;

import io.firstcall.codec.CallActivityEncoder;
import io.firstcall.codec.CallOutcome;
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
import io.firstcall.codec.TrialMilestoneEncoder;
import org.agrona.MutableDirectBuffer;

import static io.firstcall.gateway.json.Fields.*;

/**
 * Writes a validated client line as its SBE input message. Var data goes in schema order;
 * optional text the client left out is written empty, a missing "employees" as the null value.
 */
final class SbeInputWriter
{
    private static final PresenceStatus[] STATUS_VALUES = { PresenceStatus.AVAILABLE, PresenceStatus.BUSY,
        PresenceStatus.OFFLINE };
    private static final CallOutcome[] OUTCOME_VALUES = { CallOutcome.STARTED, CallOutcome.CONNECTED,
        CallOutcome.NO_ANSWER, CallOutcome.VOICEMAIL };
    private static final QualificationResult[] RESULT_VALUES = { QualificationResult.QUALIFIED,
        QualificationResult.DISQUALIFIED };

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final LeadUpsertEncoder leadUpsert = new LeadUpsertEncoder();
    private final FormSubmittedEncoder formSubmitted = new FormSubmittedEncoder();
    private final PageVisitedEncoder pageVisited = new PageVisitedEncoder();
    private final TrialMilestoneEncoder trialMilestone = new TrialMilestoneEncoder();
    private final ScoreUpdatedEncoder scoreUpdated = new ScoreUpdatedEncoder();
    private final RepPresenceEncoder repPresence = new RepPresenceEncoder();
    private final CallActivityEncoder callActivity = new CallActivityEncoder();
    private final EmailSentEncoder emailSent = new EmailSentEncoder();
    private final SmsSentEncoder smsSent = new SmsSentEncoder();
    private final QualificationEncoder qualification = new QualificationEncoder();
    private final OpportunityCreatedEncoder opportunityCreated = new OpportunityCreatedEncoder();
    private final LeadConvertedEncoder leadConverted = new LeadConvertedEncoder();

    private FieldValues v;

    /**
     * @return the encoded length, header included.
     */
    int write(
        final EventType type,
        final FieldValues values,
        final byte[] tenant,
        final long eventTimeMs,
        final long receiveTimeNs,
        final MutableDirectBuffer dst,
        final int offset)
    {
        v = values;
        final byte[] t = values.text;
        final int tl = tenant.length;
        final int length;

        switch (type)
        {
            case LEAD_UPSERT:
            {
                final LeadUpsertEncoder e = leadUpsert.wrapAndApplyHeader(dst, offset, header)
                    .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
                    .employees(employees(LeadUpsertEncoder.employeesNullValue()))
                    .putTenant(tenant, 0, tl).putEventId(t, o(ID), l(ID)).putLead(t, o(LEAD), l(LEAD))
                    .putEmail(t, o(EMAIL), l(EMAIL)).putPhone(t, o(PHONE), l(PHONE)).putName(t, o(NAME), l(NAME))
                    .putCompany(t, o(COMPANY), l(COMPANY)).putIndustry(t, o(INDUSTRY), l(INDUSTRY))
                    .putRegion(t, o(REGION), l(REGION)).putProduct(t, o(PRODUCT), l(PRODUCT))
                    .putSource(t, o(SOURCE), l(SOURCE)).putOwner(t, o(OWNER), l(OWNER))
                    .putTimezone(t, o(TIMEZONE), l(TIMEZONE));
                length = e.encodedLength();
                break;
            }

            case FORM_SUBMITTED:
            {
                final FormSubmittedEncoder e = formSubmitted.wrapAndApplyHeader(dst, offset, header)
                    .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
                    .employees(employees(FormSubmittedEncoder.employeesNullValue()))
                    .putTenant(tenant, 0, tl).putEventId(t, o(ID), l(ID)).putLead(t, o(LEAD), l(LEAD))
                    .putForm(t, o(FORM), l(FORM))
                    .putEmail(t, o(EMAIL), l(EMAIL)).putPhone(t, o(PHONE), l(PHONE)).putName(t, o(NAME), l(NAME))
                    .putCompany(t, o(COMPANY), l(COMPANY)).putIndustry(t, o(INDUSTRY), l(INDUSTRY))
                    .putRegion(t, o(REGION), l(REGION)).putProduct(t, o(PRODUCT), l(PRODUCT))
                    .putSource(t, o(SOURCE), l(SOURCE)).putOwner(t, o(OWNER), l(OWNER))
                    .putTimezone(t, o(TIMEZONE), l(TIMEZONE));
                length = e.encodedLength();
                break;
            }

            case PAGE_VISITED:
                length = pageVisited.wrapAndApplyHeader(dst, offset, header)
                    .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
                    .putTenant(tenant, 0, tl).putEventId(t, o(ID), l(ID)).putLead(t, o(LEAD), l(LEAD))
                    .putPage(t, o(PAGE), l(PAGE))
                    .encodedLength();
                break;

            case TRIAL_MILESTONE:
                length = trialMilestone.wrapAndApplyHeader(dst, offset, header)
                    .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
                    .putTenant(tenant, 0, tl).putEventId(t, o(ID), l(ID)).putLead(t, o(LEAD), l(LEAD))
                    .putMilestone(t, o(MILESTONE), l(MILESTONE))
                    .encodedLength();
                break;

            case SCORE_UPDATED:
                length = scoreUpdated.wrapAndApplyHeader(dst, offset, header)
                    .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs).score((int)values.number(SCORE))
                    .putTenant(tenant, 0, tl).putEventId(t, o(ID), l(ID)).putLead(t, o(LEAD), l(LEAD))
                    .encodedLength();
                break;

            case REP_PRESENCE:
                length = repPresence.wrapAndApplyHeader(dst, offset, header)
                    .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
                    .status(STATUS_VALUES[(int)values.number(STATUS)])
                    .putTenant(tenant, 0, tl).putEventId(t, o(ID), l(ID)).putRep(t, o(REP), l(REP))
                    .encodedLength();
                break;

            case CALL_ACTIVITY:
                length = callActivity.wrapAndApplyHeader(dst, offset, header)
                    .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
                    .outcome(OUTCOME_VALUES[(int)values.number(OUTCOME)])
                    .putTenant(tenant, 0, tl).putEventId(t, o(ID), l(ID)).putLead(t, o(LEAD), l(LEAD))
                    .putRep(t, o(REP), l(REP))
                    .encodedLength();
                break;

            case EMAIL_SENT:
                length = emailSent.wrapAndApplyHeader(dst, offset, header)
                    .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
                    .putTenant(tenant, 0, tl).putEventId(t, o(ID), l(ID)).putLead(t, o(LEAD), l(LEAD))
                    .putRep(t, o(REP), l(REP))
                    .encodedLength();
                break;

            case SMS_SENT:
                length = smsSent.wrapAndApplyHeader(dst, offset, header)
                    .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
                    .putTenant(tenant, 0, tl).putEventId(t, o(ID), l(ID)).putLead(t, o(LEAD), l(LEAD))
                    .putRep(t, o(REP), l(REP))
                    .encodedLength();
                break;

            case QUALIFICATION:
                length = qualification.wrapAndApplyHeader(dst, offset, header)
                    .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
                    .result(RESULT_VALUES[(int)values.number(RESULT)])
                    .putTenant(tenant, 0, tl).putEventId(t, o(ID), l(ID)).putLead(t, o(LEAD), l(LEAD))
                    .putRep(t, o(REP), l(REP)).putReason(t, o(REASON), l(REASON))
                    .encodedLength();
                break;

            case OPPORTUNITY_CREATED:
                length = opportunityCreated.wrapAndApplyHeader(dst, offset, header)
                    .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs).amountCents(values.number(AMOUNT))
                    .putTenant(tenant, 0, tl).putEventId(t, o(ID), l(ID)).putLead(t, o(LEAD), l(LEAD))
                    .putRep(t, o(REP), l(REP))
                    .encodedLength();
                break;

            case LEAD_CONVERTED:
                length = leadConverted.wrapAndApplyHeader(dst, offset, header)
                    .eventTimeMs(eventTimeMs).receiveTimeNs(receiveTimeNs)
                    .putTenant(tenant, 0, tl).putEventId(t, o(ID), l(ID)).putLead(t, o(LEAD), l(LEAD))
                    .encodedLength();
                break;

            default:
                throw new IllegalArgumentException("not an input event: " + type);
        }

        v = null;

        return MessageHeaderEncoder.ENCODED_LENGTH + length;
    }

    private int employees(final int nullValue)
    {
        return v.isPresent(EMPLOYEES) ? (int)v.number(EMPLOYEES) : nullValue;
    }

    private static int o(final int field)
    {
        return FieldValues.offset(field);
    }

    private int l(final int field)
    {
        return v.length(field);
    }
}
