package io.firstcall.engine;

import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.AlertWithdrawnDecoder;
import io.firstcall.codec.AssignmentDecoder;
import io.firstcall.codec.ClaimRejectedDecoder;
import io.firstcall.codec.DecisionRecordDecoder;
import io.firstcall.codec.EscalationDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Test sink: keeps a readable one-line summary of each output, e.g.
 * {@code Alert seq=3 lead=L1 rep=r1 episode=1}.
 */
public final class CapturedOutputs implements OutputSink
{
    private final List<String> lines = new ArrayList<>();
    private final List<byte[]> raw = new ArrayList<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();

    public synchronized void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        raw.add(copy);
        lines.add(describe(new UnsafeBuffer(copy), 0));
    }

    public synchronized List<String> lines()
    {
        return new ArrayList<>(lines);
    }

    public synchronized List<String> linesStartingWith(final String prefix)
    {
        return lines.stream().filter(l -> l.startsWith(prefix)).collect(Collectors.toList());
    }

    public synchronized List<byte[]> raw()
    {
        return new ArrayList<>(raw);
    }

    public synchronized void clear()
    {
        lines.clear();
        raw.clear();
    }

    public String describe(final DirectBuffer buffer, final int offset)
    {
        header.wrap(buffer, offset);
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        switch (header.templateId())
        {
            case AlertDecoder.TEMPLATE_ID:
            {
                final AlertDecoder d = new AlertDecoder().wrap(buffer, body, header.blockLength(), header.version());
                return "Alert seq=" + d.inputSeq() + " deadlineNs=" + d.claimDeadlineNs() + " episode=" + d.episode() +
                    " tenant=" + d.tenant() + " lead=" + d.lead() + " rep=" + d.rep() + " reasons=" + d.reasons();
            }
            case AlertWithdrawnDecoder.TEMPLATE_ID:
            {
                final AlertWithdrawnDecoder d = new AlertWithdrawnDecoder().wrap(buffer, body, header.blockLength(), header.version());
                return "Withdrawn seq=" + d.inputSeq() + " episode=" + d.episode() + " tenant=" + d.tenant() +
                    " lead=" + d.lead() + " rep=" + d.rep() + " claimedBy=" + d.claimedBy();
            }
            case AssignmentDecoder.TEMPLATE_ID:
            {
                final AssignmentDecoder d = new AssignmentDecoder().wrap(buffer, body, header.blockLength(), header.version());
                return "Assignment seq=" + d.inputSeq() + " reason=" + d.reason() + " episode=" + d.episode() +
                    " tenant=" + d.tenant() + " lead=" + d.lead() + " rep=" + d.rep();
            }
            case ClaimRejectedDecoder.TEMPLATE_ID:
            {
                final ClaimRejectedDecoder d = new ClaimRejectedDecoder().wrap(buffer, body, header.blockLength(), header.version());
                return "ClaimRejected seq=" + d.inputSeq() + " episode=" + d.episode() + " tenant=" + d.tenant() +
                    " lead=" + d.lead() + " rep=" + d.rep() + " owner=" + d.owner() + " reason=" + d.reason();
            }
            case EscalationDecoder.TEMPLATE_ID:
            {
                final EscalationDecoder d = new EscalationDecoder().wrap(buffer, body, header.blockLength(), header.version());
                return "Escalation seq=" + d.inputSeq() + " level=" + d.level() + " episode=" + d.episode() +
                    " tenant=" + d.tenant() + " lead=" + d.lead() + " from=" + d.fromRep() + " to=" + d.to();
            }
            case DecisionRecordDecoder.TEMPLATE_ID:
            {
                final DecisionRecordDecoder d = new DecisionRecordDecoder().wrap(buffer, body, header.blockLength(), header.version());
                return "Decision seq=" + d.inputSeq() + " kind=" + d.kind() + " tenant=" + d.tenant() + " lead=" + d.lead() +
                    " detail=" + d.detail();
            }
            default:
                return "Template" + header.templateId();
        }
    }
}
