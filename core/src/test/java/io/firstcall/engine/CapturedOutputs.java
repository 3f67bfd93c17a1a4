package io.firstcall.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.AlertWithdrawnDecoder;
import io.firstcall.codec.AssignmentDecoder;
import io.firstcall.codec.ClaimRejectedDecoder;
import io.firstcall.codec.EscalationDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.RecordHeader;
import io.firstcall.render.OutputRenderer;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Test capture of outputs: keeps each output's bytes and a readable one-line summary, e.g.
 * {@code Alert seq=3 deadlineNs=.. episode=1 tenant=acme lead=L1 rep=r1 reasons={..}}. Decisions and
 * an alert's reasons are shown as the {@link OutputRenderer} renders them (the protocol's JSON), e.g.
 * {@code Decision seq=2 kind=HOT tenant=acme lead=L1 detail={"criteria":[..],..}}.
 */
public final class CapturedOutputs
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> lines = new ArrayList<>();
    private final List<byte[]> raw = new ArrayList<>();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final OutputRenderer renderer = new OutputRenderer();

    /**
     * Capture every record of a batch, in order.
     */
    public synchronized void capture(final OutputBatch outputs)
    {
        for (int i = 0; i < outputs.count(); i++)
        {
            onOutput(outputs.buffer(), outputs.recordOffset(i) + RecordHeader.LENGTH, outputs.recordLength(i) - RecordHeader.LENGTH);
        }
    }

    /**
     * Capture one SBE output message.
     */
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

    /**
     * @return the output rendered by the {@link OutputRenderer}, parsed.
     */
    public JsonNode rendered(final byte[] output)
    {
        final int length = renderer.render(new UnsafeBuffer(output), 0, output.length);
        try
        {
            return JSON.readTree(new String(renderer.buffer().byteArray(), 0, length, StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
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
                final JsonNode json = render(buffer, offset);
                return "Alert seq=" + d.inputSeq() + " deadlineNs=" + d.claimDeadlineNs() + " episode=" + d.episode() +
                    " tenant=" + json.get("tenant").asText() + " lead=" + json.get("lead").asText() +
                    " rep=" + json.get("rep").asText() + " reasons=" + json.get("reasons");
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
                    " lead=" + d.lead() + " rep=" + d.rep() + " owner=" + d.owner() +
                    " reason=" + d.reason().name().toLowerCase(Locale.ROOT);
            }
            case EscalationDecoder.TEMPLATE_ID:
            {
                final EscalationDecoder d = new EscalationDecoder().wrap(buffer, body, header.blockLength(), header.version());
                return "Escalation seq=" + d.inputSeq() + " level=" + d.level() + " episode=" + d.episode() +
                    " tenant=" + d.tenant() + " lead=" + d.lead() + " from=" + d.fromRep() + " to=" + d.to();
            }
            default:
            {
                final JsonNode json = render(buffer, offset);
                if (null == json || !"decision".equals(json.get("type").asText()))
                {
                    return "Template" + header.templateId();
                }
                return "Decision seq=" + json.get("seq").asLong() + " kind=" + json.get("kind").asText().toUpperCase(Locale.ROOT) +
                    " tenant=" + json.get("tenant").asText() + " lead=" + (json.get("lead").isNull() ? "" : json.get("lead").asText()) +
                    " detail=" + json.get("detail");
            }
        }
    }

    private JsonNode render(final DirectBuffer buffer, final int offset)
    {
        final int length = buffer.capacity() - offset;
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        final int rendered = renderer.render(new UnsafeBuffer(copy), 0, length);
        if (OutputRenderer.NOT_AN_OUTPUT == rendered)
        {
            return null;
        }
        try
        {
            return JSON.readTree(new String(renderer.buffer().byteArray(), 0, rendered, StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
