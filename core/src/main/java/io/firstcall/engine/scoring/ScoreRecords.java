package io.firstcall.engine.scoring;

import io.firstcall.codec.BooleanType;
import io.firstcall.codec.FirmographicComponent;
import io.firstcall.codec.HotCriterion;
import io.firstcall.codec.HotDecisionEncoder;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.codec.ScoreDecayedEncoder;
import io.firstcall.codec.SignalKind;
import io.firstcall.engine.lead.LeadTable;
import io.firstcall.engine.output.OutputBatch;

/**
 * Writes the scoring decisions into the batch: {@code HotDecision} with its reasons (the criteria
 * that held and the score breakdown, firmographic by component and behavioural by signal, each
 * signal decayed to now) and {@code ScoreDecayed}. Nothing here allocates.
 * <p>
 * The reasons are three SBE groups that the {@code Alert} carries with the same layout, so the
 * alerts of an episode copy them from the decision as bytes: see {@link #reasonsOffset()}.
 */
final class ScoreRecords
{
    private static final FirmographicComponent[] COMPONENTS = {
        FirmographicComponent.INDUSTRY, FirmographicComponent.EMPLOYEES, FirmographicComponent.REGION,
        FirmographicComponent.PRODUCT, FirmographicComponent.SOURCE};
    private static final byte[] NO_NAME = new byte[0];

    private final OutputBatch outputs;
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final HotDecisionEncoder hot = new HotDecisionEncoder();
    private final ScoreDecayedEncoder decayed = new ScoreDecayedEncoder();
    private int reasonsOffset;
    private int reasonsLength;

    ScoreRecords(final OutputBatch outputs)
    {
        this.outputs = outputs;
    }

    /**
     * @param behavioural the lead's behavioural points now, rounded.
     * @param total       the lead's score now.
     */
    void hotDecision(
        final TenantScoring scoring,
        final int lead,
        final ScoreTable score,
        final CriteriaMatch match,
        final long nowNs,
        final long behavioural,
        final long total,
        final boolean suppressed)
    {
        final HotCriteria criteria = scoring.criteria();
        final ScoringModel model = scoring.model();
        hot.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .configVersion(scoring.version())
            .score(clamp(total))
            .firmographicScore(score.firmographic(lead))
            .behaviouralScore(clamp(behavioural))
            .externalScore(score.external(lead))
            .episode(score.episode(lead))
            .suppressed(suppressed ? BooleanType.TRUE : BooleanType.FALSE)
            .signalsOmitted(score.signalsOmitted(lead));

        reasonsOffset = hot.limit();
        final HotDecisionEncoder.CriteriaEncoder met = hot.criteriaCount(Integer.bitCount(match.met()));
        if (match.isMet(HotCriteria.FORM))
        {
            criterion(met, HotCriterion.FORM, 0, criteria.forms().name(match.form()));
        }
        if (match.isMet(HotCriteria.TRIAL))
        {
            criterion(met, HotCriterion.TRIAL, 0, criteria.trial().name(match.trial()));
        }
        if (match.isMet(HotCriteria.RETURN_VISIT))
        {
            criterion(met, HotCriterion.RETURN_VISIT, 0, model.pages().categoryName(match.category()));
        }
        if (match.isMet(HotCriteria.SOURCE))
        {
            criterion(met, HotCriterion.SOURCE, 0, criteria.sources().name(match.source()));
        }
        if (match.isMet(HotCriteria.SCORE))
        {
            criterion(met, HotCriterion.SCORE, criteria.scoreThreshold(), NO_NAME);
        }

        int matched = 0;
        for (int c = 0; c < ScoringModel.COMPONENTS; c++)
        {
            matched += score.componentMatched(lead, c) ? 1 : 0;
        }
        final HotDecisionEncoder.FirmographicEncoder firmographic = hot.firmographicCount(matched);
        for (int c = 0; c < ScoringModel.COMPONENTS; c++)
        {
            if (score.componentMatched(lead, c))
            {
                firmographic.next().component(COMPONENTS[c]).points(score.componentPoints(lead, c));
            }
        }

        final int count = score.signalCount(lead);
        final HotDecisionEncoder.SignalsEncoder signals = hot.signalsCount(count);
        for (int i = 0; i < count; i++)
        {
            final double decayedPoints = score.signalPoints(lead, i) * model.decay(nowNs - score.signalTimeNs(lead, i));
            signals.next().points(clamp(ScoringModel.round(decayedPoints)));
            signal(signals, scoring, score, lead, i);
        }
        reasonsLength = hot.limit() - reasonsOffset;

        final LeadTable leads = scoring.leads();
        hot.putTenant(leads.tenantId(), 0, leads.tenantId().capacity());
        hot.putLead(leads.idBuffer(), leads.idOffset(lead), leads.idLength(lead));
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + hot.encodedLength());
    }

    /**
     * @return where the last {@code HotDecision}'s reasons (its criteria, firmographic and signals
     * groups) start in the batch's buffer.
     */
    int reasonsOffset()
    {
        return reasonsOffset;
    }

    int reasonsLength()
    {
        return reasonsLength;
    }

    void scoreDecayed(
        final TenantScoring scoring, final int lead, final ScoreTable score, final long behavioural, final long total)
    {
        final LeadTable leads = scoring.leads();
        decayed.wrapAndApplyHeader(outputs.buffer(), outputs.begin(), header)
            .inputSeq(outputs.causeSequence())
            .timeNs(outputs.causeTimeNs())
            .configVersion(scoring.version())
            .score(clamp(total))
            .threshold(scoring.criteria().scoreThreshold())
            .firmographicScore(score.firmographic(lead))
            .behaviouralScore(clamp(behavioural))
            .externalScore(score.external(lead))
            .episode(score.episode(lead))
            .putTenant(leads.tenantId(), 0, leads.tenantId().capacity())
            .putLead(leads.idBuffer(), leads.idOffset(lead), leads.idLength(lead));
        outputs.commit(MessageHeaderEncoder.ENCODED_LENGTH + decayed.encodedLength());
    }

    /**
     * A signal's kind and name, named by the model it was scored under.
     */
    private static void signal(
        final HotDecisionEncoder.SignalsEncoder signals, final TenantScoring scoring, final ScoreTable score, final int lead,
        final int i)
    {
        final ScoringModel signalModel = scoring.model(score.signalGeneration(lead, i));
        final int entry = score.signalEntry(lead, i);
        switch (score.signalKind(lead, i))
        {
            case ScoreTable.FORM_SIGNAL:
                name(signals.kind(SignalKind.FORM), signalModel.forms().name(entry));
                break;

            case ScoreTable.PAGE_SIGNAL:
                name(signals.kind(SignalKind.PAGE), signalModel.pages().categoryName(signalModel.pages().category(entry)));
                break;

            default:
                name(signals.kind(SignalKind.TRIAL), signalModel.trial().name(entry));
                break;
        }
    }

    private static void criterion(
        final HotDecisionEncoder.CriteriaEncoder met, final HotCriterion criterion, final int threshold, final byte[] name)
    {
        met.next().criterion(criterion).threshold(threshold).putName(name, 0, name.length);
    }

    private static void name(final HotDecisionEncoder.SignalsEncoder signals, final byte[] name)
    {
        signals.putName(name, 0, name.length);
    }

    static int clamp(final long value)
    {
        return (int)Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
