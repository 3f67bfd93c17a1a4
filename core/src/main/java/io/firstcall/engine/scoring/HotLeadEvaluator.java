package io.firstcall.engine.scoring;

import io.firstcall.engine.lead.LeadTable;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.engine.timer.TimerPayload;
import io.firstcall.engine.timer.TimerService;
import org.agrona.DirectBuffer;

/**
 * Scores every lead signal and decides whether it makes the lead hot. One event at a time:
 * {@link #begin} notes the score before the event, the signal methods ({@link #profileChanged},
 * {@link #form}, {@link #visit}, {@link #trial}, {@link #external}) apply it, and {@link #decide}
 * evaluates the tenant's criteria. When they fire inside the cooldown the suppressed decision is
 * recorded at once; otherwise the caller opens the episode with {@link #openEpisode}, routes it with
 * the reasons of the {@code HotDecision} written there, and calls {@link #afterEpisode}. A lead hot
 * by score is watched with a timer set for the moment decay would take it under the threshold; the
 * tick that finds it there records {@code ScoreDecayed}.
 * <p>
 * Time is only ever the journaled {@code nowNs}; nothing here allocates.
 */
public final class HotLeadEvaluator
{
    /**
     * The criteria did not fire.
     */
    public static final int NOT_HOT = 0;

    /**
     * The criteria fired inside the cooldown: a suppressed decision was recorded, nothing else happens.
     */
    public static final int SUPPRESSED = 1;

    /**
     * The criteria fired: the caller opens an episode.
     */
    public static final int HOT = 2;

    private final TimerService timers;
    private final ScoreRecords records;
    private final CriteriaMatch match = new CriteriaMatch();

    private TenantScoring scoring;
    private LeadTable leads;
    private int lead;
    private ScoreTable score;
    private ScoringModel model;
    private HotCriteria criteria;
    private long nowNs;
    private double behaviouralNow;
    private long scoreBefore;
    private long total;
    private boolean sourceSet;

    public HotLeadEvaluator(final TimerService timers, final OutputBatch outputs)
    {
        this.timers = timers;
        this.records = new ScoreRecords(outputs);
    }

    /**
     * Start scoring an event for {@code lead}, before any of its fields change.
     */
    public void begin(final TenantScoring scoring, final int lead, final long nowNs)
    {
        subject(scoring, lead, nowNs);
        match.reset();
        sourceSet = false;
        behaviouralNow = score.behaviouralAt(lead, model, nowNs);
        scoreBefore = total(behaviouralNow);
    }

    /**
     * The event changed the lead's profile.
     *
     * @param firmographic a field that firmographic fit reads changed.
     * @param source       the lead's source changed.
     */
    public void profileChanged(final boolean firmographic, final boolean source)
    {
        if (firmographic)
        {
            score.invalidateFirmographic(lead);
            refreshFirmographic();
        }
        sourceSet |= source;
    }

    public void form(final DirectBuffer kind, final int offset, final int length)
    {
        final int entry = model.forms().find(kind, offset, length);
        if (NameList.MISSING != entry)
        {
            addSignal(ScoreTable.FORM_SIGNAL, entry, model.forms().points(entry));
        }
        final int hot = criteria.forms().find(kind, offset, length);
        if (NameList.MISSING != hot)
        {
            match.form(hot);
        }
    }

    /**
     * A known lead visited a page. Only the visits to the return-visit categories are remembered,
     * so a browsing session that keeps to them slides forward instead of counting as a return.
     */
    public void visit(final DirectBuffer page, final int offset, final int length)
    {
        final int entry = model.pages().match(page, offset, length);
        if (PageCategories.MISSING == entry)
        {
            return;
        }
        addSignal(ScoreTable.PAGE_SIGNAL, entry, model.pages().points(entry));
        final int category = model.pages().category(entry);
        if (criteria.isReturnCategory(category))
        {
            final long previousNs = score.lastIntentVisitNs(lead);
            if (ScoreTable.NEVER != previousNs)
            {
                final long gapNs = nowNs - previousNs;
                if (gapNs >= criteria.returnAfterNs() && gapNs <= criteria.returnWithinNs())
                {
                    match.returnVisit(category);
                }
            }
            score.lastIntentVisitNs(lead, nowNs);
        }
    }

    public void trial(final DirectBuffer milestone, final int offset, final int length)
    {
        final int entry = model.trial().find(milestone, offset, length);
        if (NameList.MISSING != entry)
        {
            addSignal(ScoreTable.TRIAL_SIGNAL, entry, model.trial().points(entry));
        }
        final int hot = criteria.trial().find(milestone, offset, length);
        if (NameList.MISSING != hot)
        {
            match.trial(hot);
        }
    }

    /**
     * An external score replaces the lead's external component.
     */
    public void external(final int value)
    {
        score.external(lead, value);
    }

    /**
     * Evaluate the criteria after the event.
     *
     * @return {@link #NOT_HOT}, {@link #SUPPRESSED} (already recorded) or {@link #HOT}.
     */
    public int decide()
    {
        total = total(behaviouralNow);
        final int threshold = criteria.scoreThreshold();
        if (criteria.scoreEnabled() && total >= threshold)
        {
            match.score(scoreBefore < threshold);
        }
        if (!criteria.sources().isEmpty() && !leads.profileEmpty(lead, LeadTable.SOURCE))
        {
            final int index = criteria.sources().find(
                leads.profileBuffer(), leads.profileOffset(lead, LeadTable.SOURCE), leads.profileLength(lead, LeadTable.SOURCE));
            if (NameList.MISSING != index)
            {
                match.source(index, sourceSet);
            }
        }
        if (!match.fires(criteria))
        {
            return NOT_HOT;
        }

        final long lastHotNs = score.lastHotNs(lead);
        if (ScoreTable.NEVER != lastHotNs && nowNs - lastHotNs < criteria.cooldownNs())
        {
            records.hotDecision(scoring, lead, score, match, nowNs, ScoringModel.round(behaviouralNow), total, true);
            return SUPPRESSED;
        }
        return HOT;
    }

    /**
     * After {@link #decide} returned {@link #HOT}: open the lead's next episode and record the
     * {@code HotDecision} with its reasons.
     *
     * @return the episode's number.
     */
    public int openEpisode()
    {
        final int episode = score.openEpisode(lead, nowNs);
        records.hotDecision(scoring, lead, score, match, nowNs, ScoringModel.round(behaviouralNow), total, false);
        return episode;
    }

    /**
     * @return where the reasons of the {@code HotDecision} just written start in the batch's buffer:
     * its criteria, firmographic and signals groups, laid out as an {@code Alert} carries them.
     */
    public int reasonsOffset()
    {
        return records.reasonsOffset();
    }

    public int reasonsLength()
    {
        return records.reasonsLength();
    }

    /**
     * @return the score at the decision, clamped to an int.
     */
    public int score()
    {
        return ScoreRecords.clamp(total);
    }

    public int firmographicScore()
    {
        return score.firmographic(lead);
    }

    public int behaviouralScore()
    {
        return ScoreRecords.clamp(ScoringModel.round(behaviouralNow));
    }

    public int externalScore()
    {
        return score.external(lead);
    }

    public int signalsOmitted()
    {
        return score.signalsOmitted(lead);
    }

    /**
     * After the episode is routed: a lead hot by score is watched for decay from now on.
     */
    public void afterEpisode()
    {
        cancelDecayTimer();
        if (match.isMet(HotCriteria.SCORE))
        {
            scheduleDecay(behaviouralNow);
        }
    }

    /**
     * The decay timer of a lead hot by score expired on a journaled tick.
     */
    public void onDecayTimer(final TenantScoring scoring, final int lead, final long nowNs)
    {
        subject(scoring, lead, nowNs);
        score.decayTimerId(lead, ScoreTable.NO_TIMER);
        if (!criteria.scoreEnabled())
        {
            return;
        }
        final double behavioural = score.behaviouralAt(lead, model, nowNs);
        final long decayedTotal = total(behavioural);
        if (decayedTotal >= criteria.scoreThreshold())
        {
            scheduleDecay(behavioural);
            return;
        }
        records.scoreDecayed(scoring, lead, score, ScoringModel.round(behavioural), decayedTotal);
    }

    private void subject(final TenantScoring scoring, final int lead, final long nowNs)
    {
        this.scoring = scoring;
        this.leads = scoring.leads();
        this.lead = lead;
        this.score = scoring.scores();
        this.model = scoring.model();
        this.criteria = scoring.criteria();
        this.nowNs = nowNs;
        refreshFirmographic();
    }

    private void addSignal(final byte kind, final int entry, final int points)
    {
        if (0 != points)
        {
            behaviouralNow += points;
            score.behavioural(lead, behaviouralNow, nowNs);
            score.recordSignal(lead, kind, entry, points, nowNs, scoring.generation());
        }
    }

    /**
     * Schedule a look at the moment the decaying behavioural points take the score under the
     * threshold (rounded score below it: points below {@code needed - 0.5}). When firmographic fit
     * and the external score hold it up alone, decay cannot, and nothing is scheduled.
     */
    private void scheduleDecay(final double behavioural)
    {
        final long needed = (long)criteria.scoreThreshold() - score.firmographic(lead) - score.external(lead);
        final long waitNs = model.nsUntilBelow(behavioural, needed - 0.5);
        if (Long.MAX_VALUE == waitNs || nowNs > Long.MAX_VALUE - waitNs)
        {
            return;
        }
        final long payload = TimerPayload.payload(TimerPayload.SCORE_DECAY, leads.tenantIndex(), lead);
        score.decayTimerId(lead, timers.schedule(nowNs + waitNs, payload));
    }

    private void cancelDecayTimer()
    {
        if (ScoreTable.NO_TIMER != score.decayTimerId(lead))
        {
            timers.cancel(score.decayTimerId(lead));
            score.decayTimerId(lead, ScoreTable.NO_TIMER);
        }
    }

    private void refreshFirmographic()
    {
        final int generation = scoring.generation();
        if (score.firmographicCurrent(lead, generation))
        {
            return;
        }
        component(ScoringModel.INDUSTRY, model.industry(), LeadTable.INDUSTRY);
        final int band = model.employees().find(leads.employees(lead));
        score.component(lead, ScoringModel.EMPLOYEES, EmployeeBands.MISSING != band,
            EmployeeBands.MISSING != band ? model.employees().points(band) : 0);
        component(ScoringModel.REGION, model.region(), LeadTable.REGION);
        component(ScoringModel.PRODUCT, model.product(), LeadTable.PRODUCT);
        component(ScoringModel.SOURCE, model.source(), LeadTable.SOURCE);
        score.firmographicComputed(lead, generation);
    }

    private void component(final int component, final PointsTable table, final int field)
    {
        final int entry = entry(table, leads, lead, field);
        score.component(lead, component, NameList.MISSING != entry, NameList.MISSING != entry ? table.points(entry) : 0);
    }

    private static int entry(final PointsTable table, final LeadTable leads, final int lead, final int field)
    {
        return 0 == table.size() || leads.profileEmpty(lead, field) ?
            NameList.MISSING : table.find(leads.profileBuffer(), leads.profileOffset(lead, field), leads.profileLength(lead, field));
    }

    private static int points(final PointsTable table, final LeadTable leads, final int lead, final int field)
    {
        final int entry = entry(table, leads, lead, field);
        return NameList.MISSING != entry ? table.points(entry) : 0;
    }

    /**
     * @return the lead's firmographic points under {@code model}, computed afresh and kept nowhere.
     */
    static int firmographicPoints(final ScoringModel model, final LeadTable leads, final int lead)
    {
        final int band = model.employees().find(leads.employees(lead));
        return points(model.industry(), leads, lead, LeadTable.INDUSTRY) +
            (EmployeeBands.MISSING != band ? model.employees().points(band) : 0) +
            points(model.region(), leads, lead, LeadTable.REGION) +
            points(model.product(), leads, lead, LeadTable.PRODUCT) +
            points(model.source(), leads, lead, LeadTable.SOURCE);
    }

    private long total(final double behavioural)
    {
        return score.firmographic(lead) + ScoringModel.round(behavioural) + score.external(lead);
    }
}
