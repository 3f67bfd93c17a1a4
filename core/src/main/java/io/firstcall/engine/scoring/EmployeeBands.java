package io.firstcall.engine.scoring;

/**
 * Points by company size: bands of {@code [min, max]} employees, inclusive, that do not overlap
 * (the parser checks). A band without a max is open-ended.
 */
public final class EmployeeBands
{
    public static final int MISSING = -1;
    public static final int OPEN = Integer.MAX_VALUE;
    static final EmployeeBands EMPTY = new EmployeeBands(new int[0], new int[0], new int[0]);

    private final int[] min;
    private final int[] max;
    private final int[] points;

    /**
     * @param max {@link #OPEN} for a band without an upper bound.
     */
    public EmployeeBands(final int[] min, final int[] max, final int[] points)
    {
        this.min = min.clone();
        this.max = max.clone();
        this.points = points.clone();
    }

    public int size()
    {
        return points.length;
    }

    /**
     * @param employees the lead's head count, negative when unknown.
     * @return the band's index, or {@link #MISSING}.
     */
    public int find(final int employees)
    {
        if (employees < 0)
        {
            return MISSING;
        }
        for (int i = 0; i < points.length; i++)
        {
            if (employees >= min[i] && employees <= max[i])
            {
                return i;
            }
        }
        return MISSING;
    }

    public int points(final int index)
    {
        return points[index];
    }

    public int min(final int index)
    {
        return min[index];
    }

    public int max(final int index)
    {
        return max[index];
    }
}
