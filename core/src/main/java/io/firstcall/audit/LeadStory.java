package io.firstcall.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.firstcall.codec.CallActivityDecoder;
import io.firstcall.codec.FormSubmittedDecoder;
import io.firstcall.codec.HotDecisionDecoder;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.scoring.ScoreReading;
import io.firstcall.event.InputTypes;
import io.firstcall.render.InputRenderer;
import io.firstcall.render.OutputRenderer;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One lead's whole story, in journal order, for {@code firstcall explain}: every input about it, the
 * score change each one made, and every output about it (hot decisions with their criteria and
 * configuration version, routing decisions with team, pool, exclusions, fairness ledger and
 * assignment rule, alerts, claims and rejections, escalations, tasks), the tenant's configuration
 * changes, and the response time.
 * <p>
 * Outputs are the recorded ones. Scores are not in the outputs (only hot decisions carry one), so
 * the story replays the whole input journal through a real {@link LeadStateMachine} in memory and
 * reads the lead's score just before and just after each of its inputs
 * ({@link LeadStateMachine#readScore}); {@code firstcall replay} is what proves the replay
 * reproduces the recorded outputs.
 */
public final class LeadStory implements JournalListener
{
    /**
     * Exact decimals, so an amount reads back as the protocol wrote it (1200.50).
     */
    private static final ObjectMapper JSON = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final String lead;
    private final UnsafeBuffer leadId;
    private final OutputBatch batch = new OutputBatch();
    private final LeadStateMachine machine = new LeadStateMachine(batch);
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final InputFields input = new InputFields();
    private final OutputFields output = new OutputFields();
    private final InputRenderer inputRenderer = new InputRenderer();
    private final OutputRenderer outputRenderer = new OutputRenderer();
    private final ScoreReading before = new ScoreReading();
    private final ScoreReading after = new ScoreReading();
    private final List<StoryStep> steps = new ArrayList<>();
    private String tenant;
    private long hotNs = Long.MIN_VALUE;
    private long formNs = Long.MIN_VALUE;
    private long callNs = Long.MIN_VALUE;
    private long formCallNs = Long.MIN_VALUE;
    private String callRep;

    /**
     * @param tenant the lead's tenant, or null for the first tenant the lead is seen in.
     */
    public LeadStory(final String tenant, final String lead)
    {
        this.tenant = tenant;
        this.lead = lead;
        leadId = new UnsafeBuffer(lead.getBytes(StandardCharsets.UTF_8));
    }

    public void onInput(final long sequence, final long timestampNs, final DirectBuffer buffer, final int offset, final int length)
    {
        final boolean readable = input.wrap(buffer, offset, length);
        final boolean ours = readable && InputFields.NONE != input.leadLength() && isLead(buffer, input.leadOffset(),
            input.leadLength()) && isTenant(buffer, input.tenantOffset(), input.tenantLength());
        final boolean config = readable && InputTypes.CONFIG == input.templateId() && null != tenant &&
            isTenant(buffer, input.tenantOffset(), input.tenantLength());
        if (ours && null == tenant)
        {
            tenant = buffer.getStringWithoutLengthUtf8(input.tenantOffset(), input.tenantLength());
        }
        final int templateId = readable ? input.templateId() : -1;
        final boolean known = ours && machine.readScore(tenant, lead, timestampNs, before);
        apply(sequence, timestampNs, buffer, offset, length);
        if (!ours && !config)
        {
            return;
        }

        steps.add(new StoryStep(sequence, timestampNs, StoryStep.Kind.INPUT, render(inputRenderer.render(buffer, offset, length),
            inputRenderer.buffer())));
        if (ours)
        {
            onTimes(templateId, buffer, sequence, timestampNs);
            if (machine.readScore(tenant, lead, timestampNs, after) &&
                (!known || before.score() != after.score() || before.firmographic() != after.firmographic() ||
                before.external() != after.external()))
            {
                steps.add(StoryStep.score(sequence, timestampNs, known ? before.score() : 0, after));
            }
        }
    }

    public void onOutput(
        final long causeSequence, final long causeTimestampNs, final DirectBuffer buffer, final int offset, final int length)
    {
        if (null == tenant || !output.wrap(buffer, offset, length) || !isTenant(output.tenant(), 0, output.tenant().capacity()))
        {
            return;
        }
        final DirectBuffer outputLead = output.lead();
        final boolean config = 0 == outputLead.capacity() && io.firstcall.codec.ConfigDecisionDecoder.TEMPLATE_ID == output.templateId();
        if (!config && !isLead(outputLead, 0, outputLead.capacity()))
        {
            return;
        }
        final JsonNode json = render(outputRenderer.render(buffer, offset, length), outputRenderer.buffer());
        if (HotDecisionDecoder.TEMPLATE_ID == output.templateId() && Long.MIN_VALUE == hotNs && "hot".equals(json.path("kind").asText()))
        {
            hotNs = causeTimestampNs;
        }
        steps.add(new StoryStep(causeSequence, causeTimestampNs, StoryStep.Kind.OUTPUT, json));
    }

    public String lead()
    {
        return lead;
    }

    /**
     * @return the lead's tenant, null when the lead was never seen.
     */
    public String tenant()
    {
        return tenant;
    }

    public List<StoryStep> steps()
    {
        return Collections.unmodifiableList(steps);
    }

    /**
     * @return when the lead first became hot (engine time), {@link Long#MIN_VALUE} if never.
     */
    public long hotNs()
    {
        return hotNs;
    }

    public long formNs()
    {
        return formNs;
    }

    /**
     * @return the first call attempt at or after the lead became hot, {@link Long#MIN_VALUE} if none.
     */
    public long callNs()
    {
        return callNs;
    }

    /**
     * @return the first call attempt at or after the lead's first form, {@link Long#MIN_VALUE} if none.
     */
    public long formCallNs()
    {
        return formCallNs;
    }

    /**
     * @return the rep of the first call attempt after the lead became hot, or null.
     */
    public String callRep()
    {
        return callRep;
    }

    private void onTimes(final int templateId, final DirectBuffer buffer, final long sequence, final long timestampNs)
    {
        if (FormSubmittedDecoder.TEMPLATE_ID == templateId && Long.MIN_VALUE == formNs)
        {
            formNs = timestampNs;
        }
        if (CallActivityDecoder.TEMPLATE_ID == templateId)
        {
            if (Long.MIN_VALUE != formNs && Long.MIN_VALUE == formCallNs)
            {
                formCallNs = timestampNs;
            }
            if (Long.MIN_VALUE != hotNs && Long.MIN_VALUE == callNs)
            {
                callNs = timestampNs;
                callRep = buffer.getStringWithoutLengthUtf8(input.repOffset(), input.repLength());
            }
        }
    }

    private void apply(final long sequence, final long timestampNs, final DirectBuffer buffer, final int offset, final int length)
    {
        batch.reset();
        batch.cause(sequence, timestampNs);
        view.wrap(buffer, offset, length);
        machine.onEvent(view, sequence, timestampNs);
        batch.reset();
    }

    private boolean isLead(final DirectBuffer buffer, final int offset, final int length)
    {
        return length == leadId.capacity() && io.firstcall.event.Bytes.equal(leadId, 0, buffer, offset, length);
    }

    private boolean isTenant(final DirectBuffer buffer, final int offset, final int length)
    {
        if (null == tenant)
        {
            return true;
        }
        final byte[] id = tenant.getBytes(StandardCharsets.UTF_8);
        return length == id.length && io.firstcall.event.Bytes.equal(new UnsafeBuffer(id), 0, buffer, offset, length);
    }

    private static JsonNode render(final int length, final DirectBuffer line)
    {
        try
        {
            final byte[] bytes = new byte[Math.max(length, 0)];
            line.getBytes(0, bytes);
            return JSON.readTree(bytes);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
