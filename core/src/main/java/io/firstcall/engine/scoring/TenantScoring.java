package io.firstcall.engine.scoring;

import io.firstcall.engine.lead.LeadTable;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;

import java.util.ArrayList;

/**
 * One tenant's scoring state: the model and criteria in force, the configuration version that
 * brought them, every model that scored a signal still kept (its <em>generation</em>), and each
 * lead's score, a row of the {@link ScoreTable} at the lead's index.
 * <p>
 * A new generation begins when rules of another version are put in force. Generations are told
 * apart by version, not by object, so the same document applied twice (parsed once by the launcher,
 * or again on replay) is one generation either way.
 */
public final class TenantScoring
{
    private final LeadTable leads;
    private final ScoreTable scores = new ScoreTable();
    private final ArrayList<ScoringModel> generations = new ArrayList<>();
    private ScoringModel model;
    private HotCriteria criteria;
    private long version;

    public TenantScoring(final LeadTable leads)
    {
        this.leads = leads;
    }

    /**
     * Put new rules in force; leads keep their scores, recomputed under the new model as they are read.
     *
     * @return true when the rules begin a new generation (another version than the one in force).
     */
    public boolean bind(final ScoringModel model, final HotCriteria criteria, final long version)
    {
        final boolean newGeneration = generations.isEmpty() || version != this.version;
        if (newGeneration)
        {
            generations.add(model);
        }
        this.model = model;
        this.criteria = criteria;
        this.version = version;
        return newGeneration;
    }

    public LeadTable leads()
    {
        return leads;
    }

    /**
     * A lead was created: it has a row, as for a lead never scored, from now on.
     */
    public void onLeadCreated(final int lead)
    {
        scores.ensure(lead + 1);
    }

    /**
     * The lead is forgotten: its row goes back to the state of a lead never scored.
     */
    public void forget(final int lead)
    {
        scores.clear(lead);
    }

    /**
     * @return true while the lead's score is watched for decay (a timer is pending).
     */
    public boolean decayPending(final int lead)
    {
        return ScoreTable.NO_TIMER != scores.decayTimerId(lead);
    }

    /**
     * @return the generations a snapshot must keep, ascending: those a kept signal of a lead names,
     * and the one in force, last. Their documents are written with the snapshot in this order.
     */
    public int[] snapshotGenerations()
    {
        final boolean[] referenced = new boolean[generations.size()];
        scores.ensure(leads.limit());
        for (int lead = 0, limit = leads.limit(); lead < limit; lead++)
        {
            if (leads.isLive(lead))
            {
                scores.markGenerations(lead, referenced);
            }
        }
        final int current = generation();
        referenced[current] = false;
        int count = 1;
        for (final boolean kept : referenced)
        {
            count += kept ? 1 : 0;
        }
        final int[] kept = new int[count];
        int next = 0;
        for (int g = 0; g < referenced.length; g++)
        {
            if (referenced[g])
            {
                kept[next++] = g;
            }
        }
        kept[next] = current;
        return kept;
    }

    /**
     * Write every lead's score, signals naming their models by position in {@code kept} (from
     * {@link #snapshotGenerations()}).
     */
    public void writeSnapshot(final SnapshotWriter writer, final int[] kept)
    {
        final int[] number = new int[generations.size()];
        for (int i = 0; i < kept.length; i++)
        {
            number[kept[i]] = i;
        }
        scores.writeSnapshot(writer, leads, number, generation());
    }

    /**
     * Load a snapshot's generations into this new state: {@code models} in the order written, the
     * last one in force; {@link #bind} with its rules follows and begins no new generation.
     */
    public void restoreGenerations(final ScoringModel[] models, final long currentVersion)
    {
        for (final ScoringModel loaded : models)
        {
            generations.add(loaded);
        }
        version = currentVersion;
    }

    /**
     * Load every lead's score, once the leads and the generations are loaded.
     */
    public void readSnapshot(final SnapshotReader reader)
    {
        scores.readSnapshot(reader, leads, generations.size());
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
    public void read(final int lead, final long nowNs, final ScoreReading into)
    {
        final int firmographic = scores.firmographicCurrent(lead, generation()) ?
            scores.firmographic(lead) : HotLeadEvaluator.firmographicPoints(model, leads, lead);
        final long behavioural = ScoringModel.round(scores.behaviouralAt(lead, model, nowNs));
        into.set(firmographic, behavioural, scores.external(lead));
    }

    /**
     * @return the score table, with a row for every lead created ({@link #onLeadCreated}).
     */
    ScoreTable scores()
    {
        return scores;
    }
}
