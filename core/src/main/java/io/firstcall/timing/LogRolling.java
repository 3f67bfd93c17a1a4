package io.firstcall.timing;

import java.util.Locale;

/**
 * When the interval log is rolled (renamed aside and a new one begun) and how many rolled files are
 * kept. {@link #DAILY} rolls at the first interval of each UTC day; both modes also roll a file that
 * has reached {@link #maxBytes()}, so no file grows without bound.
 */
public final class LogRolling
{
    public static final String DAILY = "daily";
    public static final String SIZE = "size";

    private final boolean isDaily;
    private final long maxBytes;
    private final int keep;

    /**
     * @param mode {@link #DAILY} or {@link #SIZE}.
     * @param maxBytes a file this large is rolled, in both modes.
     * @param keep rolled files kept; older ones are deleted.
     * @throws IllegalArgumentException naming what is wrong.
     */
    public LogRolling(final String mode, final long maxBytes, final int keep)
    {
        final String lowerMode = mode.toLowerCase(Locale.ROOT);
        if (!DAILY.equals(lowerMode) && !SIZE.equals(lowerMode))
        {
            throw new IllegalArgumentException("roll mode must be daily or size: " + mode);
        }
        if (maxBytes < 1024)
        {
            throw new IllegalArgumentException("maxBytes must be >= 1024: " + maxBytes);
        }
        if (keep < 0)
        {
            throw new IllegalArgumentException("keep must be >= 0: " + keep);
        }
        isDaily = DAILY.equals(lowerMode);
        this.maxBytes = maxBytes;
        this.keep = keep;
    }

    public boolean isDaily()
    {
        return isDaily;
    }

    public long maxBytes()
    {
        return maxBytes;
    }

    public int keep()
    {
        return keep;
    }
}
