package io.firstcall.engine.scoring;

import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.LeadRegistry;

import java.util.ArrayList;

/**
 * One tenant's scoring state: the model and criteria in force, the configuration version that
 * brought them (and every model that scored a signal still kept), and each lead's score, which the
 * lead carries ({@link Lead#scoring()}). A lead's score is created the first time the lead is
 * scored, so it costs nothing for leads that never send a signal.
 */
public final class TenantScoring
{
    private final LeadRegistry leads;
    private final ArrayList<ScoringModel> generations = new ArrayList<>();
    private ScoringModel model;
    private HotCriteria criteria;
    private long version;

    public TenantScoring(final LeadRegistry leads)
    {
        this.leads = leads;
    }

    /**
     * Put new rules in force; leads keep their scores, recomputed under the new model as they are read.
     */
    public void bind(final ScoringModel model, final HotCriteria criteria, final long version)
    {
        if (model != this.model)
        {
            generations.add(model);
        }
        this.model = model;
        this.criteria = criteria;
        this.version = version;
    }

    public LeadRegistry leads()
    {
        return leads;
    }

    ScoringModel model()
    {
        return model;
    }

    /**
     * @return the generation of the model in force: signals record it, since a signal is named by
     * the model that scored it, and a lead's signals may outlive several configuration changes.
     */
    int generation()
    {
        return generations.size() - 1;
    }

    ScoringModel model(final int generation)
    {
        return generations.get(generation);
    }

    HotCriteria criteria()
    {
        return criteria;
    }

    long version()
    {
        return version;
    }

    /**
     * Read the lead's score at {@code nowNs} without changing any state: firmographic points as the
     * model in force gives them, behavioural points decayed to then, the external score.
     */
    public void read(final Lead lead, final long nowNs, final ScoreReading into)
    {
        final LeadScore score = (LeadScore)lead.scoring();
        final int firmographic = null != score && score.firmographicCurrent(model) ?
            score.firmographic() : HotLeadEvaluator.firmographicPoints(model, lead);
        final long behavioural = null == score ? 0 : ScoringModel.round(score.behaviouralAt(model, nowNs));
        into.set(firmographic, behavioural, null == score ? 0 : score.external());
    }

    LeadScore score(final Lead lead)
    {
        final Object state = lead.scoring();
        if (null != state)
        {
            return (LeadScore)state;
        }
        final LeadScore score = new LeadScore();
        lead.scoring(score);
        return score;
    }
}
