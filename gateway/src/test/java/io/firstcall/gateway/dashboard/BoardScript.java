package io.firstcall.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.PresenceStatus;
import io.firstcall.codec.QualificationResult;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.tenant.TenantRulesCache;
import io.firstcall.event.EventWriter;
import io.firstcall.journal.RecordHeader;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scripted history through the real state machine, each input and the outputs it caused handed to a
 * {@link BoardProjection} in journal order, as the follower hands the journals: the board's view of
 * the engine's own decisions, without journals or threads. Keeps the latest card of every key.
 */
final class BoardScript
{
    static final String TENANT = "acme";
    static final long T0 = 1_800_000_000_000_000_000L;
    static final long SECOND = 1_000_000_000L;
    static final long MINUTE = 60 * SECOND;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OutputBatch outputs = new OutputBatch();
    private final LeadStateMachine machine = new LeadStateMachine(outputs, 64, new TenantRulesCache());
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64 * 1024]);
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final EventWriter writer = new EventWriter(buffer);
    private final BoardProjection board;
    private final Map<String, BoardCard> leads = new LinkedHashMap<>();
    private final Map<String, BoardCard> reps = new LinkedHashMap<>();
    private long sequence;
    private long nowNs = T0;
    private int ids;

    BoardScript(final int maxLeads)
    {
        board = new BoardProjection(maxLeads);
    }

    BoardProjection projection()
    {
        return board;
    }

    BoardScript at(final long nowNs)
    {
        this.nowNs = nowNs;
        writer.times(nowNs / 1_000_000, nowNs);
        return this;
    }

    BoardScript config(final String yaml)
    {
        return send(writer.config(TENANT, "", yaml));
    }

    BoardScript presence(final String rep, final PresenceStatus status)
    {
        return send(writer.presence(TENANT, id(), rep, status));
    }

    BoardScript lead(final String lead, final String name, final String region, final String owner)
    {
        return send(writer.lead(TENANT, id(), lead, "", name, "Initech", "saas", region, 50, "web", owner));
    }

    BoardScript form(final String lead)
    {
        return send(writer.form(TENANT, id(), lead, "demo_request"));
    }

    BoardScript call(final String lead, final String rep)
    {
        return send(writer.call(TENANT, id(), lead, rep, CallOutcome.STARTED));
    }

    BoardScript qualify(final String lead, final String rep)
    {
        return send(writer.qualify(TENANT, id(), lead, rep, QualificationResult.QUALIFIED, ""));
    }

    BoardScript tick()
    {
        return send(writer.tick());
    }

    /**
     * Take what the projection changed since the last call, as the follower does every 100 ms.
     */
    BoardChanges publish()
    {
        final BoardChanges changes = board.publish();
        for (final BoardCard card : changes.leads())
        {
            if (card.isRemoval())
            {
                leads.remove(card.key());
            }
            else
            {
                leads.put(card.key(), card);
            }
        }
        for (final BoardCard card : changes.reps())
        {
            reps.put(card.key(), card);
        }
        return changes;
    }

    Map<String, BoardCard> leads()
    {
        return leads;
    }

    JsonNode lead(final String lead, final int episode)
    {
        final BoardCard card = leads.get(BoardLead.key(TENANT, lead, episode));
        return null == card ? null : json(card.json());
    }

    BoardCard leadCard(final String lead, final int episode)
    {
        return leads.get(BoardLead.key(TENANT, lead, episode));
    }

    JsonNode rep(final String rep)
    {
        final BoardCard card = reps.get(TENANT + '/' + rep);
        return null == card ? null : json(card.json());
    }

    static JsonNode json(final String json)
    {
        try
        {
            return MAPPER.readTree(json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private String id()
    {
        return "e" + (++ids);
    }

    private BoardScript send(final int length)
    {
        final long seq = ++sequence;
        board.onInput(seq, nowNs, buffer, 0, length);
        outputs.reset();
        outputs.cause(seq, nowNs);
        view.wrap(buffer, 0, length);
        machine.onEvent(view, seq, nowNs);
        for (int i = 0; i < outputs.count(); i++)
        {
            final int offset = outputs.recordOffset(i);
            board.onOutput(RecordHeader.sequence(outputs.buffer(), offset), RecordHeader.timestampNs(outputs.buffer(), offset),
                outputs.buffer(), offset + RecordHeader.LENGTH, outputs.recordLength(i) - RecordHeader.LENGTH);
        }
        return this;
    }
}
