package io.firstcall.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.firstcall.codec.AssignmentRule;
import io.firstcall.codec.BooleanType;
import io.firstcall.codec.ClaimDecisionDecoder;
import io.firstcall.codec.ConfigDecisionDecoder;
import io.firstcall.codec.HotDecisionDecoder;
import io.firstcall.codec.InputRejectedDecoder;
import io.firstcall.codec.LeadCreatedDecoder;
import io.firstcall.codec.LeadEvictedDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.RoutingDecisionDecoder;
import io.firstcall.codec.ScoreDecayedDecoder;
import org.agrona.DirectBuffer;

import java.io.IOException;

/**
 * Writes the decision records (templates 110..117) as
 * {@code {"type":"decision","kind":K,"seq":..,"at":..,"configVersion":..,"tenant":..,"lead":..,"detail":{..}}},
 * each kind's detail with its own keys in a fixed order (docs/protocol.md lists them).
 */
final class DecisionRenderer
{
    static final SerializedString TYPE = new SerializedString("decision");

    private static final long NONE = Long.MIN_VALUE;
    private static final int FIRST_TEMPLATE = LeadCreatedDecoder.TEMPLATE_ID;
    private static final int LAST_TEMPLATE = LeadEvictedDecoder.TEMPLATE_ID;

    private static final SerializedString KIND = new SerializedString("kind");
    private static final SerializedString DETAIL = new SerializedString("detail");
    private static final SerializedString LEAD_CREATED = new SerializedString("lead_created");
    private static final SerializedString HOT = new SerializedString("hot");
    private static final SerializedString NOT_HOT = new SerializedString("not_hot");
    private static final SerializedString ROUTED = new SerializedString("routed");
    private static final SerializedString ESCALATED = new SerializedString("escalated");
    private static final SerializedString CLAIMED = new SerializedString("claimed");
    private static final SerializedString CLAIM_REJECTED = new SerializedString("claim_rejected");
    private static final SerializedString CONFIG_APPLIED = new SerializedString("config_applied");
    private static final SerializedString CONFIG_REJECTED = new SerializedString("config_rejected");
    private static final SerializedString SCORE_DECAYED = new SerializedString("score_decayed");
    private static final SerializedString INPUT_REJECTED = new SerializedString("input_rejected");
    private static final SerializedString LEAD_EVICTED = new SerializedString("lead_evicted");

    private static final SerializedString SUPPRESSED = new SerializedString("suppressed");
    private static final SerializedString COOLDOWN = new SerializedString("cooldown");
    private static final SerializedString TEAM = new SerializedString("team");
    private static final SerializedString VISIBILITY = new SerializedString("visibility");
    private static final SerializedString LAPSED = new SerializedString("lapsed");
    private static final SerializedString POOL = new SerializedString("pool");
    private static final SerializedString EXCLUDED = new SerializedString("excluded");
    private static final SerializedString ASSIGNMENT = new SerializedString("assignment");
    private static final SerializedString LEDGER = new SerializedString("ledger");
    private static final SerializedString WEIGHT = new SerializedString("weight");
    private static final SerializedString CREDIT = new SerializedString("credit");
    private static final SerializedString POOL_WEIGHT = new SerializedString("poolWeight");
    private static final SerializedString ALERTED = new SerializedString("alerted");
    private static final SerializedString DEADLINE_NS = new SerializedString("deadlineNs");
    private static final SerializedString MANAGER_QUEUE = new SerializedString("managerQueue");
    private static final SerializedString VERSION = new SerializedString("version");
    private static final SerializedString ERROR = new SerializedString("error");
    private static final SerializedString SCORE = new SerializedString("score");
    private static final SerializedString THRESHOLD = new SerializedString("threshold");
    private static final SerializedString FIRMOGRAPHIC = new SerializedString("firmographic");
    private static final SerializedString BEHAVIOURAL = new SerializedString("behavioural");
    private static final SerializedString EXTERNAL = new SerializedString("external");
    private static final SerializedString TEMPLATE_ID = new SerializedString("templateId");
    private static final SerializedString LENGTH = new SerializedString("length");
    private static final SerializedString CODE = new SerializedString("code");
    private static final SerializedString FIELD = new SerializedString("field");
    private static final SerializedString LAST_ACTIVITY = new SerializedString("lastActivity");
    private static final SerializedString[] EXCLUSION_NAMES = JsonText.names(
        "offline", "busy", "outside_hours", "at_capacity", "lapsed", "role_mismatch");
    private static final SerializedString[] ASSIGNMENT_NAMES = JsonText.names(
        null, "existing_owner", "territory", "round_robin", "owner_as_given");
    private static final SerializedString[] INPUT_ERROR_NAMES = JsonText.names(
        "malformed", "unsupported_version", "block_too_short", "truncated", "trailing_bytes", "invalid_value",
        "invalid_utf8", "too_short", "too_long");
    private static final int NO_TEMPLATE = 0xFFFF;

    private final JsonText out;
    private final JsonGenerator g;
    private final ReasonsRenderer reasons;
    private final LeadCreatedDecoder leadCreated = new LeadCreatedDecoder();
    private final HotDecisionDecoder hot = new HotDecisionDecoder();
    private final RoutingDecisionDecoder routing = new RoutingDecisionDecoder();
    private final ClaimDecisionDecoder claim = new ClaimDecisionDecoder();
    private final ConfigDecisionDecoder config = new ConfigDecisionDecoder();
    private final ScoreDecayedDecoder decayed = new ScoreDecayedDecoder();
    private final InputRejectedDecoder rejected = new InputRejectedDecoder();
    private final LeadEvictedDecoder evicted = new LeadEvictedDecoder();

    DecisionRenderer(final JsonText out, final ReasonsRenderer reasons)
    {
        this.out = out;
        this.g = out.g;
        this.reasons = reasons;
    }

    static boolean isDecision(final int templateId)
    {
        return templateId >= FIRST_TEMPLATE && templateId <= LAST_TEMPLATE;
    }

    void render(final DirectBuffer message, final MessageHeaderDecoder header) throws IOException
    {
        switch (header.templateId())
        {
            case LeadCreatedDecoder.TEMPLATE_ID:
                leadCreated(leadCreated.wrapAndApplyHeader(message, 0, header));
                break;

            case HotDecisionDecoder.TEMPLATE_ID:
                hot(hot.wrapAndApplyHeader(message, 0, header), message);
                break;

            case RoutingDecisionDecoder.TEMPLATE_ID:
                routing(routing.wrapAndApplyHeader(message, 0, header));
                break;

            case ClaimDecisionDecoder.TEMPLATE_ID:
                claim(claim.wrapAndApplyHeader(message, 0, header));
                break;

            case ConfigDecisionDecoder.TEMPLATE_ID:
                config(config.wrapAndApplyHeader(message, 0, header));
                break;

            case ScoreDecayedDecoder.TEMPLATE_ID:
                decayed(decayed.wrapAndApplyHeader(message, 0, header));
                break;

            case InputRejectedDecoder.TEMPLATE_ID:
                rejected(rejected.wrapAndApplyHeader(message, 0, header));
                break;

            case LeadEvictedDecoder.TEMPLATE_ID:
                evicted(evicted.wrapAndApplyHeader(message, 0, header));
                break;

            default:
                g.writeFieldName(KIND);
                g.writeNull();
                break;
        }
    }

    private void leadCreated(final LeadCreatedDecoder d) throws IOException
    {
        envelope(LEAD_CREATED, d.inputSeq(), d.timeNs(), d.configVersion(),
            out.kept(d.getTenant(out.scratch, out.at(), out.room())), out.kept(d.getLead(out.scratch, out.at(), out.room())));
        g.writeStartObject();
        g.writeEndObject();
    }

    /**
     * hot: {criteria, score, firmographic, behavioural, external, episode};
     * not_hot: the same with {@code "suppressed":"cooldown"} before the episode.
     */
    private void hot(final HotDecisionDecoder d, final DirectBuffer message) throws IOException
    {
        final boolean suppressed = BooleanType.TRUE.value() == d.suppressedRaw();
        final int score = d.score();
        final int firmographic = d.firmographicScore();
        final int behavioural = d.behaviouralScore();
        final int external = d.externalScore();
        final int episode = d.episode();
        final int omitted = d.signalsOmitted();
        final int groupsOffset = d.limit();
        for (final HotDecisionDecoder.CriteriaDecoder entry : d.criteria())
        {
            entry.skipName();
        }
        for (final HotDecisionDecoder.FirmographicDecoder entry : d.firmographic())
        {
            entry.sbeSkip();
        }
        for (final HotDecisionDecoder.SignalsDecoder entry : d.signals())
        {
            entry.skipName();
        }
        envelope(suppressed ? NOT_HOT : HOT, d.inputSeq(), d.timeNs(), d.configVersion(),
            out.kept(d.getTenant(out.scratch, out.at(), out.room())), out.kept(d.getLead(out.scratch, out.at(), out.room())));
        g.writeStartObject();
        reasons.write(message, groupsOffset, d.actingVersion(), score, firmographic, behavioural, external, omitted);
        if (suppressed)
        {
            g.writeFieldName(SUPPRESSED);
            g.writeString(COOLDOWN);
        }
        out.number(OutputRenderer.EPISODE, episode);
        g.writeEndObject();
    }

    /**
     * routed, escalated: {level, team, visibility, lapsed, pool, excluded, assignment, ledger,
     * poolWeight, alerted, deadlineNs, managerQueue, episode}; null for a team, visibility,
     * assignment, pool weight, deadline or queue the step does not have.
     */
    private void routing(final RoutingDecisionDecoder d) throws IOException
    {
        final boolean escalated = BooleanType.TRUE.value() == d.escalatedRaw();
        final short level = d.levelRaw();
        final short visibility = d.visibilityRaw();
        final short assignment = d.assignmentRaw();
        final long deadlineNs = d.deadlineNs();
        final long poolWeight = d.poolWeight();
        final int episode = d.episode();

        final int pool = d.limit();
        skipReps(d.pool());
        final int excluded = d.limit();
        for (final RoutingDecisionDecoder.ExcludedDecoder entry : d.excluded())
        {
            entry.skipRep();
        }
        final int lapsed = d.limit();
        for (final RoutingDecisionDecoder.LapsedDecoder entry : d.lapsed())
        {
            entry.skipRep();
        }
        final int ledger = d.limit();
        int ledgerCount = 0;
        for (final RoutingDecisionDecoder.LedgerDecoder entry : d.ledger())
        {
            entry.skipRep();
            ledgerCount++;
        }
        final int alerted = d.limit();
        for (final RoutingDecisionDecoder.AlertedDecoder entry : d.alerted())
        {
            entry.skipRep();
        }
        final long tenant = out.kept(d.getTenant(out.scratch, out.at(), out.room()));
        final long lead = out.kept(d.getLead(out.scratch, out.at(), out.room()));
        final long team = out.kept(d.getTeam(out.scratch, out.at(), out.room()));
        final long managerQueue = out.kept(d.getManagerQueue(out.scratch, out.at(), out.room()));
        final boolean hasTeam = 0 != (int)team;

        envelope(escalated ? ESCALATED : ROUTED, d.inputSeq(), d.timeNs(), d.configVersion(), tenant, lead);
        g.writeStartObject();
        out.choice(OutputRenderer.LEVEL, OutputRenderer.LEVEL_NAMES, level);
        out.textOrNull(TEAM, team);
        out.choice(VISIBILITY, OutputRenderer.VISIBILITY_NAMES, hasTeam ? visibility : -1);

        g.writeFieldName(LAPSED);
        d.limit(lapsed);
        g.writeStartArray();
        for (final RoutingDecisionDecoder.LapsedDecoder entry : d.lapsed())
        {
            rep(entry.getRep(out.scratch, out.at(), out.room()));
        }
        g.writeEndArray();

        g.writeFieldName(POOL);
        d.limit(pool);
        g.writeStartArray();
        for (final RoutingDecisionDecoder.PoolDecoder entry : d.pool())
        {
            rep(entry.getRep(out.scratch, out.at(), out.room()));
        }
        g.writeEndArray();

        g.writeFieldName(EXCLUDED);
        d.limit(excluded);
        g.writeStartArray();
        for (final RoutingDecisionDecoder.ExcludedDecoder entry : d.excluded())
        {
            final short reason = entry.reasonRaw();
            g.writeStartObject();
            g.writeFieldName(OutputRenderer.REP);
            rep(entry.getRep(out.scratch, out.at(), out.room()));
            out.choice(OutputRenderer.REASON, EXCLUSION_NAMES, reason);
            g.writeEndObject();
        }
        g.writeEndArray();

        out.choice(ASSIGNMENT, ASSIGNMENT_NAMES, assignment == AssignmentRule.NONE.value() ? -1 : assignment);
        g.writeFieldName(LEDGER);
        d.limit(ledger);
        g.writeStartArray();
        for (final RoutingDecisionDecoder.LedgerDecoder entry : d.ledger())
        {
            final int weight = entry.weight();
            final long credit = entry.credit();
            g.writeStartObject();
            g.writeFieldName(OutputRenderer.REP);
            rep(entry.getRep(out.scratch, out.at(), out.room()));
            out.number(WEIGHT, weight);
            out.number(CREDIT, credit);
            g.writeEndObject();
        }
        g.writeEndArray();
        out.numberOrNull(POOL_WEIGHT, 0 == ledgerCount ? NONE : poolWeight, NONE);

        g.writeFieldName(ALERTED);
        d.limit(alerted);
        g.writeStartArray();
        for (final RoutingDecisionDecoder.AlertedDecoder entry : d.alerted())
        {
            rep(entry.getRep(out.scratch, out.at(), out.room()));
        }
        g.writeEndArray();
        out.numberOrNull(DEADLINE_NS, deadlineNs, 0);
        out.textOrNull(MANAGER_QUEUE, managerQueue);
        out.number(OutputRenderer.EPISODE, episode);
        g.writeEndObject();
    }

    /**
     * claimed: {claimedBy, alerted, level, episode}; claim_rejected: {rep, reason, claimedBy, episode}.
     */
    private void claim(final ClaimDecisionDecoder d) throws IOException
    {
        final boolean claimed = BooleanType.TRUE.value() == d.claimedRaw();
        final boolean alerted = BooleanType.TRUE.value() == d.alertedRaw();
        final short level = d.levelRaw();
        final int episode = d.episode();
        final short rejection = d.rejectionRaw();
        final long tenant = out.kept(d.getTenant(out.scratch, out.at(), out.room()));
        final long lead = out.kept(d.getLead(out.scratch, out.at(), out.room()));
        final long rep = out.kept(d.getRep(out.scratch, out.at(), out.room()));
        final long claimedBy = out.kept(d.getClaimedBy(out.scratch, out.at(), out.room()));

        envelope(claimed ? CLAIMED : CLAIM_REJECTED, d.inputSeq(), d.timeNs(), d.configVersion(), tenant, lead);
        g.writeStartObject();
        if (claimed)
        {
            out.text(OutputRenderer.CLAIMED_BY, claimedBy);
            out.bool(ALERTED, alerted);
            out.choice(OutputRenderer.LEVEL, OutputRenderer.LEVEL_NAMES, level);
        }
        else
        {
            out.text(OutputRenderer.REP, rep);
            out.choice(OutputRenderer.REASON, OutputRenderer.CLAIM_REJECTION_NAMES, rejection);
            out.text(OutputRenderer.CLAIMED_BY, claimedBy);
        }
        out.number(OutputRenderer.EPISODE, episode);
        g.writeEndObject();
    }

    /**
     * config_applied: {version}; config_rejected: {error}.
     */
    private void config(final ConfigDecisionDecoder d) throws IOException
    {
        final boolean applied = BooleanType.TRUE.value() == d.appliedRaw();
        final long version = d.configVersion();
        final long tenant = out.kept(d.getTenant(out.scratch, out.at(), out.room()));
        final long error = out.kept(d.getError(out.scratch, out.at(), out.room()));
        envelope(applied ? CONFIG_APPLIED : CONFIG_REJECTED, d.inputSeq(), d.timeNs(), version, tenant, NONE);
        g.writeStartObject();
        if (applied)
        {
            out.number(VERSION, version);
        }
        else
        {
            out.text(ERROR, error);
        }
        g.writeEndObject();
    }

    private void decayed(final ScoreDecayedDecoder d) throws IOException
    {
        final int score = d.score();
        final int threshold = d.threshold();
        final int firmographic = d.firmographicScore();
        final int behavioural = d.behaviouralScore();
        final int external = d.externalScore();
        final int episode = d.episode();
        envelope(SCORE_DECAYED, d.inputSeq(), d.timeNs(), d.configVersion(),
            out.kept(d.getTenant(out.scratch, out.at(), out.room())), out.kept(d.getLead(out.scratch, out.at(), out.room())));
        g.writeStartObject();
        out.number(SCORE, score);
        out.number(THRESHOLD, threshold);
        out.number(FIRMOGRAPHIC, firmographic);
        out.number(BEHAVIOURAL, behavioural);
        out.number(EXTERNAL, external);
        out.number(OutputRenderer.EPISODE, episode);
        g.writeEndObject();
    }

    /**
     * input_rejected: {templateId, code, field}; the configuration version and the lead are null.
     */
    private void rejected(final InputRejectedDecoder d) throws IOException
    {
        final int templateId = d.templateId();
        final short code = d.codeRaw();
        final int length = d.length();
        final long tenant = out.kept(d.getTenant(out.scratch, out.at(), out.room()));
        final long field = out.kept(d.getField(out.scratch, out.at(), out.room()));
        envelope(INPUT_REJECTED, d.inputSeq(), d.timeNs(), NONE, tenant, NONE);
        g.writeStartObject();
        out.numberOrNull(TEMPLATE_ID, templateId, NO_TEMPLATE);
        out.choice(CODE, INPUT_ERROR_NAMES, code);
        out.textOrNull(FIELD, field);
        out.number(LENGTH, length);
        g.writeEndObject();
    }

    private void evicted(final LeadEvictedDecoder d) throws IOException
    {
        final long lastActivityNs = d.lastActivityNs();
        envelope(LEAD_EVICTED, d.inputSeq(), d.timeNs(), d.configVersion(),
            out.kept(d.getTenant(out.scratch, out.at(), out.room())), out.kept(d.getLead(out.scratch, out.at(), out.room())));
        g.writeStartObject();
        out.timeNs(LAST_ACTIVITY, lastActivityNs);
        g.writeEndObject();
    }

    /**
     * The fields every decision shares, up to the detail's name.
     *
     * @param configVersion {@link #NONE} for a decision under no configuration (written as null).
     * @param lead          the lead's handle, or {@link #NONE} for a decision about no lead (written as null).
     */
    private void envelope(
        final SerializedString kind, final long seq, final long timeNs, final long configVersion, final long tenant,
        final long lead) throws IOException
    {
        g.writeFieldName(KIND);
        g.writeString(kind);
        out.number(OutputRenderer.SEQ, seq);
        out.timeNs(OutputRenderer.AT, timeNs);
        out.numberOrNull(OutputRenderer.CONFIG_VERSION, configVersion, NONE);
        out.text(OutputRenderer.TENANT, tenant);
        if (NONE == lead)
        {
            g.writeFieldName(OutputRenderer.LEAD);
            g.writeNull();
        }
        else
        {
            out.text(OutputRenderer.LEAD, lead);
        }
        g.writeFieldName(DETAIL);
    }

    /**
     * A rep id just copied to the scratch array's free room.
     */
    private void rep(final int length) throws IOException
    {
        g.writeUTF8String(out.scratch, out.at(), length);
    }

    private static void skipReps(final RoutingDecisionDecoder.PoolDecoder pool)
    {
        for (final RoutingDecisionDecoder.PoolDecoder entry : pool)
        {
            entry.skipRep();
        }
    }
}
