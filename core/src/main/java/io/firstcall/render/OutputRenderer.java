package io.firstcall.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.AlertWithdrawnDecoder;
import io.firstcall.codec.AssignmentDecoder;
import io.firstcall.codec.ClaimRejectedDecoder;
import io.firstcall.codec.EscalationDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.TaskDueDecoder;
import org.agrona.DirectBuffer;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.io.ExpandableDirectBufferOutputStream;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns any output of the engine (an SBE message from the output journal or the output stage) into
 * one line of the JSON protocol (docs/protocol.md, version {@link #PROTOCOL_VERSION}): the pushes a
 * rep receives and the decisions an auditor reads. The one renderer: the gateway's pushes, the
 * tools and the tests all use it. JSON exists only here, at the edge; the engine never writes any.
 * <p>
 * Each call writes one line, ending in '\n', at offset 0 of {@link #buffer()} and returns its length;
 * the line is valid until the next call. One instance per thread. One generator is reused for every
 * line, writing to an expandable buffer, and text is copied from SBE as UTF-8 bytes, so a line costs
 * no allocation once the buffer has grown to the longest line.
 */
public final class OutputRenderer
{
    /**
     * Returned by {@link #render} for a message that is not an output.
     */
    public static final int NOT_AN_OUTPUT = -1;
    public static final int PROTOCOL_VERSION = 2;

    /**
     * Factories are thread safe and hold the buffer recycling, so one per process. No root separator:
     * each line is written and flushed on its own.
     */
    private static final JsonFactory FACTORY = new JsonFactoryBuilder().rootValueSeparator((String)null).build();

    static final SerializedString TYPE = new SerializedString("type");
    static final SerializedString SEQ = new SerializedString("seq");
    static final SerializedString AT = new SerializedString("at");
    static final SerializedString TENANT = new SerializedString("tenant");
    static final SerializedString LEAD = new SerializedString("lead");
    static final SerializedString REP = new SerializedString("rep");
    static final SerializedString EPISODE = new SerializedString("episode");
    static final SerializedString CONFIG_VERSION = new SerializedString("configVersion");
    static final SerializedString LEVEL = new SerializedString("level");
    static final SerializedString CLAIMED_BY = new SerializedString("claimedBy");
    static final SerializedString REASON = new SerializedString("reason");
    static final SerializedString[] VISIBILITY_NAMES = JsonText.names("owned", "all", "role");
    static final SerializedString[] LEVEL_NAMES = JsonText.names("primary", "backup", "queue");
    static final SerializedString[] CLAIM_REJECTION_NAMES = JsonText.names("already_claimed", "not_alerted");

    private static final SerializedString ALERT = new SerializedString("alert");
    private static final SerializedString WITHDRAWN = new SerializedString("withdrawn");
    private static final SerializedString ASSIGNED = new SerializedString("assigned");
    private static final SerializedString CLAIM_REJECTED = new SerializedString("claim_rejected");
    private static final SerializedString ESCALATION = new SerializedString("escalation");
    private static final SerializedString TASK = new SerializedString("task");
    private static final SerializedString CLAIM_DEADLINE = new SerializedString("claimDeadline");
    private static final SerializedString SCORE = new SerializedString("score");
    private static final SerializedString FIRMOGRAPHIC_SCORE = new SerializedString("firmographicScore");
    private static final SerializedString BEHAVIOURAL_SCORE = new SerializedString("behaviouralScore");
    private static final SerializedString EXTERNAL_SCORE = new SerializedString("externalScore");
    private static final SerializedString VISIBILITY = new SerializedString("visibility");
    private static final SerializedString REASONS = new SerializedString("reasons");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString EMAIL = new SerializedString("email");
    private static final SerializedString PHONE = new SerializedString("phone");
    private static final SerializedString COMPANY = new SerializedString("company");
    private static final SerializedString EMPLOYEES = new SerializedString("employees");
    private static final SerializedString INDUSTRY = new SerializedString("industry");
    private static final SerializedString REGION = new SerializedString("region");
    private static final SerializedString PRODUCT = new SerializedString("product");
    private static final SerializedString TEAM = new SerializedString("team");
    private static final SerializedString ACTIVITY = new SerializedString("activity");
    private static final SerializedString DETAIL = new SerializedString("detail");
    private static final SerializedString OWNER = new SerializedString("owner");
    private static final SerializedString DEADLINE = new SerializedString("deadline");
    private static final SerializedString FROM_REP = new SerializedString("fromRep");
    private static final SerializedString TO = new SerializedString("to");
    private static final SerializedString DUE = new SerializedString("due");
    private static final SerializedString STEP = new SerializedString("step");
    private static final SerializedString CHANNEL = new SerializedString("channel");
    private static final SerializedString DESCRIPTION = new SerializedString("description");
    private static final SerializedString[] ASSIGNMENT_REASON_NAMES = JsonText.names(
        "existing_owner", "territory", "round_robin", "claim", "escalation");
    private static final SerializedString[] ESCALATION_LEVEL_NAMES = JsonText.names("backup_rep", "manager_queue");
    private static final SerializedString[] CHANNEL_NAMES = JsonText.names("call", "voicemail", "email", "sms");
    private static final SerializedString[] ACTIVITY_NAMES = JsonText.names(
        "form", "visit", "trial", "score", "call", "email", "sms", "qualification", "opportunity", "conversion");

    private final ExpandableArrayBuffer buffer = new ExpandableArrayBuffer(4096);
    private final ExpandableDirectBufferOutputStream stream = new ExpandableDirectBufferOutputStream(buffer);
    private final JsonGenerator generator;
    private final JsonText out;
    private final ReasonsRenderer reasons;
    private final DecisionRenderer decisions;
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[0]);
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final AlertDecoder alert = new AlertDecoder();
    private final AlertWithdrawnDecoder withdrawn = new AlertWithdrawnDecoder();
    private final AssignmentDecoder assignment = new AssignmentDecoder();
    private final ClaimRejectedDecoder claimRejected = new ClaimRejectedDecoder();
    private final EscalationDecoder escalation = new EscalationDecoder();
    private final TaskDueDecoder taskDue = new TaskDueDecoder();

    public OutputRenderer()
    {
        try
        {
            generator = FACTORY.createGenerator(stream);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        out = new JsonText(generator);
        reasons = new ReasonsRenderer(out);
        decisions = new DecisionRenderer(out, reasons);
    }

    /**
     * @return the buffer holding the last line at offset 0; its {@code byteArray()} is the backing array.
     */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * Render one output message (header first) as a JSON line. The message is read only within
     * {@code length}: a corrupt one fails with an exception rather than reading past it.
     *
     * @return the line's length, or {@link #NOT_AN_OUTPUT} for any other template.
     */
    public int render(final DirectBuffer src, final int offset, final int length)
    {
        message.wrap(src, offset, length);
        header.wrap(message, 0);
        final int templateId = header.templateId();
        out.clear();
        try
        {
            switch (templateId)
            {
                case AlertDecoder.TEMPLATE_ID:
                    beginLine(ALERT);
                    alert(alert.wrapAndApplyHeader(message, 0, header));
                    break;

                case AlertWithdrawnDecoder.TEMPLATE_ID:
                    beginLine(WITHDRAWN);
                    withdrawn(withdrawn.wrapAndApplyHeader(message, 0, header));
                    break;

                case AssignmentDecoder.TEMPLATE_ID:
                    beginLine(ASSIGNED);
                    assignment(assignment.wrapAndApplyHeader(message, 0, header));
                    break;

                case ClaimRejectedDecoder.TEMPLATE_ID:
                    beginLine(CLAIM_REJECTED);
                    claimRejected(claimRejected.wrapAndApplyHeader(message, 0, header));
                    break;

                case EscalationDecoder.TEMPLATE_ID:
                    beginLine(ESCALATION);
                    escalation(escalation.wrapAndApplyHeader(message, 0, header));
                    break;

                case TaskDueDecoder.TEMPLATE_ID:
                    beginLine(TASK);
                    taskDue(taskDue.wrapAndApplyHeader(message, 0, header));
                    break;

                default:
                    if (!DecisionRenderer.isDecision(templateId))
                    {
                        return NOT_AN_OUTPUT;
                    }
                    beginLine(DecisionRenderer.TYPE);
                    decisions.render(message, header);
                    break;
            }
            return endLine();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Start another line of the protocol, such as an ack or an error, in the same buffer:
     * {@code {"type":<type>}; write its fields with {@link #generator()} and finish with
     * {@link #endLine()}.
     */
    public JsonGenerator beginLine(final SerializedString type) throws IOException
    {
        stream.wrap(buffer);
        generator.writeStartObject();
        generator.writeFieldName(TYPE);
        generator.writeString(type);
        return generator;
    }

    /**
     * @return the length of the line begun with {@link #beginLine}, now in {@link #buffer()}.
     */
    public int endLine() throws IOException
    {
        generator.writeEndObject();
        generator.writeRaw('\n');
        generator.flush();
        return stream.position();
    }

    public JsonGenerator generator()
    {
        return generator;
    }

    /**
     * Write a time field the protocol's way: ISO-8601 UTC with milliseconds, or null outside
     * four-digit years.
     */
    public void timeMs(final SerializedString name, final long epochMs) throws IOException
    {
        out.timeMs(name, epochMs);
    }

    private void alert(final AlertDecoder d) throws IOException
    {
        common(d.inputSeq(), d.timeNs());
        out.optionalTimeNs(CLAIM_DEADLINE, d.claimDeadlineNs());
        out.number(CONFIG_VERSION, d.configVersion());
        final int score = d.score();
        final int firmographic = d.firmographicScore();
        final int behavioural = d.behaviouralScore();
        final int external = d.externalScore();
        out.number(SCORE, score);
        out.number(FIRMOGRAPHIC_SCORE, firmographic);
        out.number(BEHAVIOURAL_SCORE, behavioural);
        out.number(EXTERNAL_SCORE, external);
        out.choice(VISIBILITY, VISIBILITY_NAMES, d.visibilityRaw());
        out.choice(LEVEL, LEVEL_NAMES, d.levelRaw());
        out.number(EPISODE, d.episode());
        final int employees = d.employees();
        final int omitted = d.signalsOmitted();

        // Var data after the groups, kept first: the line names tenant, lead and rep before the reasons.
        final int groupsOffset = d.limit();
        SbeGroups.skipAlertGroups(d);
        final long tenant = out.kept(d.getTenant(out.scratch, out.at(), out.room()));
        final long lead = out.kept(d.getLead(out.scratch, out.at(), out.room()));
        final long rep = out.kept(d.getRep(out.scratch, out.at(), out.room()));
        final long name = out.kept(d.getName(out.scratch, out.at(), out.room()));
        final long email = out.kept(d.getEmail(out.scratch, out.at(), out.room()));
        final long phone = out.kept(d.getPhone(out.scratch, out.at(), out.room()));
        final long company = out.kept(d.getCompany(out.scratch, out.at(), out.room()));
        final long industry = out.kept(d.getIndustry(out.scratch, out.at(), out.room()));
        final long region = out.kept(d.getRegion(out.scratch, out.at(), out.room()));
        final long product = out.kept(d.getProduct(out.scratch, out.at(), out.room()));
        final long team = out.kept(d.getTeam(out.scratch, out.at(), out.room()));

        out.text(TENANT, tenant);
        out.text(LEAD, lead);
        out.text(REP, rep);
        generator.writeFieldName(REASONS);
        generator.writeStartObject();
        d.limit(reasons.write(message, groupsOffset, d.actingVersion(), score, firmographic, behavioural, external, omitted));
        generator.writeEndObject();
        out.text(NAME, name);
        out.text(EMAIL, email);
        out.text(PHONE, phone);
        out.text(COMPANY, company);
        out.numberOrNull(EMPLOYEES, employees, -1);
        out.text(INDUSTRY, industry);
        out.text(REGION, region);
        out.text(PRODUCT, product);
        out.text(TEAM, team);

        generator.writeFieldName(ACTIVITY);
        generator.writeStartArray();
        for (final AlertDecoder.ActivityDecoder entry : d.activity())
        {
            final short kind = entry.kindRaw();
            final long atNs = entry.atNs();
            final long detail = out.kept(entry.getDetail(out.scratch, out.at(), out.room()));
            generator.writeStartObject();
            out.choice(TYPE, ACTIVITY_NAMES, kind);
            out.text(DETAIL, detail);
            out.timeNs(AT, atNs);
            generator.writeEndObject();
        }
        generator.writeEndArray();
    }

    private void withdrawn(final AlertWithdrawnDecoder d) throws IOException
    {
        common(d.inputSeq(), d.timeNs());
        out.number(EPISODE, d.episode());
        out.text(TENANT, out.kept(d.getTenant(out.scratch, out.at(), out.room())));
        out.text(LEAD, out.kept(d.getLead(out.scratch, out.at(), out.room())));
        out.text(REP, out.kept(d.getRep(out.scratch, out.at(), out.room())));
        out.text(CLAIMED_BY, out.kept(d.getClaimedBy(out.scratch, out.at(), out.room())));
    }

    private void assignment(final AssignmentDecoder d) throws IOException
    {
        common(d.inputSeq(), d.timeNs());
        out.choice(REASON, ASSIGNMENT_REASON_NAMES, d.reasonRaw());
        out.number(EPISODE, d.episode());
        out.text(TENANT, out.kept(d.getTenant(out.scratch, out.at(), out.room())));
        out.text(LEAD, out.kept(d.getLead(out.scratch, out.at(), out.room())));
        out.text(REP, out.kept(d.getRep(out.scratch, out.at(), out.room())));
    }

    private void claimRejected(final ClaimRejectedDecoder d) throws IOException
    {
        common(d.inputSeq(), d.timeNs());
        out.number(EPISODE, d.episode());
        final short reason = d.reasonRaw();
        out.text(TENANT, out.kept(d.getTenant(out.scratch, out.at(), out.room())));
        out.text(LEAD, out.kept(d.getLead(out.scratch, out.at(), out.room())));
        out.text(REP, out.kept(d.getRep(out.scratch, out.at(), out.room())));
        out.text(OWNER, out.kept(d.getOwner(out.scratch, out.at(), out.room())));
        out.choice(REASON, CLAIM_REJECTION_NAMES, reason);
    }

    private void escalation(final EscalationDecoder d) throws IOException
    {
        common(d.inputSeq(), d.timeNs());
        out.optionalTimeNs(DEADLINE, d.deadlineNs());
        out.choice(LEVEL, ESCALATION_LEVEL_NAMES, d.levelRaw());
        out.number(EPISODE, d.episode());
        out.text(TENANT, out.kept(d.getTenant(out.scratch, out.at(), out.room())));
        out.text(LEAD, out.kept(d.getLead(out.scratch, out.at(), out.room())));
        out.text(FROM_REP, out.kept(d.getFromRep(out.scratch, out.at(), out.room())));
        out.text(TO, out.kept(d.getTo(out.scratch, out.at(), out.room())));
    }

    private void taskDue(final TaskDueDecoder d) throws IOException
    {
        common(d.inputSeq(), d.timeNs());
        out.timeNs(DUE, d.dueNs());
        out.number(STEP, d.step());
        out.choice(CHANNEL, CHANNEL_NAMES, d.channelRaw());
        out.text(TENANT, out.kept(d.getTenant(out.scratch, out.at(), out.room())));
        out.text(LEAD, out.kept(d.getLead(out.scratch, out.at(), out.room())));
        out.text(REP, out.kept(d.getRep(out.scratch, out.at(), out.room())));
        out.text(DESCRIPTION, out.kept(d.getDescription(out.scratch, out.at(), out.room())));
    }

    private void common(final long inputSeq, final long timeNs) throws IOException
    {
        out.number(SEQ, inputSeq);
        out.timeNs(AT, timeNs);
    }
}
