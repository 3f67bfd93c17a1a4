package io.firstcall.gateway.support;

import io.firstcall.codec.ActivityKind;
import io.firstcall.codec.AlertEncoder;
import io.firstcall.codec.AlertWithdrawnEncoder;
import io.firstcall.codec.AssignmentEncoder;
import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.EscalationEncoder;
import io.firstcall.codec.EscalationLevel;
import io.firstcall.codec.FirmographicComponent;
import io.firstcall.codec.HotCriterion;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.codec.SignalKind;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Engine outputs as the engine encodes them (SBE, header first), with only the fields the gateway's
 * counting reads (and, for an alert, one entry in each of its groups, which precede its text
 * fields), written at offset 0 of {@link #buffer()}. Each method returns the message length.
 */
public final class OutputMessages
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final AlertEncoder alert = new AlertEncoder();
    private final AssignmentEncoder assignment = new AssignmentEncoder();
    private final EscalationEncoder escalation = new EscalationEncoder();
    private final AlertWithdrawnEncoder withdrawn = new AlertWithdrawnEncoder();

    public UnsafeBuffer buffer()
    {
        return buffer;
    }

    public int alert(final String tenant, final String lead, final int episode, final long timeNs)
    {
        alert.wrapAndApplyHeader(buffer, 0, header).inputSeq(1).timeNs(timeNs).claimDeadlineNs(0).episode(episode);
        // The reasons and the activity come before the text fields, as in every alert the engine writes.
        alert.criteriaCount(1).next().criterion(HotCriterion.FORM).threshold(0).name("demo_request");
        alert.firmographicCount(1).next().component(FirmographicComponent.INDUSTRY).points(10);
        alert.signalsCount(1).next().kind(SignalKind.FORM).points(40).name("demo_request");
        alert.activityCount(1).next().kind(ActivityKind.FORM).atNs(timeNs).detail("demo_request");
        alert.tenant(tenant).lead(lead).rep("r1");
        return MessageHeaderEncoder.ENCODED_LENGTH + alert.encodedLength();
    }

    public int assignment(
        final String tenant, final String lead, final int episode, final long timeNs, final AssignmentReason reason)
    {
        assignment.wrapAndApplyHeader(buffer, 0, header).inputSeq(1).timeNs(timeNs).reason(reason).episode(episode)
            .tenant(tenant).lead(lead).rep("r1");
        return MessageHeaderEncoder.ENCODED_LENGTH + assignment.encodedLength();
    }

    public int claim(final String tenant, final String lead, final int episode, final long timeNs)
    {
        return assignment(tenant, lead, episode, timeNs, AssignmentReason.CLAIM);
    }

    public int escalation(final String tenant, final String lead, final long timeNs)
    {
        escalation.wrapAndApplyHeader(buffer, 0, header).inputSeq(1).timeNs(timeNs).level(EscalationLevel.BACKUP_REP)
            .episode(1).tenant(tenant).lead(lead).fromRep("r1").to("r2");
        return MessageHeaderEncoder.ENCODED_LENGTH + escalation.encodedLength();
    }

    public int withdrawn(final String tenant, final String lead, final long timeNs)
    {
        withdrawn.wrapAndApplyHeader(buffer, 0, header).inputSeq(1).timeNs(timeNs).episode(1)
            .tenant(tenant).lead(lead).rep("r1").claimedBy("r2");
        return MessageHeaderEncoder.ENCODED_LENGTH + withdrawn.encodedLength();
    }
}
