package io.firstcall.engine.routing;

import java.util.Arrays;

/**
 * The reps a lead has been offered to in its current hot episode, in order, by rep state index.
 * Offers made before the episode's current escalation level are lapsed: those reps let the lead go
 * and are never offered it again in this episode. Offers at the current level are standing.
 */
final class Offers
{
    private int[] reps = new int[4];
    private int count;
    private int levelStart;

    /**
     * Forget every offer: a new episode begins.
     */
    void clear()
    {
        count = 0;
        levelStart = 0;
    }

    /**
     * The standing offers lapse: the episode moves to its next level.
     */
    void nextLevel()
    {
        levelStart = count;
    }

    void add(final int rep)
    {
        if (count == reps.length)
        {
            reps = Arrays.copyOf(reps, count * 2);
        }
        reps[count++] = rep;
    }

    int count()
    {
        return count;
    }

    int levelStart()
    {
        return levelStart;
    }

    int rep(final int i)
    {
        return reps[i];
    }

    /**
     * @return true when {@code rep} holds a standing offer (at the current level).
     */
    boolean standing(final int rep)
    {
        for (int i = levelStart; i < count; i++)
        {
            if (reps[i] == rep)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return true when {@code rep} was offered the lead at an earlier level and let it lapse.
     */
    boolean lapsed(final int rep)
    {
        for (int i = 0; i < levelStart; i++)
        {
            if (reps[i] == rep)
            {
                return true;
            }
        }
        return false;
    }
}
