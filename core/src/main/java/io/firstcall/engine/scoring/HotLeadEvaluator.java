package io.firstcall.engine.scoring;

import io.firstcall.codec.DecisionKind;
import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.TextField;
import io.firstcall.engine.output.DetailBuilder;
import io.firstcall.engine.output.OutputWriter;
import io.firstcall.engine.routing.ClaimBook;
import io.firstcall.engine.tenant.Tenant;
import io.firstcall.engine.timer.TimerPayload;
import io.firstcall.engine.timer.TimerService;
import org.agrona.DirectBuffer;

/**
 * Scores every lead signal and decides whether it makes the lead hot. One event at a time:
 * {@link #begin} notes the score before the event, the signal methods ({@link #profileChanged},
 * {@link #form}, {@link #visit}, {@link #trial}, {@link #external}) apply it, and {@link #decide}
 * evaluates the tenant's criteria and, when they fire outside the cooldown, opens a hot episode
 * through the {@link ClaimBook} with the reasons. A lead hot by score is watched with a timer set
 * for the moment decay would take it under the threshold; the tick that finds it there records
 * {@link DecisionKind#SCORE_DECAYED}.
 * <p>
 * Time is only ever the journaled {@code nowNs}; nothing here allocates.
 */
public final class HotLeadEvaluator
{
    /**
     * The Alert's reasons field is a uint8-length string in the schema.
     */
    public static final int ALERT_REASONS_MAX_LENGTH = 254;

    private final TimerService timers;
    private final OutputWriter out;
    private final ClaimBook claims;
    private final CriteriaMatch match = new CriteriaMatch();
    private final ScoreBreakdownWriter breakdown = new ScoreBreakdownWriter();
    private final DetailBuilder detail = new DetailBuilder();
    private final DetailBuilder reasons = new DetailBuilder();

    private Tenant tenant;
    private Lead lead;
    private LeadScore score;
    private ScoringModel model;
    private HotCriteria criteria;
    private long nowNs;
    private double behaviouralNow;
    private long scoreBefore;
    private boolean sourceSet;

    public HotLeadEvaluator(final TimerService timers, final OutputWriter out, final ClaimBook claims)
    {
        this.timers = timers;
        this.out = out;
        this.claims = claims;
    }

    /**
     * Start scoring an event for {@code lead}, before any of its fields change.
     */
    public void begin(final Tenant tenant, final Lead lead, final long nowNs)
    {
        subject(tenant, lead, nowNs);
        match.reset();
        sourceSet = false;
        behaviouralNow = score.behaviouralAt(model, nowNs);
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
            score.invalidateFirmographic();
            refreshFirmographic();
        }
        sourceSet |= source;
    }

    public void form(final DirectBuffer kind, final int offset, final int length)
    {
        final int entry = model.forms().find(kind, offset, length);
        if (NameList.MISSING != entry)
        {
            addSignal(LeadScore.FORM_SIGNAL, entry, model.forms().points(entry));
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
        addSignal(LeadScore.PAGE_SIGNAL, entry, model.pages().points(entry));
        final int category = model.pages().category(entry);
        if (criteria.isReturnCategory(category))
        {
            final long previousNs = score.lastIntentVisitNs();
            if (LeadScore.NEVER != previousNs)
            {
                final long gapNs = nowNs - previousNs;
                if (gapNs >= criteria.returnAfterNs() && gapNs <= criteria.returnWithinNs())
                {
                    match.returnVisit(category);
                }
            }
            score.lastIntentVisitNs(nowNs);
        }
    }

    public void trial(final DirectBuffer milestone, final int offset, final int length)
    {
        final int entry = model.trial().find(milestone, offset, length);
        if (NameList.MISSING != entry)
        {
            addSignal(LeadScore.TRIAL_SIGNAL, entry, model.trial().points(entry));
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
        score.external(value);
    }

    /**
     * Evaluate the criteria after the event and act on them.
     */
    public void decide()
    {
        final double behavioural = behaviouralNow;
        final long total = total(behavioural);
        final int threshold = criteria.scoreThreshold();
        if (criteria.scoreEnabled() && total >= threshold)
        {
            match.score(scoreBefore < threshold);
        }
        final TextField source = lead.source();
        if (!criteria.sources().isEmpty() && !source.isEmpty())
        {
            final int index = criteria.sources().find(source.buffer(), 0, source.length());
            if (NameList.MISSING != index)
            {
                match.source(index, sourceSet);
            }
        }
        if (!match.fires(criteria))
        {
            return;
        }

        final long version = tenant.rules().version();
        breakdown.subject(match, criteria, model, score, nowNs, ScoringModel.round(behavioural), total);
        if (claims.inCooldown(tenant, lead, nowNs))
        {
            detail.reset().raw('{');
            breakdown.criteria(detail);
            detail.raw(",\"score\":").number(total)
                .raw(",\"suppressed\":\"cooldown\",\"episode\":").number(lead.episode()).raw('}');
            out.decision(DecisionKind.NOT_HOT, lead, version, detail.buffer(), detail.length());
            return;
        }

        breakdown.decision(detail, version);
        breakdown.alertReasons(reasons, ALERT_REASONS_MAX_LENGTH);
        claims.openEpisode(tenant, lead, nowNs, detail.buffer(), detail.length(), reasons.buffer(), reasons.length(),
            clamp(total), score.firmographic(), clamp(ScoringModel.round(behavioural)));
        cancelDecayTimer();
        if (match.isMet(HotCriteria.SCORE))
        {
            scheduleDecay(behavioural);
        }
    }

    /**
     * The decay timer of a lead hot by score expired on a journaled tick. Outputs go to the
     * writer's current context, which the caller sets to the tick.
     */
    public void onDecayTimer(final Tenant tenant, final Lead lead, final long nowNs)
    {
        subject(tenant, lead, nowNs);
        score.decayTimerId(LeadScore.NO_TIMER);
        if (!criteria.scoreEnabled())
        {
            return;
        }
        final double behavioural = score.behaviouralAt(model, nowNs);
        final long total = total(behavioural);
        if (total >= criteria.scoreThreshold())
        {
            scheduleDecay(behavioural);
            return;
        }
        detail.reset().raw("{\"score\":").number(total)
            .raw(",\"threshold\":").number(criteria.scoreThreshold())
            .raw(",\"firmographic\":").number(score.firmographic())
            .raw(",\"behavioural\":").number(ScoringModel.round(behavioural))
            .raw(",\"external\":").number(score.external())
            .raw(",\"episode\":").number(lead.episode()).raw('}');
        out.decision(DecisionKind.SCORE_DECAYED, lead, tenant.rules().version(), detail.buffer(), detail.length());
    }

    private void subject(final Tenant tenant, final Lead lead, final long nowNs)
    {
        this.tenant = tenant;
        this.lead = lead;
        this.score = lead.score();
        this.model = tenant.rules().scoring();
        this.criteria = tenant.rules().hot();
        this.nowNs = nowNs;
        refreshFirmographic();
    }

    private void addSignal(final byte kind, final int entry, final int points)
    {
        if (0 != points)
        {
            behaviouralNow += points;
            score.behavioural(behaviouralNow, nowNs);
            score.recordSignal(kind, entry, points, nowNs, model);
        }
    }

    /**
     * Schedule a look at the moment the decaying behavioural points take the score under the
     * threshold (rounded score below it: points below {@code needed - 0.5}). When firmographic fit
     * and the external score hold it up alone, decay cannot, and nothing is scheduled.
     */
    private void scheduleDecay(final double behavioural)
    {
        final long needed = (long)criteria.scoreThreshold() - score.firmographic() - score.external();
        final long waitNs = model.nsUntilBelow(behavioural, needed - 0.5);
        if (Long.MAX_VALUE == waitNs || nowNs > Long.MAX_VALUE - waitNs)
        {
            return;
        }
        final long payload = TimerPayload.payload(TimerPayload.SCORE_DECAY, tenant.index(), lead.index());
        score.decayTimerId(timers.schedule(nowNs + waitNs, payload));
    }

    private void cancelDecayTimer()
    {
        if (LeadScore.NO_TIMER != score.decayTimerId())
        {
            timers.cancel(score.decayTimerId());
            score.decayTimerId(LeadScore.NO_TIMER);
        }
    }

    private void refreshFirmographic()
    {
        if (score.firmographicCurrent(model))
        {
            return;
        }
        component(ScoringModel.INDUSTRY, model.industry(), lead.industry());
        final int band = model.employees().find(lead.employees());
        score.component(ScoringModel.EMPLOYEES, EmployeeBands.MISSING != band,
            EmployeeBands.MISSING != band ? model.employees().points(band) : 0);
        component(ScoringModel.REGION, model.region(), lead.region());
        component(ScoringModel.PRODUCT, model.product(), lead.product());
        component(ScoringModel.SOURCE, model.source(), lead.source());
        score.firmographicComputed(model);
    }

    private void component(final int component, final PointsTable table, final TextField value)
    {
        final int entry = value.isEmpty() ? NameList.MISSING : table.find(value.buffer(), 0, value.length());
        score.component(component, NameList.MISSING != entry, NameList.MISSING != entry ? table.points(entry) : 0);
    }

    private long total(final double behavioural)
    {
        return score.firmographic() + ScoringModel.round(behavioural) + score.external();
    }

    private static int clamp(final long value)
    {
        return (int)Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
