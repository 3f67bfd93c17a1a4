package io.firstcall.audit;

import io.firstcall.render.SbeGroups;
import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.AlertWithdrawnDecoder;
import io.firstcall.codec.AssignmentDecoder;
import io.firstcall.codec.ClaimDecisionDecoder;
import io.firstcall.codec.ClaimRejectedDecoder;
import io.firstcall.codec.ConfigDecisionDecoder;
import io.firstcall.codec.EscalationDecoder;
import io.firstcall.codec.HotDecisionDecoder;
import io.firstcall.codec.InputRejectedDecoder;
import io.firstcall.codec.LeadCreatedDecoder;
import io.firstcall.codec.LeadEvictedDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.RoutingDecisionDecoder;
import io.firstcall.codec.ScoreDecayedDecoder;
import io.firstcall.codec.TaskDueDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The tenant and lead any output names, as views of its bytes: outputs keep them among their
 * variable data, after any groups, so each template is skipped to them with its own decoder.
 */
public final class OutputFields
{
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final AlertDecoder alert = new AlertDecoder();
    private final AlertWithdrawnDecoder withdrawn = new AlertWithdrawnDecoder();
    private final AssignmentDecoder assignment = new AssignmentDecoder();
    private final ClaimRejectedDecoder claimRejected = new ClaimRejectedDecoder();
    private final EscalationDecoder escalation = new EscalationDecoder();
    private final TaskDueDecoder task = new TaskDueDecoder();
    private final LeadCreatedDecoder created = new LeadCreatedDecoder();
    private final HotDecisionDecoder hot = new HotDecisionDecoder();
    private final RoutingDecisionDecoder routing = new RoutingDecisionDecoder();
    private final ClaimDecisionDecoder claim = new ClaimDecisionDecoder();
    private final ConfigDecisionDecoder config = new ConfigDecisionDecoder();
    private final ScoreDecayedDecoder decayed = new ScoreDecayedDecoder();
    private final InputRejectedDecoder rejected = new InputRejectedDecoder();
    private final LeadEvictedDecoder evicted = new LeadEvictedDecoder();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer tenant = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer lead = new UnsafeBuffer(new byte[0]);
    private int templateId;

    /**
     * @return false when the message is not an output this build knows.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return false;
        }
        message.wrap(buffer, offset, length);
        header.wrap(message, 0);
        templateId = header.templateId();
        lead.wrap(message, 0, 0);
        switch (templateId)
        {
            case AlertDecoder.TEMPLATE_ID:
                final AlertDecoder a = alert.wrapAndApplyHeader(message, 0, header);
                for (final AlertDecoder.CriteriaDecoder entry : a.criteria())
                {
                    entry.skipName();
                }
                for (final AlertDecoder.FirmographicDecoder entry : a.firmographic())
                {
                    entry.sbeSkip();
                }
                for (final AlertDecoder.SignalsDecoder entry : a.signals())
                {
                    entry.skipName();
                }
                for (final AlertDecoder.ActivityDecoder entry : a.activity())
                {
                    entry.skipDetail();
                }
                a.wrapTenant(tenant);
                a.wrapLead(lead);
                return true;

            case AlertWithdrawnDecoder.TEMPLATE_ID:
                withdrawn.wrapAndApplyHeader(message, 0, header).wrapTenant(tenant);
                withdrawn.wrapLead(lead);
                return true;

            case AssignmentDecoder.TEMPLATE_ID:
                assignment.wrapAndApplyHeader(message, 0, header).wrapTenant(tenant);
                assignment.wrapLead(lead);
                return true;

            case ClaimRejectedDecoder.TEMPLATE_ID:
                claimRejected.wrapAndApplyHeader(message, 0, header).wrapTenant(tenant);
                claimRejected.wrapLead(lead);
                return true;

            case EscalationDecoder.TEMPLATE_ID:
                escalation.wrapAndApplyHeader(message, 0, header).wrapTenant(tenant);
                escalation.wrapLead(lead);
                return true;

            case TaskDueDecoder.TEMPLATE_ID:
                task.wrapAndApplyHeader(message, 0, header).wrapTenant(tenant);
                task.wrapLead(lead);
                return true;

            case LeadCreatedDecoder.TEMPLATE_ID:
                created.wrapAndApplyHeader(message, 0, header).wrapTenant(tenant);
                created.wrapLead(lead);
                return true;

            case HotDecisionDecoder.TEMPLATE_ID:
                final HotDecisionDecoder h = hot.wrapAndApplyHeader(message, 0, header);
                for (final HotDecisionDecoder.CriteriaDecoder entry : h.criteria())
                {
                    entry.skipName();
                }
                for (final HotDecisionDecoder.FirmographicDecoder entry : h.firmographic())
                {
                    entry.sbeSkip();
                }
                for (final HotDecisionDecoder.SignalsDecoder entry : h.signals())
                {
                    entry.skipName();
                }
                h.wrapTenant(tenant);
                h.wrapLead(lead);
                return true;

            case RoutingDecisionDecoder.TEMPLATE_ID:
                SbeGroups.skipRoutingGroups(routing.wrapAndApplyHeader(message, 0, header));
                routing.wrapTenant(tenant);
                routing.wrapLead(lead);
                return true;

            case ClaimDecisionDecoder.TEMPLATE_ID:
                claim.wrapAndApplyHeader(message, 0, header).wrapTenant(tenant);
                claim.wrapLead(lead);
                return true;

            case ConfigDecisionDecoder.TEMPLATE_ID:
                config.wrapAndApplyHeader(message, 0, header).wrapTenant(tenant);
                return true;

            case ScoreDecayedDecoder.TEMPLATE_ID:
                decayed.wrapAndApplyHeader(message, 0, header).wrapTenant(tenant);
                decayed.wrapLead(lead);
                return true;

            case InputRejectedDecoder.TEMPLATE_ID:
                rejected.wrapAndApplyHeader(message, 0, header).wrapTenant(tenant);
                return true;

            case LeadEvictedDecoder.TEMPLATE_ID:
                evicted.wrapAndApplyHeader(message, 0, header).wrapTenant(tenant);
                evicted.wrapLead(lead);
                return true;

            default:
                return false;
        }
    }

    public int templateId()
    {
        return templateId;
    }

    /**
     * @return the tenant's bytes, from 0 to the capacity; empty when the output names none.
     */
    public DirectBuffer tenant()
    {
        return tenant;
    }

    /**
     * @return the lead's bytes, from 0 to the capacity; empty when the output names none.
     */
    public DirectBuffer lead()
    {
        return lead;
    }
}
