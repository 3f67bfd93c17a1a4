package io.firstcall.engine.scoring;

/**
 * Which hot criteria one event meets, reused from event to event. A criterion is <em>met</em>
 * when it holds after the event; it is <em>triggered</em> when this event is what made it hold.
 * Form, trial and return visit are properties of the event, so they are triggered whenever met;
 * the score is triggered when the event lifts it from under the threshold to at or above it, and
 * the source when the event sets the lead's source to a listed one.
 * <p>
 * The criteria fire when at least one of them is triggered and, in {@code any} mode, it is met;
 * in {@code all} mode every enabled criterion is met. So a lead that stays above the threshold is
 * not re-alerted by every page view once its cooldown ends, but a new qualifying signal is.
 */
final class CriteriaMatch
{
    private int met;
    private int triggered;
    private int form;
    private int trial;
    private int source;
    private int category;

    void reset()
    {
        met = 0;
        triggered = 0;
        form = NameList.MISSING;
        trial = NameList.MISSING;
        source = NameList.MISSING;
        category = PageCategories.MISSING;
    }

    void form(final int formIndex)
    {
        met |= HotCriteria.FORM;
        triggered |= HotCriteria.FORM;
        form = formIndex;
    }

    void trial(final int trialIndex)
    {
        met |= HotCriteria.TRIAL;
        triggered |= HotCriteria.TRIAL;
        trial = trialIndex;
    }

    void returnVisit(final int categoryIndex)
    {
        met |= HotCriteria.RETURN_VISIT;
        triggered |= HotCriteria.RETURN_VISIT;
        category = categoryIndex;
    }

    void source(final int sourceIndex, final boolean setByThisEvent)
    {
        met |= HotCriteria.SOURCE;
        triggered |= setByThisEvent ? HotCriteria.SOURCE : 0;
        source = sourceIndex;
    }

    void score(final boolean crossedByThisEvent)
    {
        met |= HotCriteria.SCORE;
        triggered |= crossedByThisEvent ? HotCriteria.SCORE : 0;
    }

    /**
     * @return true when the criteria fire for this event under {@code criteria}'s mode.
     */
    boolean fires(final HotCriteria criteria)
    {
        final int enabled = criteria.enabled();
        final int live = met & triggered & enabled;
        if (criteria.all())
        {
            return 0 != enabled && (met & enabled) == enabled && 0 != live;
        }
        return 0 != live;
    }

    /**
     * @return the met criteria as a mask of {@link HotCriteria} bits: the reasons a decision lists.
     */
    int met()
    {
        return met;
    }

    boolean isMet(final int criterion)
    {
        return 0 != (met & criterion);
    }

    int form()
    {
        return form;
    }

    int trial()
    {
        return trial;
    }

    int source()
    {
        return source;
    }

    int category()
    {
        return category;
    }
}
