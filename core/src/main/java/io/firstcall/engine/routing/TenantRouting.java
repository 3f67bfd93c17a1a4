package io.firstcall.engine.routing;

import io.firstcall.engine.lead.LeadTable;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;

/**
 * One tenant's routing state: its reps (presence, load, fairness credit, bound to the roster in
 * force), the configuration version that brought the roster, and each lead's episode, a row of the
 * {@link EpisodeTable} at the lead's index.
 */
public final class TenantRouting
{
    private final LeadTable leads;
    private final RepBook reps = new RepBook();
    private final EpisodeTable episodes = new EpisodeTable();
    private long version;

    public TenantRouting(final LeadTable leads)
    {
        this.leads = leads;
    }

    /**
     * Put a new roster in force; reps keep their live state.
     */
    public void bind(final Roster roster, final long version)
    {
        reps.bind(roster);
        this.version = version;
    }

    public LeadTable leads()
    {
        return leads;
    }

    public RepBook reps()
    {
        return reps;
    }

    /**
     * @return true while the lead has an open episode: a standing offer (its claim window, or the
     * manager queue, which has none), a pending claim timer, or a hold on a rep's capacity.
     */
    public boolean episodeOpen(final int lead)
    {
        return episodes.isOpen(lead) || EpisodeTable.NO_TIMER != episodes.claimTimerId(lead) ||
            EpisodeTable.NO_REP != episodes.holder(lead) || EpisodeTable.NO_TIMER != episodes.holdTimerId(lead);
    }

    /**
     * A lead was created: it has a row, as for a lead never routed, from now on.
     */
    public void onLeadCreated(final int lead)
    {
        episodes.ensure(lead + 1);
    }

    /**
     * The lead is forgotten: its episode goes back to the state of a lead never routed.
     */
    public void forget(final int lead)
    {
        episodes.clear(lead);
    }

    /**
     * Write the rep book, then every held lead's episode.
     */
    public void writeSnapshot(final SnapshotWriter writer)
    {
        reps.writeSnapshot(writer);
        episodes.writeSnapshot(writer, leads);
    }

    /**
     * Load into this new state, once its leads are loaded; the roster is bound afterwards.
     */
    public void readSnapshot(final SnapshotReader reader)
    {
        reps.readSnapshot(reader);
        episodes.readSnapshot(reader, leads);
    }

    Roster roster()
    {
        return reps.roster();
    }

    long version()
    {
        return version;
    }

    /**
     * @return the episode table, with a row for every lead created ({@link #onLeadCreated}).
     */
    EpisodeTable episodes()
    {
        return episodes;
    }
}
