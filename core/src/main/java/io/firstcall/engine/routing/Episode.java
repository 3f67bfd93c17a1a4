package io.firstcall.engine.routing;

import io.firstcall.engine.lead.TextField;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * What routing keeps about one lead: its current hot episode (the offers at each escalation level,
 * the claim window and its timer, who claimed it) with the reasons and scores every alert of the
 * episode carries, and which rep's capacity the lead counts against. One per lead, reused from
 * episode to episode.
 */
final class Episode
{
    static final long NO_TIMER = -1;
    static final int NO_REP = -1;

    /**
     * Escalation levels of a hot episode: first offer, backup rep, manager queue.
     */
    static final int PRIMARY = 0;
    static final int BACKUP = 1;
    static final int QUEUE = 2;

    private final Offers offers = new Offers();
    private final TextField alertedRep = new TextField();
    private final TextField claimedBy = new TextField();
    private final UnsafeBuffer reasons = new UnsafeBuffer(new byte[256]);
    private int reasonsLength;
    private int number;
    private boolean open;
    private long claimDeadlineNs;
    private long claimTimerId = NO_TIMER;
    private int team = Roster.NONE;
    private int level;
    private long routedVersion;
    private int holder = NO_REP;
    private long holdTimerId = NO_TIMER;
    private int score;
    private int firmographicScore;
    private int behaviouralScore;
    private int externalScore;
    private int signalsOmitted;

    /**
     * Start episode {@code number} with the reasons and scores of its hot decision.
     *
     * @param reasons the decision's criteria, firmographic and signals groups, as the Alert carries them.
     */
    void open(final int number, final DirectBuffer reasons, final int offset, final int length)
    {
        this.number = number;
        open = true;
        claimDeadlineNs = 0;
        claimedBy.clear();
        alertedRep.clear();
        offers.clear();
        level = PRIMARY;
        team = Roster.NONE;
        if (length > this.reasons.capacity())
        {
            this.reasons.wrap(new byte[Math.max(length, this.reasons.capacity() * 2)]);
        }
        this.reasons.putBytes(0, reasons, offset, length);
        reasonsLength = length;
    }

    void scores(final int score, final int firmographic, final int behavioural, final int external, final int omitted)
    {
        this.score = score;
        this.firmographicScore = firmographic;
        this.behaviouralScore = behavioural;
        this.externalScore = external;
        this.signalsOmitted = omitted;
    }

    /**
     * @return the episode's number, 0 before the lead's first.
     */
    int number()
    {
        return number;
    }

    /**
     * @return true while the episode waits for a claim.
     */
    boolean isOpen()
    {
        return open;
    }

    void close()
    {
        open = false;
        claimTimerId = NO_TIMER;
    }

    Offers offers()
    {
        return offers;
    }

    /**
     * The queue the current episode's alert went to, at the queue level.
     */
    TextField alertedRep()
    {
        return alertedRep;
    }

    /**
     * The rep who claimed the current episode; empty while unclaimed.
     */
    TextField claimedBy()
    {
        return claimedBy;
    }

    DirectBuffer reasons()
    {
        return reasons;
    }

    int reasonsLength()
    {
        return reasonsLength;
    }

    long claimDeadlineNs()
    {
        return claimDeadlineNs;
    }

    /**
     * Set the current offer's deadline; 0 means none.
     */
    void claimDeadline(final long claimDeadlineNs)
    {
        this.claimDeadlineNs = claimDeadlineNs;
    }

    long claimTimerId()
    {
        return claimTimerId;
    }

    void claimTimer(final long timerId)
    {
        claimTimerId = timerId;
    }

    /**
     * The team routing the current episode, or {@link Roster#NONE}.
     */
    int team()
    {
        return team;
    }

    void team(final int team)
    {
        this.team = team;
    }

    /**
     * {@link #PRIMARY}, {@link #BACKUP} or {@link #QUEUE}.
     */
    int level()
    {
        return level;
    }

    void level(final int level)
    {
        this.level = level;
    }

    /**
     * The configuration version the current episode was last routed under.
     */
    long routedVersion()
    {
        return routedVersion;
    }

    void routedVersion(final long routedVersion)
    {
        this.routedVersion = routedVersion;
    }

    /**
     * The rep (state index) whose capacity the lead counts against, or {@link #NO_REP}.
     */
    int holder()
    {
        return holder;
    }

    long holdTimerId()
    {
        return holdTimerId;
    }

    void hold(final int holder, final long holdTimerId)
    {
        this.holder = holder;
        this.holdTimerId = holdTimerId;
    }

    int score()
    {
        return score;
    }

    int firmographicScore()
    {
        return firmographicScore;
    }

    int behaviouralScore()
    {
        return behaviouralScore;
    }

    int externalScore()
    {
        return externalScore;
    }

    int signalsOmitted()
    {
        return signalsOmitted;
    }
}
