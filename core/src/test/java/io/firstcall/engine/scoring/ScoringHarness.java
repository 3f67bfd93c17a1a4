package io.firstcall.engine.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.FormSubmittedEncoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.engine.CapturedOutputs;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.engine.MachineDriver;
import io.firstcall.event.EventWriter;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Drives a {@link LeadStateMachine} directly with encoded events at chosen engine times, and reads
 * back its decisions and alerts with every field the scoring tests look at.
 */
final class ScoringHarness
{
    static final long T0 = TimeUnit.DAYS.toNanos(20_000);
    static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    static final long HOUR = TimeUnit.HOURS.toNanos(1);
    static final long DAY = TimeUnit.DAYS.toNanos(1);
    static final String TENANT = "acme";

    /**
     * A decision record, as the renderer shows it: {@code detail} is its detail object's JSON.
     */
    record Decision(long inputSeq, String kind, String lead, long configVersion, String detail)
    {
    }

    /**
     * An alert, decoded (the fields scoring fills); {@code reasons} is its reasons object's JSON.
     */
    record Alert(long inputSeq, String lead, String rep, int score, int firmographic, int behavioural, long configVersion,
        int episode, String reasons)
    {
    }

    final CapturedOutputs outputs = new CapturedOutputs();
    private final MachineDriver driver = new MachineDriver(outputs, 64);
    final LeadStateMachine machine = driver.machine();
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[64 * 1024]));
    private final MessageHeaderEncoder headerEncoder = new MessageHeaderEncoder();
    private final FormSubmittedEncoder formEncoder = new FormSubmittedEncoder();
    private long sequence;
    private int eventId;

    ScoringHarness config(final String yaml, final long nowNs)
    {
        return send(writer.config(TENANT, "cfg-" + eventId++, yaml), nowNs);
    }

    /**
     * A profile upsert; null fields are left as they were, employees < 0 means not given.
     */
    ScoringHarness lead(final String lead, final String industry, final int employees, final String region, final String source,
        final long nowNs)
    {
        return send(writer.lead(TENANT, id(), lead, lead + "@example.com", "Name " + lead, "Co " + lead, industry, region,
            employees, source, null), nowNs);
    }

    ScoringHarness form(final String lead, final String kind, final long nowNs)
    {
        return send(writer.form(TENANT, id(), lead, kind), nowNs);
    }

    /**
     * A form carrying the lead's firmographic fields inline.
     */
    ScoringHarness form(final String lead, final String kind, final String industry, final int employees, final String source,
        final long nowNs)
    {
        formEncoder.wrapAndApplyHeader(writer.buffer(), 0, headerEncoder)
            .eventTimeMs(nowNs / 1_000_000).receiveTimeNs(nowNs)
            .employees(employees)
            .tenant(TENANT).eventId(id()).lead(lead).form(kind)
            .email(lead + "@example.com").phone("").name("Name " + lead).company("Co " + lead).industry(industry)
            .region("").product("").source(source).owner("").timezone("");
        return send(MessageHeaderEncoder.ENCODED_LENGTH + formEncoder.encodedLength(), nowNs);
    }

    ScoringHarness visit(final String lead, final String page, final long nowNs)
    {
        return send(writer.visit(TENANT, id(), lead, page), nowNs);
    }

    ScoringHarness trial(final String lead, final String milestone, final long nowNs)
    {
        return send(writer.trial(TENANT, id(), lead, milestone), nowNs);
    }

    ScoringHarness score(final String lead, final int score, final long nowNs)
    {
        return send(writer.score(TENANT, id(), lead, score), nowNs);
    }

    ScoringHarness tick(final long nowNs)
    {
        return send(writer.tick(), nowNs);
    }

    long sequence()
    {
        return sequence;
    }

    List<Decision> decisions(final String kind)
    {
        return decisions(outputs, kind);
    }

    /**
     * @param outputs SBE output messages, as recorded.
     */
    static List<Decision> decisions(final List<byte[]> outputs, final String kind)
    {
        final CapturedOutputs captured = new CapturedOutputs();
        for (final byte[] output : outputs)
        {
            captured.onOutput(new UnsafeBuffer(output), 0, output.length);
        }
        return decisions(captured, kind);
    }

    /**
     * @param kind a decision kind in upper case (HOT, NOT_HOT...), or null for every decision.
     */
    static List<Decision> decisions(final CapturedOutputs outputs, final String kind)
    {
        final List<Decision> decisions = new ArrayList<>();
        for (final byte[] raw : outputs.raw())
        {
            final JsonNode json = outputs.rendered(raw);
            if (null != json.get("type") && "decision".equals(json.get("type").asText()))
            {
                final String decisionKind = json.get("kind").asText().toUpperCase(Locale.ROOT);
                if (null == kind || kind.equals(decisionKind))
                {
                    decisions.add(new Decision(json.get("seq").asLong(), decisionKind,
                        json.get("lead").isNull() ? "" : json.get("lead").asText(), json.get("configVersion").asLong(),
                        json.get("detail").toString()));
                }
            }
        }
        return decisions;
    }

    List<Alert> alerts()
    {
        return alerts(outputs);
    }

    static List<Alert> alerts(final CapturedOutputs outputs)
    {
        final List<Alert> alerts = new ArrayList<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        for (final byte[] raw : outputs.raw())
        {
            final UnsafeBuffer buffer = new UnsafeBuffer(raw);
            header.wrap(buffer, 0);
            if (AlertDecoder.TEMPLATE_ID == header.templateId())
            {
                final AlertDecoder d = new AlertDecoder().wrapAndApplyHeader(buffer, 0, header);
                final JsonNode json = outputs.rendered(raw);
                alerts.add(new Alert(d.inputSeq(), json.get("lead").asText(), json.get("rep").asText(), d.score(),
                    d.firmographicScore(), d.behaviouralScore(), d.configVersion(), d.episode(), json.get("reasons").toString()));
            }
        }
        return alerts;
    }

    /**
     * @return the criteria of every HOT decision, as the JSON array text, e.g. {@code ["form:demo_request"]}.
     */
    List<String> hotCriteria()
    {
        final List<String> criteria = new ArrayList<>();
        for (final Decision decision : decisions("HOT"))
        {
            criteria.add(criteriaOf(decision.detail()));
        }
        return criteria;
    }

    static String criteriaOf(final String detail)
    {
        final int start = detail.indexOf("\"criteria\":[") + "\"criteria\":".length();
        return detail.substring(start, detail.indexOf(']', start) + 1);
    }

    private ScoringHarness send(final int length, final long nowNs)
    {
        driver.send(writer.buffer(), length, sequence++, nowNs);
        return this;
    }

    private String id()
    {
        return "e" + eventId++;
    }
}
