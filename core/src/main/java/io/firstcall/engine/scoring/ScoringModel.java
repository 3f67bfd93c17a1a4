package io.firstcall.engine.scoring;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One tenant's lead score: firmographic fit (industry, employee bands, region, product line, lead
 * source) plus behavioural points (forms, page visits by category, trial milestones) that halve
 * every {@link #halfLifeNs()}. Immutable; a configuration change brings a new model.
 * <p>
 * Decay must give the same bits on every platform, which replay relies on, and must not allocate.
 * {@code StrictMath.pow} gives the bits but, on JDK 17, is a Java port of fdlibm that allocates
 * small arrays per call until C2 has compiled it away. So {@link #decay} splits
 * {@code 2^-x} into {@code 2^-n} (exact, {@link Math#scalb}), {@code 2^(-k/256)} from a table built
 * once with {@code StrictMath.pow}, and the last sliver as a five-term series: IEEE arithmetic only,
 * so bit-identical everywhere, within a few ulps of {@code pow}.
 */
public final class ScoringModel
{
    public static final int INDUSTRY = 0;
    public static final int EMPLOYEES = 1;
    public static final int REGION = 2;
    public static final int PRODUCT = 3;
    public static final int SOURCE = 4;
    public static final int COMPONENTS = 5;

    public static final long DEFAULT_HALF_LIFE_NS = TimeUnit.DAYS.toNanos(7);
    public static final Map<String, Integer> DEFAULT_FORM_POINTS = defaultFormPoints();
    public static final List<PageCategories.Entry> DEFAULT_PAGES = List.of(
        new PageCategories.Entry("/pricing", "pricing", 15),
        new PageCategories.Entry("/compare", "comparison", 15),
        new PageCategories.Entry("/comparison", "comparison", 15),
        new PageCategories.Entry("/blog", "blog", 1));
    public static final Map<String, Integer> DEFAULT_TRIAL_POINTS = defaultTrialPoints();

    private static final double LN2 = StrictMath.log(2.0);
    private static final int FRACTION_STEPS = 256;
    private static final double[] HALF_POWERS = halfPowers();
    private static final double NEVER_HALF_LIVES = 1_100.0;

    private final PointsTable industry;
    private final EmployeeBands employees;
    private final PointsTable region;
    private final PointsTable product;
    private final PointsTable source;
    private final PointsTable forms;
    private final PageCategories pages;
    private final PointsTable trial;
    private final long halfLifeNs;

    public ScoringModel(
        final PointsTable industry,
        final EmployeeBands employees,
        final PointsTable region,
        final PointsTable product,
        final PointsTable source,
        final PointsTable forms,
        final PageCategories pages,
        final PointsTable trial,
        final long halfLifeNs)
    {
        if (halfLifeNs <= 0)
        {
            throw new IllegalArgumentException("halfLifeNs must be positive: " + halfLifeNs);
        }
        this.industry = industry;
        this.employees = employees;
        this.region = region;
        this.product = product;
        this.source = source;
        this.forms = forms;
        this.pages = pages;
        this.trial = trial;
        this.halfLifeNs = halfLifeNs;
    }

    /**
     * The documented defaults: no firmographic fit (no default can know a tenant's ideal
     * customer), behavioural points for the usual forms, pages and trial milestones, a 7-day half-life.
     */
    public static ScoringModel defaults()
    {
        return new ScoringModel(PointsTable.EMPTY, EmployeeBands.EMPTY, PointsTable.EMPTY, PointsTable.EMPTY,
            PointsTable.EMPTY, new PointsTable(DEFAULT_FORM_POINTS), new PageCategories(DEFAULT_PAGES),
            new PointsTable(DEFAULT_TRIAL_POINTS), DEFAULT_HALF_LIFE_NS);
    }

    public PointsTable industry()
    {
        return industry;
    }

    public EmployeeBands employees()
    {
        return employees;
    }

    public PointsTable region()
    {
        return region;
    }

    public PointsTable product()
    {
        return product;
    }

    public PointsTable source()
    {
        return source;
    }

    public PointsTable forms()
    {
        return forms;
    }

    public PageCategories pages()
    {
        return pages;
    }

    public PointsTable trial()
    {
        return trial;
    }

    public long halfLifeNs()
    {
        return halfLifeNs;
    }

    /**
     * @return the factor behavioural points keep after {@code elapsedNs}: 2^(-elapsed / halfLife).
     */
    public double decay(final long elapsedNs)
    {
        if (elapsedNs <= 0)
        {
            return 1.0;
        }
        final double halfLives = (double)elapsedNs / (double)halfLifeNs;
        if (halfLives >= NEVER_HALF_LIVES)
        {
            return 0.0;
        }
        final double whole = Math.floor(halfLives);
        final double fraction = halfLives - whole;
        final int step = (int)(fraction * FRACTION_STEPS);
        final double a = (fraction - (double)step / FRACTION_STEPS) * LN2;
        // e^-a for a < ln2 / 256: the first omitted term is under 1e-18.
        final double sliver = 1.0 - a * (1.0 - a * (0.5 - a * (1.0 / 6 - a * (1.0 / 24 - a / 120))));
        return Math.scalb(HALF_POWERS[step] * sliver, -(int)whole);
    }

    /**
     * Closed form of the decay: how long until {@code points} decay strictly below {@code limit}.
     *
     * @param points positive behavioural points now.
     * @param limit  positive level to fall under.
     * @return nanoseconds, at least 1, or {@link Long#MAX_VALUE} when never (in any useful time).
     */
    public long nsUntilBelow(final double points, final double limit)
    {
        if (limit <= 0.0)
        {
            return Long.MAX_VALUE;
        }
        if (points < limit)
        {
            return 1;
        }
        // points * 2^(-t / h) < limit  <=>  t > h * log2(points / limit)
        final double ns = (double)halfLifeNs * (StrictMath.log(points / limit) / LN2);
        if (ns >= (double)(Long.MAX_VALUE / 4))
        {
            return Long.MAX_VALUE;
        }
        return (long)StrictMath.ceil(ns) + 1;
    }

    /**
     * Round half up, the one rounding used for every score the engine reports or compares.
     * {@code Math.floor} is exact by definition (IEEE 754 round toward negative), so it gives the
     * same bits as {@code StrictMath.floor} on every platform, and it is an intrinsic where
     * {@code StrictMath.floor} is Java code: a twentieth of a mixed event's time.
     */
    public static long round(final double points)
    {
        return (long)Math.floor(points + 0.5);
    }

    private static double[] halfPowers()
    {
        final double[] powers = new double[FRACTION_STEPS];
        for (int k = 0; k < FRACTION_STEPS; k++)
        {
            powers[k] = StrictMath.pow(0.5, (double)k / FRACTION_STEPS);
        }
        return powers;
    }

    private static Map<String, Integer> defaultFormPoints()
    {
        final Map<String, Integer> points = new LinkedHashMap<>();
        points.put("demo_request", 40);
        points.put("pricing_inquiry", 30);
        points.put("free_trial", 35);
        points.put("contact_sales", 30);
        points.put("webinar", 10);
        points.put("ebook_download", 5);
        return Collections.unmodifiableMap(points);
    }

    private static Map<String, Integer> defaultTrialPoints()
    {
        final Map<String, Integer> points = new LinkedHashMap<>();
        points.put("activated", 25);
        points.put("invited_team", 15);
        return Collections.unmodifiableMap(points);
    }
}
