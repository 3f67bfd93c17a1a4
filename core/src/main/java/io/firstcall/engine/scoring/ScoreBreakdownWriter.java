package io.firstcall.engine.scoring;

import io.firstcall.engine.output.DetailBuilder;

/**
 * Writes a hot decision's reasons as compact JSON, without allocating: the criteria that fired and
 * the score breakdown, firmographic by component and behavioural by signal (the newest
 * {@link LeadScore#SIGNAL_CAPACITY}, each decayed to now).
 * <pre>
 * {"criteria":["form:demo_request","score>=50"],"score":63,
 *  "firmographic":{"total":20,"industry":15,"employees":5},
 *  "behavioural":{"total":43,"signals":[{"signal":"page:pricing","points":3},{"signal":"form:demo_request","points":40}]},
 *  "external":0,"configVersion":123}
 * </pre>
 * Totals are rounded half up once, so {@code score = firmographic.total + behavioural.total +
 * external}; per-signal points are rounded each and may not add up to the behavioural total, which
 * also holds signals older than the ones listed.
 */
public final class ScoreBreakdownWriter
{
    private static final String[] COMPONENT_NAMES = {"industry", "employees", "region", "product", "source"};

    private CriteriaMatch match;
    private HotCriteria criteria;
    private ScoringModel model;
    private LeadScore lead;
    private long nowNs;
    private long behavioural;
    private long score;

    /**
     * Set what the following documents describe.
     *
     * @param behavioural the lead's behavioural points at {@code nowNs}, rounded.
     * @param score       the lead's total score at {@code nowNs}.
     */
    public ScoreBreakdownWriter subject(
        final CriteriaMatch match,
        final HotCriteria criteria,
        final ScoringModel model,
        final LeadScore lead,
        final long nowNs,
        final long behavioural,
        final long score)
    {
        this.match = match;
        this.criteria = criteria;
        this.model = model;
        this.lead = lead;
        this.nowNs = nowNs;
        this.behavioural = behavioural;
        this.score = score;
        return this;
    }

    /**
     * The full document, for a decision record.
     */
    public void decision(final DetailBuilder out, final long configVersion)
    {
        out.reset();
        write(out, lead.signalCount(), true);
        out.raw(",\"configVersion\":").number(configVersion).raw('}');
    }

    /**
     * The same document fitted into {@code maxLength} bytes for an alert: the config version is left
     * out (the alert carries it), then the oldest signals, then the breakdown, until it fits.
     */
    public void alertReasons(final DetailBuilder out, final int maxLength)
    {
        if (fits(out, lead.signalCount(), maxLength))
        {
            return;
        }
        // Fewer signals never make the reasons longer: binary search for the most that fit.
        int low = 0;
        int high = lead.signalCount() - 1;
        int best = -1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            if (fits(out, mid, maxLength))
            {
                best = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        if (best >= 0)
        {
            fits(out, best, maxLength);
            return;
        }
        out.reset().raw('{');
        criteria(out);
        out.raw(",\"score\":").number(score).raw('}');
        if (out.length() > maxLength)
        {
            out.reset().raw("{\"score\":").number(score).raw(",\"truncated\":true}");
        }
    }

    private boolean fits(final DetailBuilder out, final int signals, final int maxLength)
    {
        out.reset();
        write(out, signals, true);
        out.raw('}');
        return out.length() <= maxLength;
    }

    /**
     * {@code "criteria":[...]} alone, for records that need only the reasons' names.
     */
    public void criteria(final DetailBuilder out)
    {
        out.raw("\"criteria\":[");
        boolean first = true;
        if (match.isMet(HotCriteria.FORM))
        {
            first = label(out, first, "form:", criteria.forms().name(match.form()));
        }
        if (match.isMet(HotCriteria.TRIAL))
        {
            first = label(out, first, "trial:", criteria.trial().name(match.trial()));
        }
        if (match.isMet(HotCriteria.RETURN_VISIT))
        {
            first = label(out, first, "returnVisit:", model.pages().categoryName(match.category()));
        }
        if (match.isMet(HotCriteria.SOURCE))
        {
            first = label(out, first, "source:", criteria.sources().name(match.source()));
        }
        if (match.isMet(HotCriteria.SCORE))
        {
            out.raw(first ? "" : ",").raw("\"score>=").number(criteria.scoreThreshold()).raw('"');
        }
        out.raw(']');
    }

    /**
     * Everything but the closing brace.
     */
    private void write(final DetailBuilder out, final int signals, final boolean components)
    {
        out.raw('{');
        criteria(out);
        out.raw(",\"score\":").number(score);
        out.raw(",\"firmographic\":{\"total\":").number(lead.firmographic());
        if (components)
        {
            for (int c = 0; c < ScoringModel.COMPONENTS; c++)
            {
                if (lead.componentMatched(c))
                {
                    out.raw(",\"").raw(COMPONENT_NAMES[c]).raw("\":").number(lead.componentPoints(c));
                }
            }
        }
        out.raw("},\"behavioural\":{\"total\":").number(behavioural).raw(",\"signals\":[");
        final int count = lead.signalCount();
        for (int i = count - signals; i < count; i++)
        {
            out.raw(i > count - signals ? ",{\"signal\":\"" : "{\"signal\":\"");
            signalLabel(out, i);
            final double decayed = lead.signalPoints(i) * model.decay(nowNs - lead.signalTimeNs(i));
            out.raw("\",\"points\":").number(ScoringModel.round(decayed)).raw('}');
        }
        out.raw(']');
        if (signals < count)
        {
            out.raw(",\"more\":").number(count - signals);
        }
        out.raw("},\"external\":").number(lead.external());
    }

    private void signalLabel(final DetailBuilder out, final int i)
    {
        final ScoringModel signalModel = lead.signalModel(i);
        final int entry = lead.signalEntry(i);
        switch (lead.signalKind(i))
        {
            case LeadScore.FORM_SIGNAL:
                out.raw("form:").escaped(signalModel.forms().name(entry));
                break;

            case LeadScore.PAGE_SIGNAL:
                out.raw("page:").escaped(signalModel.pages().categoryName(signalModel.pages().category(entry)));
                break;

            default:
                out.raw("trial:").escaped(signalModel.trial().name(entry));
                break;
        }
    }

    private static boolean label(final DetailBuilder out, final boolean first, final String prefix, final byte[] name)
    {
        out.raw(first ? "\"" : ",\"").raw(prefix).escaped(name).raw('"');
        return false;
    }
}
