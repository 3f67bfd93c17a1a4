package io.firstcall.gateway.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.AlertWithdrawnDecoder;
import io.firstcall.codec.AssignmentDecoder;
import io.firstcall.codec.ClaimRejectedDecoder;
import io.firstcall.codec.DecisionRecordDecoder;
import io.firstcall.codec.EscalationDecoder;
import io.firstcall.codec.TaskDueDecoder;

import java.io.IOException;

/**
 * The fields of each output message as JSON: times as ISO-8601 UTC with milliseconds, enums in
 * lower case, text copied as UTF-8. Var data is read in schema order, as SBE requires.
 */
final class OutputFields
{
    static final SerializedString TYPE = new SerializedString("type");
    static final SerializedString ALERT = new SerializedString("alert");
    static final SerializedString WITHDRAWN = new SerializedString("withdrawn");
    static final SerializedString ASSIGNED = new SerializedString("assigned");
    static final SerializedString CLAIM_REJECTED = new SerializedString("claim_rejected");
    static final SerializedString ESCALATION = new SerializedString("escalation");
    static final SerializedString TASK = new SerializedString("task");
    static final SerializedString DECISION = new SerializedString("decision");
    static final SerializedString ACK = new SerializedString("ack");
    static final SerializedString ERROR = new SerializedString("error");
    static final SerializedString WELCOME = new SerializedString("welcome");

    static final SerializedString ID = new SerializedString("id");
    static final SerializedString SEQ = new SerializedString("seq");
    static final SerializedString AT = new SerializedString("at");
    static final SerializedString DUPLICATE = new SerializedString("duplicate");
    static final SerializedString MESSAGE = new SerializedString("message");

    private static final SerializedString TENANT = new SerializedString("tenant");
    private static final SerializedString LEAD = new SerializedString("lead");
    private static final SerializedString REP = new SerializedString("rep");
    private static final SerializedString EPISODE = new SerializedString("episode");
    private static final SerializedString CONFIG_VERSION = new SerializedString("configVersion");
    private static final SerializedString CLAIM_DEADLINE = new SerializedString("claimDeadline");
    private static final SerializedString SCORE = new SerializedString("score");
    private static final SerializedString FIRMOGRAPHIC_SCORE = new SerializedString("firmographicScore");
    private static final SerializedString BEHAVIOURAL_SCORE = new SerializedString("behaviouralScore");
    private static final SerializedString VISIBILITY = new SerializedString("visibility");
    private static final SerializedString REASONS = new SerializedString("reasons");
    private static final SerializedString NAME = new SerializedString("name");
    private static final SerializedString EMAIL = new SerializedString("email");
    private static final SerializedString PHONE = new SerializedString("phone");
    private static final SerializedString COMPANY = new SerializedString("company");
    private static final SerializedString ACTIVITY = new SerializedString("activity");
    private static final SerializedString EMPLOYEES = new SerializedString("employees");
    private static final SerializedString INDUSTRY = new SerializedString("industry");
    private static final SerializedString REGION = new SerializedString("region");
    private static final SerializedString PRODUCT = new SerializedString("product");
    private static final SerializedString TEAM = new SerializedString("team");
    private static final SerializedString CLAIMED_BY = new SerializedString("claimedBy");
    private static final SerializedString REASON = new SerializedString("reason");
    private static final SerializedString OWNER = new SerializedString("owner");
    private static final SerializedString DEADLINE = new SerializedString("deadline");
    private static final SerializedString LEVEL = new SerializedString("level");
    private static final SerializedString FROM_REP = new SerializedString("fromRep");
    private static final SerializedString TO = new SerializedString("to");
    private static final SerializedString DUE = new SerializedString("due");
    private static final SerializedString STEP = new SerializedString("step");
    private static final SerializedString CHANNEL = new SerializedString("channel");
    private static final SerializedString DESCRIPTION = new SerializedString("description");
    private static final SerializedString KIND = new SerializedString("kind");
    private static final SerializedString DETAIL = new SerializedString("detail");

    /** Lower-case enum names indexed by the SBE raw value. */
    private static final SerializedString[] VISIBILITY_NAMES = names("owned", "all", "role");
    private static final SerializedString[] ASSIGNMENT_REASON_NAMES = names(
        "existing_owner", "territory", "round_robin", "claim", "escalation");
    private static final SerializedString[] LEVEL_NAMES = names("backup_rep", "manager_queue");
    private static final SerializedString[] CHANNEL_NAMES = names("call", "voicemail", "email", "sms");
    private static final SerializedString[] KIND_NAMES = names("lead_created", "hot", "not_hot", "routed",
        "claimed", "claim_rejected", "escalated", "config_applied", "config_rejected", "ignored", "score_decayed",
        "input_invalid");

    private final JsonGenerator g;
    /** Var data bound: the uint16 document of DecisionRecord. */
    private final byte[] text = new byte[65_535];
    private final char[] time = new char[JsonNumbers.ISO_LENGTH];

    OutputFields(final JsonGenerator generator)
    {
        this.g = generator;
    }

    void alert(final AlertDecoder d) throws IOException
    {
        common(d.inputSeq(), d.timeNs());
        optionalTimeNs(CLAIM_DEADLINE, d.claimDeadlineNs());
        number(CONFIG_VERSION, d.configVersion());
        number(SCORE, d.score());
        number(FIRMOGRAPHIC_SCORE, d.firmographicScore());
        number(BEHAVIOURAL_SCORE, d.behaviouralScore());
        choice(VISIBILITY, VISIBILITY_NAMES, d.visibilityRaw());
        number(EPISODE, d.episode());
        final int employees = d.employees();
        text(TENANT, d.getTenant(text, 0, text.length));
        text(LEAD, d.getLead(text, 0, text.length));
        text(REP, d.getRep(text, 0, text.length));
        text(REASONS, d.getReasons(text, 0, text.length));
        text(NAME, d.getName(text, 0, text.length));
        text(EMAIL, d.getEmail(text, 0, text.length));
        text(PHONE, d.getPhone(text, 0, text.length));
        text(COMPANY, d.getCompany(text, 0, text.length));
        g.writeFieldName(EMPLOYEES);
        if (employees < 0)
        {
            g.writeNull();
        }
        else
        {
            g.writeNumber(employees);
        }
        text(INDUSTRY, d.getIndustry(text, 0, text.length));
        text(REGION, d.getRegion(text, 0, text.length));
        text(PRODUCT, d.getProduct(text, 0, text.length));
        text(TEAM, d.getTeam(text, 0, text.length));
        text(ACTIVITY, d.getActivity(text, 0, text.length));
    }

    void withdrawn(final AlertWithdrawnDecoder d) throws IOException
    {
        common(d.inputSeq(), d.timeNs());
        number(EPISODE, d.episode());
        text(TENANT, d.getTenant(text, 0, text.length));
        text(LEAD, d.getLead(text, 0, text.length));
        text(REP, d.getRep(text, 0, text.length));
        text(CLAIMED_BY, d.getClaimedBy(text, 0, text.length));
    }

    void assignment(final AssignmentDecoder d) throws IOException
    {
        common(d.inputSeq(), d.timeNs());
        choice(REASON, ASSIGNMENT_REASON_NAMES, d.reasonRaw());
        number(EPISODE, d.episode());
        text(TENANT, d.getTenant(text, 0, text.length));
        text(LEAD, d.getLead(text, 0, text.length));
        text(REP, d.getRep(text, 0, text.length));
    }

    void claimRejected(final ClaimRejectedDecoder d) throws IOException
    {
        common(d.inputSeq(), d.timeNs());
        number(EPISODE, d.episode());
        text(TENANT, d.getTenant(text, 0, text.length));
        text(LEAD, d.getLead(text, 0, text.length));
        text(REP, d.getRep(text, 0, text.length));
        text(OWNER, d.getOwner(text, 0, text.length));
        text(REASON, d.getReason(text, 0, text.length));
    }

    void escalation(final EscalationDecoder d) throws IOException
    {
        common(d.inputSeq(), d.timeNs());
        optionalTimeNs(DEADLINE, d.deadlineNs());
        choice(LEVEL, LEVEL_NAMES, d.levelRaw());
        number(EPISODE, d.episode());
        text(TENANT, d.getTenant(text, 0, text.length));
        text(LEAD, d.getLead(text, 0, text.length));
        text(FROM_REP, d.getFromRep(text, 0, text.length));
        text(TO, d.getTo(text, 0, text.length));
    }

    void taskDue(final TaskDueDecoder d) throws IOException
    {
        common(d.inputSeq(), d.timeNs());
        timeNs(DUE, d.dueNs());
        number(STEP, d.step());
        choice(CHANNEL, CHANNEL_NAMES, d.channelRaw());
        text(TENANT, d.getTenant(text, 0, text.length));
        text(LEAD, d.getLead(text, 0, text.length));
        text(REP, d.getRep(text, 0, text.length));
        text(DESCRIPTION, d.getDescription(text, 0, text.length));
    }

    void decision(final DecisionRecordDecoder d) throws IOException
    {
        common(d.inputSeq(), d.timeNs());
        number(CONFIG_VERSION, d.configVersion());
        choice(KIND, KIND_NAMES, d.kindRaw());
        text(TENANT, d.getTenant(text, 0, text.length));
        text(LEAD, d.getLead(text, 0, text.length));
        text(DETAIL, d.getDetail(text, 0, text.length));
    }

    /**
     * An ISO-8601 time, or null outside four-digit years (an unset or corrupt time).
     */
    void timeMs(final SerializedString name, final long epochMs) throws IOException
    {
        g.writeFieldName(name);
        if (JsonNumbers.formatIso(epochMs, time))
        {
            g.writeString(time, 0, JsonNumbers.ISO_LENGTH);
        }
        else
        {
            g.writeNull();
        }
    }

    private void common(final long inputSeq, final long timeNs) throws IOException
    {
        number(SEQ, inputSeq);
        timeNs(AT, timeNs);
    }

    private void timeNs(final SerializedString name, final long epochNs) throws IOException
    {
        timeMs(name, Math.floorDiv(epochNs, 1_000_000L));
    }

    /**
     * A deadline; 0 (the manager queue, which has none) is written as null.
     */
    private void optionalTimeNs(final SerializedString name, final long epochNs) throws IOException
    {
        if (0 == epochNs)
        {
            g.writeFieldName(name);
            g.writeNull();
        }
        else
        {
            timeNs(name, epochNs);
        }
    }

    private void number(final SerializedString name, final long value) throws IOException
    {
        g.writeFieldName(name);
        g.writeNumber(value);
    }

    private void choice(final SerializedString name, final SerializedString[] names, final short raw)
        throws IOException
    {
        g.writeFieldName(name);
        if (raw >= 0 && raw < names.length)
        {
            g.writeString(names[raw]);
        }
        else
        {
            g.writeNull();
        }
    }

    private void text(final SerializedString name, final int length) throws IOException
    {
        g.writeFieldName(name);
        g.writeUTF8String(text, 0, length);
    }

    private static SerializedString[] names(final String... names)
    {
        final SerializedString[] result = new SerializedString[names.length];
        for (int i = 0; i < names.length; i++)
        {
            result[i] = new SerializedString(names[i]);
        }

        return result;
    }
}
