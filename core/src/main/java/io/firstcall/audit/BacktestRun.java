package io.firstcall.audit;

import io.firstcall.render.SbeGroups;
import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.AssignmentDecoder;
import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.BooleanType;
import io.firstcall.codec.EscalationDecoder;
import io.firstcall.codec.EscalationLevel;
import io.firstcall.codec.HotDecisionDecoder;
import io.firstcall.codec.LeadConvertedDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.OpportunityCreatedDecoder;
import io.firstcall.engine.lead.ByteKeyIndex;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;
import java.util.BitSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one run of history (the recorded outputs, or a replay under some rules) did for one tenant:
 * which leads it made hot, the alerts, assignments and escalations per rep; and, from the inputs,
 * which leads had an opportunity or a conversion (the ground truth "hot" is judged against).
 */
final class BacktestRun
{
    private final UnsafeBuffer tenantId;
    private final OutputFields output = new OutputFields();
    private final InputFields input = new InputFields();
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer text = new UnsafeBuffer(new byte[0]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final HotDecisionDecoder hot = new HotDecisionDecoder();
    private final AlertDecoder alert = new AlertDecoder();
    private final AssignmentDecoder assignment = new AssignmentDecoder();
    private final EscalationDecoder escalation = new EscalationDecoder();
    final ByteKeyIndex leads = new ByteKeyIndex(1024);
    final ByteKeyIndex reps = new ByteKeyIndex(64);
    final BitSet hotLeads = new BitSet();
    final BitSet positives = new BitSet();
    long[] alerts = new long[64];
    long[] assignments = new long[64];
    long[] roundRobin = new long[64];
    long backupEscalations;
    long queueEscalations;
    long hotDecisions;
    long firstNs = Long.MAX_VALUE;
    long lastNs = Long.MIN_VALUE;

    BacktestRun(final String tenant)
    {
        tenantId = new UnsafeBuffer(tenant.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Note the input's time and whether it is an opportunity or conversion of the tenant.
     */
    void onInput(final long timestampNs, final DirectBuffer buffer, final int offset, final int length)
    {
        firstNs = Math.min(firstNs, timestampNs);
        lastNs = Math.max(lastNs, timestampNs);
        if (!input.wrap(buffer, offset, length) || InputFields.NONE == input.leadLength() ||
            (OpportunityCreatedDecoder.TEMPLATE_ID != input.templateId() && LeadConvertedDecoder.TEMPLATE_ID != input.templateId()) ||
            !isTenant(buffer, input.tenantOffset(), input.tenantLength()))
        {
            return;
        }
        positives.set(leads.getOrAdd(buffer, input.leadOffset(), input.leadLength()));
    }

    void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        if (!output.wrap(buffer, offset, length) || !isTenant(output.tenant(), 0, output.tenant().capacity()))
        {
            return;
        }
        message.wrap(buffer, offset, length);
        header.wrap(message, 0);
        switch (output.templateId())
        {
            case HotDecisionDecoder.TEMPLATE_ID:
                if (BooleanType.FALSE.value() == hot.wrapAndApplyHeader(message, 0, header).suppressedRaw())
                {
                    hotDecisions++;
                    hotLeads.set(leads.getOrAdd(output.lead(), 0, output.lead().capacity()));
                }
                break;

            case AlertDecoder.TEMPLATE_ID:
            {
                final AlertDecoder d = alert.wrapAndApplyHeader(message, 0, header);
                SbeGroups.skipAlertGroups(d);
                d.skipTenant();
                d.skipLead();
                d.wrapRep(text);
                alerts = count(alerts, rep(text));
                break;
            }

            case AssignmentDecoder.TEMPLATE_ID:
            {
                final AssignmentDecoder d = assignment.wrapAndApplyHeader(message, 0, header);
                final boolean roundRobinChoice = AssignmentReason.ROUND_ROBIN == d.reason();
                d.skipTenant();
                d.skipLead();
                d.wrapRep(text);
                final int rep = rep(text);
                assignments = count(assignments, rep);
                if (roundRobinChoice)
                {
                    roundRobin = count(roundRobin, rep);
                }
                break;
            }

            case EscalationDecoder.TEMPLATE_ID:
                if (EscalationLevel.BACKUP_REP == escalation.wrapAndApplyHeader(message, 0, header).level())
                {
                    backupEscalations++;
                }
                else
                {
                    queueEscalations++;
                }
                break;

            default:
                break;
        }
    }

    /**
     * @return the ids of the leads in {@code set}, sorted.
     */
    TreeSet<String> ids(final BitSet set)
    {
        final TreeSet<String> ids = new TreeSet<>();
        for (int lead = set.nextSetBit(0); lead >= 0; lead = set.nextSetBit(lead + 1))
        {
            ids.add(leads.keyString(lead));
        }
        return ids;
    }

    /**
     * @return each rep's count in {@code counts}, by rep id.
     */
    TreeMap<String, Long> byRep(final long[] counts)
    {
        final TreeMap<String, Long> byRep = new TreeMap<>();
        for (int rep = 0; rep < reps.size(); rep++)
        {
            byRep.put(reps.keyString(rep), counts.length > rep ? counts[rep] : 0);
        }
        return byRep;
    }

    private int rep(final DirectBuffer id)
    {
        return reps.getOrAdd(id, 0, id.capacity());
    }

    private static long[] count(final long[] counts, final int index)
    {
        final long[] grown = index < counts.length ? counts : Arrays.copyOf(counts, Math.max(index + 1, counts.length * 2));
        grown[index]++;
        return grown;
    }

    private boolean isTenant(final DirectBuffer buffer, final int offset, final int length)
    {
        return length == tenantId.capacity() && io.firstcall.event.Bytes.equal(tenantId, 0, buffer, offset, length);
    }
}
