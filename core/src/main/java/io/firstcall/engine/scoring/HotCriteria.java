package io.firstcall.engine.scoring;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What makes a lead hot for one tenant: the criteria the article names, combined with
 * {@code any} or {@code all}. Immutable; a configuration change brings new criteria.
 * <ul>
 *   <li>score: the lead's score is at or above a threshold;</li>
 *   <li>form: the event is a form of one of the listed kinds;</li>
 *   <li>source: the lead's source is one of the listed ones;</li>
 *   <li>trial: the event is one of the listed trial milestones;</li>
 *   <li>returnVisit: the event is a known lead's visit to a listed page category, between
 *       {@code after} and {@code within} after its previous visit to one.</li>
 * </ul>
 * Form, trial and return visit describe the event itself; score and source describe the lead,
 * and count as a new signal only on the event that makes them true (see {@link CriteriaMatch}).
 * A lead that went hot is not re-alerted within the cooldown.
 */
public final class HotCriteria
{
    public static final int FORM = 1;
    public static final int TRIAL = 1 << 1;
    public static final int RETURN_VISIT = 1 << 2;
    public static final int SOURCE = 1 << 3;
    public static final int SCORE = 1 << 4;

    /**
     * The criteria that describe a single event: no one event is two of them.
     */
    public static final int EVENT_CRITERIA = FORM | TRIAL | RETURN_VISIT;

    public static final List<String> DEFAULT_FORMS = List.of("demo_request", "pricing_inquiry", "free_trial");
    public static final List<String> DEFAULT_TRIAL = List.of("activated");
    public static final List<String> DEFAULT_RETURN_PAGES = List.of("pricing", "comparison");
    public static final int DEFAULT_SCORE = 50;
    public static final long DEFAULT_RETURN_WITHIN_NS = TimeUnit.DAYS.toNanos(7);
    public static final long DEFAULT_RETURN_AFTER_NS = TimeUnit.MINUTES.toNanos(30);
    public static final long DEFAULT_COOLDOWN_NS = TimeUnit.HOURS.toNanos(24);

    private final boolean all;
    private final boolean scoreEnabled;
    private final int scoreThreshold;
    private final NameList forms;
    private final NameList sources;
    private final NameList trial;
    private final boolean[] returnCategories;
    private final List<String> returnPages;
    private final long returnWithinNs;
    private final long returnAfterNs;
    private final long cooldownNs;
    private final int enabled;

    /**
     * @param scoreThreshold  null when the score criterion is off.
     * @param returnPages     page categories of the return-visit criterion, empty when it is off.
     * @param pages           the scoring model's categories, which {@code returnPages} name.
     * @param cooldownNs      how long after a hot episode opens the lead cannot open another.
     */
    public HotCriteria(
        final boolean all,
        final Integer scoreThreshold,
        final List<String> forms,
        final List<String> sources,
        final List<String> trial,
        final List<String> returnPages,
        final PageCategories pages,
        final long returnWithinNs,
        final long returnAfterNs,
        final long cooldownNs)
    {
        this.all = all;
        this.scoreEnabled = null != scoreThreshold;
        this.scoreThreshold = scoreEnabled ? scoreThreshold : 0;
        this.forms = new NameList(forms);
        this.sources = new NameList(sources);
        this.trial = new NameList(trial);
        this.returnPages = List.copyOf(returnPages);
        this.returnCategories = new boolean[pages.categoryCount()];
        for (final String page : returnPages)
        {
            final int category = pages.categoryIndex(page);
            if (category < 0)
            {
                throw new IllegalArgumentException("not a page category: " + page);
            }
            returnCategories[category] = true;
        }
        this.returnWithinNs = returnWithinNs;
        this.returnAfterNs = returnAfterNs;
        this.cooldownNs = cooldownNs;
        this.enabled = (scoreEnabled ? SCORE : 0) | (this.forms.isEmpty() ? 0 : FORM) |
            (this.sources.isEmpty() ? 0 : SOURCE) | (this.trial.isEmpty() ? 0 : TRIAL) |
            (this.returnPages.isEmpty() ? 0 : RETURN_VISIT);
    }

    /**
     * @return true when every enabled criterion must hold, false when any one is enough.
     */
    public boolean all()
    {
        return all;
    }

    /**
     * @return the enabled criteria as a mask of {@link #FORM}, {@link #TRIAL}... bits.
     */
    public int enabled()
    {
        return enabled;
    }

    public boolean scoreEnabled()
    {
        return scoreEnabled;
    }

    public int scoreThreshold()
    {
        return scoreThreshold;
    }

    public NameList forms()
    {
        return forms;
    }

    public NameList sources()
    {
        return sources;
    }

    public NameList trial()
    {
        return trial;
    }

    public List<String> returnPages()
    {
        return returnPages;
    }

    public boolean isReturnCategory(final int category)
    {
        return category >= 0 && category < returnCategories.length && returnCategories[category];
    }

    public long returnWithinNs()
    {
        return returnWithinNs;
    }

    public long returnAfterNs()
    {
        return returnAfterNs;
    }

    /**
     * How long after a hot episode opens a lead cannot open another: criteria that fire inside it
     * are recorded as suppressed.
     */
    public long cooldownNs()
    {
        return cooldownNs;
    }
}
