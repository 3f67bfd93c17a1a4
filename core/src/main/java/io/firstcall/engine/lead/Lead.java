package io.firstcall.engine.lead;

import io.firstcall.engine.scoring.LeadScore;

/**
 * One lead's state, owned by the engine thread. Created once when the lead is first seen and
 * updated in place afterwards.
 */
public final class Lead
{
    public static final long NO_TIMER = -1;
    public static final int NO_EMPLOYEES = -1;

    private final int index;
    private final long createdNs;
    private final TextField email = new TextField();
    private final TextField phone = new TextField();
    private final TextField name = new TextField();
    private final TextField company = new TextField();
    private final TextField industry = new TextField();
    private final TextField region = new TextField();
    private final TextField product = new TextField();
    private final TextField source = new TextField();
    private final TextField owner = new TextField();
    private final TextField timezone = new TextField();
    private final TextField alertedRep = new TextField();
    private final TextField claimedBy = new TextField();
    private final LeadScore score = new LeadScore();
    private int employees = NO_EMPLOYEES;
    private int episode;
    private boolean episodeOpen;
    private long lastHotNs = Long.MIN_VALUE;
    private long claimDeadlineNs;
    private long claimTimerId = NO_TIMER;

    Lead(final int index, final long createdNs)
    {
        this.index = index;
        this.createdNs = createdNs;
    }

    public int index()
    {
        return index;
    }

    public long createdNs()
    {
        return createdNs;
    }

    public TextField email()
    {
        return email;
    }

    public TextField phone()
    {
        return phone;
    }

    public TextField name()
    {
        return name;
    }

    public TextField company()
    {
        return company;
    }

    public TextField industry()
    {
        return industry;
    }

    public TextField region()
    {
        return region;
    }

    public TextField product()
    {
        return product;
    }

    public TextField source()
    {
        return source;
    }

    public TextField owner()
    {
        return owner;
    }

    public TextField timezone()
    {
        return timezone;
    }

    public int employees()
    {
        return employees;
    }

    public void employees(final int employees)
    {
        this.employees = employees;
    }

    /**
     * The lead's score state: firmographic fit, decaying behavioural points, external score.
     */
    public LeadScore score()
    {
        return score;
    }

    /**
     * The rep (or queue) the current episode's alert went to.
     */
    public TextField alertedRep()
    {
        return alertedRep;
    }

    /**
     * The rep who claimed the current episode; empty while unclaimed.
     */
    public TextField claimedBy()
    {
        return claimedBy;
    }

    public int episode()
    {
        return episode;
    }

    public boolean episodeOpen()
    {
        return episodeOpen;
    }

    public long lastHotNs()
    {
        return lastHotNs;
    }

    public long claimDeadlineNs()
    {
        return claimDeadlineNs;
    }

    public long claimTimerId()
    {
        return claimTimerId;
    }

    /**
     * Start a new hot episode at {@code nowNs}.
     */
    public void openEpisode(final long nowNs, final long claimDeadlineNs)
    {
        episode++;
        episodeOpen = true;
        lastHotNs = nowNs;
        this.claimDeadlineNs = claimDeadlineNs;
        claimedBy.clear();
        alertedRep.clear();
    }

    public void claimTimer(final long timerId)
    {
        this.claimTimerId = timerId;
    }

    public void closeEpisode()
    {
        episodeOpen = false;
        claimTimerId = NO_TIMER;
    }
}
