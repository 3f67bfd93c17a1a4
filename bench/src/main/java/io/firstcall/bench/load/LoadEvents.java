package io.firstcall.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * What event {@code i} of a phase is, and its identifiers, written as ASCII into caller arrays
 * without allocating (the load generator shares its JVM with the server it measures).
 * <ul>
 *   <li>hot: a demo_request form for a lead never seen before, {@code h<run>-<phase>-<i>}, owned by
 *   rep {@code i mod reps}, so it is alerted to that rep at once (no cooldown applies);</li>
 *   <li>otherwise a page visit (three in four) or an ebook_download form (one in four) for one of
 *   10,000 returning leads {@code c<n>}: decided, journaled, not hot.</li>
 * </ul>
 * Hot events are spread evenly: event {@code i} is hot when {@code floor((i + 1) f) > floor(i f)}.
 */
final class LoadEvents
{
    static final int HOT = 0;
    static final int VISIT = 1;
    static final int EBOOK = 2;
    static final byte[] HOT_FORM = bytes("demo_request");
    static final byte[] EBOOK_FORM = bytes("ebook_download");
    static final byte[][] PAGES = {bytes("/features"), bytes("/blog/speed-to-lead"), bytes("/integrations")};
    private static final int RETURNING_LEADS = 10_000;

    private final byte[] run;
    private final double hotFraction;
    private final byte[][] reps;

    /**
     * @param run         a tag unique to this run, so ids and hot leads are fresh on a server that
     *                    has seen earlier runs.
     * @param hotFraction share of events that are hot, 0..1.
     * @param reps        the rep ids hot leads are owned by, round robin.
     */
    LoadEvents(final String run, final double hotFraction, final String[] reps)
    {
        this.run = bytes(run);
        this.hotFraction = hotFraction;
        this.reps = new byte[reps.length][];
        for (int i = 0; i < reps.length; i++)
        {
            this.reps[i] = bytes(reps[i]);
        }
    }

    byte[] run()
    {
        return run;
    }

    int kind(final long index)
    {
        if ((long)((index + 1) * hotFraction) > (long)(index * hotFraction))
        {
            return HOT;
        }
        return (index & 3) == 3 ? EBOOK : VISIT;
    }

    /**
     * @return hot events among the first {@code count}.
     */
    long hotCount(final long count)
    {
        return (long)(count * hotFraction);
    }

    byte[] owner(final long index)
    {
        return reps[(int)(index % reps.length)];
    }

    byte[] page(final long index)
    {
        return PAGES[(int)((index >>> 2) % PAGES.length)];
    }

    /**
     * Event id {@code <run>-<phase>-<index>}.
     *
     * @return the length written.
     */
    int eventId(final byte[] dst, final int offset, final int phase, final long index)
    {
        int position = offset;
        System.arraycopy(run, 0, dst, position, run.length);
        position += run.length;
        dst[position++] = '-';
        position = Ascii.putLong(dst, position, phase);
        dst[position++] = '-';
        position = Ascii.putLong(dst, position, index);
        return position - offset;
    }

    /**
     * The lead: {@code h<run>-<phase>-<index>} for a hot event, {@code c<n>} otherwise.
     *
     * @return the length written.
     */
    int leadId(final byte[] dst, final int offset, final int phase, final long index)
    {
        if (HOT == kind(index))
        {
            dst[offset] = 'h';
            return 1 + eventId(dst, offset + 1, phase, index);
        }
        dst[offset] = 'c';
        return Ascii.putLong(dst, offset + 1, index % RETURNING_LEADS) - offset;
    }

    static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
