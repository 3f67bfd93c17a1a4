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
    public static final int NO_REP = -1;
    public static final int NO_TEAM = -1;

    /**
     * Escalation levels of a hot episode: first offer, backup rep, manager queue.
     */
    public static final int PRIMARY = 0;
    public static final int BACKUP = 1;
    public static final int QUEUE = 2;

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
    private final Offers offers = new Offers();
    private final TextField episodeReasons = new TextField();
    private int episodeScore;
    private int episodeFirmographic;
    private int episodeBehavioural;
    private final RecentActivity activity = new RecentActivity();
    private int employees = NO_EMPLOYEES;
    private int episode;
    private boolean episodeOpen;
    private long lastHotNs = Long.MIN_VALUE;
    private long claimDeadlineNs;
    private long claimTimerId = NO_TIMER;
    private int team = NO_TEAM;
    private int level;
    private int holder = NO_REP;
    private long routedVersion;
    private long holdTimerId = NO_TIMER;

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

    /**
     * Move the current offer's deadline (an escalation); 0 means none.
     */
    public void claimDeadline(final long claimDeadlineNs)
    {
        this.claimDeadlineNs = claimDeadlineNs;
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
        offers.clear();
        level = PRIMARY;
        team = NO_TEAM;
    }

    /**
     * The current episode's alert reasons, kept for the alerts its escalations send.
     */
    public TextField episodeReasons()
    {
        return episodeReasons;
    }

    public void episodeScores(final int score, final int firmographic, final int behavioural)
    {
        episodeScore = score;
        episodeFirmographic = firmographic;
        episodeBehavioural = behavioural;
    }

    public int episodeScore()
    {
        return episodeScore;
    }

    public int episodeFirmographic()
    {
        return episodeFirmographic;
    }

    public int episodeBehavioural()
    {
        return episodeBehavioural;
    }

    /**
     * The reps offered the current episode.
     */
    public Offers offers()
    {
        return offers;
    }

    /**
     * @return the lead's recent activity.
     */
    public RecentActivity activity()
    {
        return activity;
    }

    /**
     * The team routing the current episode, or {@link #NO_TEAM}.
     */
    public int team()
    {
        return team;
    }

    public void team(final int team)
    {
        this.team = team;
    }

    /**
     * The configuration version the current episode was last routed under.
     */
    public long routedVersion()
    {
        return routedVersion;
    }

    public void routedVersion(final long routedVersion)
    {
        this.routedVersion = routedVersion;
    }

    /**
     * The current episode's escalation level: {@link #PRIMARY}, {@link #BACKUP} or {@link #QUEUE}.
     */
    public int level()
    {
        return level;
    }

    public void level(final int level)
    {
        this.level = level;
    }

    /**
     * The rep (state index) whose capacity this lead counts against, or {@link #NO_REP}.
     */
    public int holder()
    {
        return holder;
    }

    public long holdTimerId()
    {
        return holdTimerId;
    }

    public void hold(final int holder, final long holdTimerId)
    {
        this.holder = holder;
        this.holdTimerId = holdTimerId;
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
