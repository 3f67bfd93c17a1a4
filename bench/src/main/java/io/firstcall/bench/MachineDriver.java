package io.firstcall.bench;

import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.tenant.TenantRulesCache;
import io.firstcall.journal.RecordHeader;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Drives a {@link LeadStateMachine} as the decision stage does (a view bounded to the event, the
 * batch's cause set) and consumes the outputs cheaply, reading each one's template so the
 * encoding is not dead code: the decide stage without journal or network.
 */
public final class MachineDriver
{
    private final OutputBatch outputs = new OutputBatch();
    private final LeadStateMachine machine;
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private long produced;

    public MachineDriver(final int initialLeads)
    {
        machine = new LeadStateMachine(outputs, initialLeads, new TenantRulesCache());
    }

    public LeadStateMachine machine()
    {
        return machine;
    }

    /**
     * @return outputs produced so far.
     */
    public long produced()
    {
        return produced;
    }

    /**
     * Apply one event and empty the batch.
     *
     * @return a checksum of the event's outputs (their templates and lengths).
     */
    public long send(final DirectBuffer buffer, final int offset, final int length, final long sequence, final long nowNs)
    {
        outputs.reset();
        outputs.cause(sequence, nowNs);
        view.wrap(buffer, offset, length);
        machine.onEvent(view, sequence, nowNs);
        final MutableDirectBuffer records = outputs.buffer();
        long checksum = 0;
        for (int i = 0; i < outputs.count(); i++)
        {
            checksum += records.getShort(outputs.recordOffset(i) + RecordHeader.LENGTH + 2) + outputs.recordLength(i);
        }
        produced += outputs.count();
        return checksum;
    }
}
