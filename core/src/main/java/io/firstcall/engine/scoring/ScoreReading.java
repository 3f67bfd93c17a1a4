package io.firstcall.engine.scoring;

/**
 * A lead's score as of one moment, read without changing anything (for the audit tools, never on
 * the event path): the total and its three parts, as the engine computes them.
 */
public final class ScoreReading
{
    private long score;
    private int firmographic;
    private long behavioural;
    private int external;

    void set(final int firmographic, final long behavioural, final int external)
    {
        this.firmographic = firmographic;
        this.behavioural = behavioural;
        this.external = external;
        this.score = firmographic + behavioural + external;
    }

    public long score()
    {
        return score;
    }

    public int firmographic()
    {
        return firmographic;
    }

    public long behavioural()
    {
        return behavioural;
    }

    public int external()
    {
        return external;
    }
}
