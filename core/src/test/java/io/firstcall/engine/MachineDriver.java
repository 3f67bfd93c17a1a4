package io.firstcall.engine;

import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.tenant.TenantRulesCache;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Drives a {@link LeadStateMachine} directly, as the decision stage does: each event through a view
 * bounded to its own message, with the batch's cause set to it, and its outputs captured.
 */
public final class MachineDriver
{
    private final OutputBatch outputs = new OutputBatch();
    private final LeadStateMachine machine;
    private final CapturedOutputs captured;
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);

    public MachineDriver(final CapturedOutputs captured, final int initialLeads)
    {
        this(captured, initialLeads, new TenantRulesCache());
    }

    public MachineDriver(final CapturedOutputs captured, final int initialLeads, final TenantRulesCache rules)
    {
        this.captured = captured;
        this.machine = new LeadStateMachine(outputs, initialLeads, rules);
    }

    public LeadStateMachine machine()
    {
        return machine;
    }

    /**
     * Apply the message at offset 0 of {@code buffer}, {@code length} bytes long.
     */
    public void send(final DirectBuffer buffer, final int length, final long sequence, final long nowNs)
    {
        outputs.reset();
        outputs.cause(sequence, nowNs);
        view.wrap(buffer, 0, length);
        machine.onEvent(view, sequence, nowNs);
        captured.capture(outputs);
    }
}
