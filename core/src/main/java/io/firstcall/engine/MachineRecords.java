package io.firstcall.engine;

import io.firstcall.codec.BooleanType;
import io.firstcall.codec.ConfigDecisionEncoder;
import io.firstcall.codec.InputError;
import io.firstcall.codec.InputRejectedEncoder;
import io.firstcall.codec.LeadCreatedEncoder;
import io.firstcall.codec.LeadEvictedEncoder;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.engine.lead.LeadTable;
import io.firstcall.engine.output.OutputBatch;
import org.agrona.DirectBuffer;

/**
 * Writes the decisions the state machine itself makes, outside scoring and routing: a lead first
 * seen or evicted, a configuration change applied or rejected, an input that was not applied.
 */
final class MachineRecords
{
    /**
     * The bound of the schema's varDocumentEncoding.
     */
    private static final int MAX_ERROR_BYTES = 65_534;

    private final OutputBatch outputs;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final LeadCreatedEncoder leadCreated = new LeadCreatedEncoder();
    private final ConfigDecisionEncoder config = new ConfigDecisionEncoder();
    private final InputRejectedEncoder rejected = new InputRejectedEncoder();
    private final LeadEvictedEncoder evicted = new LeadEvictedEncoder();

    MachineRecords(final OutputBatch outputs)
    {
        this.outputs = outputs;
    }

    void leadCreated(final LeadTable leads, final int lead, final long configVersion)
    {
        leadCreated.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .configVersion(configVersion)
            .putTenant(leads.tenantId(), 0, leads.tenantId().capacity())
            .putLead(leads.idBuffer(), leads.idOffset(lead), leads.idLength(lead));
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + leadCreated.encodedLength());
    }

    void leadEvicted(final LeadTable leads, final int lead, final long configVersion, final long lastActivityNs)
    {
        evicted.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .configVersion(configVersion)
            .lastActivityNs(lastActivityNs)
            .putTenant(leads.tenantId(), 0, leads.tenantId().capacity())
            .putLead(leads.idBuffer(), leads.idOffset(lead), leads.idLength(lead));
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + evicted.encodedLength());
    }

    /**
     * @param configVersion the version in force after the change; 0 when none.
     * @param error         why the change was rejected, or null when applied.
     */
    void configDecision(
        final DirectBuffer tenant, final int tenantOffset, final int tenantLength, final long configVersion, final byte[] error)
    {
        config.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .configVersion(configVersion)
            .applied(null == error ? BooleanType.TRUE : BooleanType.FALSE)
            .putTenant(tenant, tenantOffset, tenantLength);
        if (null == error)
        {
            config.putError(tenant, 0, 0);
        }
        else
        {
            config.putError(error, 0, Math.min(error.length, MAX_ERROR_BYTES));
        }
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + config.encodedLength());
    }

    /**
     * @param length the message's length.
     * @param field  the field at fault; empty when none is named.
     */
    void inputRejected(
        final int templateId,
        final InputError code,
        final int length,
        final DirectBuffer tenant,
        final int tenantOffset,
        final int tenantLength,
        final byte[] field)
    {
        rejected.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .templateId(templateId)
            .code(code)
            .length(length)
            .putTenant(tenant, tenantOffset, tenantLength)
            .putField(field, 0, field.length);
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + rejected.encodedLength());
    }
}
