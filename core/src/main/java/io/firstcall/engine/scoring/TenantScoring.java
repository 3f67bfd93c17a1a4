package io.firstcall.engine.scoring;

import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.lead.LeadRegistry;

import java.util.ArrayList;

/**
 * One tenant's scoring state: the model and criteria in force, the configuration version that
 * brought them, and each lead's score by lead index. A lead's score is created the first time the
 * lead is scored, so the table costs nothing for leads that never send a signal.
 */
public final class TenantScoring
{
    private final LeadRegistry leads;
    private final ArrayList<LeadScore> scores = new ArrayList<>();
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

    HotCriteria criteria()
    {
        return criteria;
    }

    long version()
    {
        return version;
    }

    LeadScore score(final Lead lead)
    {
        final int index = lead.index();
        while (scores.size() <= index)
        {
            scores.add(new LeadScore());
        }
        return scores.get(index);
    }
}
