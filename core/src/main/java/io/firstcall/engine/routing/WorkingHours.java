package io.firstcall.engine.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Set;

/**
 * A rep's working hours: the days of the week and a local start and end time in the rep's time
 * zone. An end before the start is a shift that runs past midnight; it belongs to the day it starts.
 * <p>
 * The zone's offset is cached until the zone's next transition, so the engine thread asks the
 * zone rules (which allocate) about twice a year per rep rather than on every routing decision.
 * The cache is a pure function of engine time, so replay sees the same answers.
 */
public final class WorkingHours
{
    private static final int SECONDS_PER_DAY = 86_400;

    private final int dayMask;
    private final int startSecond;
    private final int endSecond;
    private final ZoneId zone;
    private final ZoneRules rules;
    private long offsetFromSecond = Long.MAX_VALUE;
    private long offsetToSecond = Long.MIN_VALUE;
    private int offsetSeconds;

    /**
     * @param startSecond the local start, seconds after midnight.
     * @param endSecond   the local end (exclusive), seconds after midnight; before the start for a night shift.
     */
    public WorkingHours(final Set<DayOfWeek> days, final int startSecond, final int endSecond, final ZoneId zone)
    {
        int mask = 0;
        for (final DayOfWeek day : days)
        {
            mask |= 1 << (day.getValue() - 1);
        }
        this.dayMask = mask;
        this.startSecond = startSecond;
        this.endSecond = endSecond;
        this.zone = zone;
        this.rules = zone.getRules();
    }

    public ZoneId zone()
    {
        return zone;
    }

    /**
     * @return true when {@code nowNs} (engine time, UTC epoch) falls inside these hours.
     */
    public boolean contains(final long nowNs)
    {
        final long epochSecond = Math.floorDiv(nowNs, 1_000_000_000L);
        final long local = epochSecond + offsetAt(epochSecond);
        final long day = Math.floorDiv(local, SECONDS_PER_DAY);
        final int secondOfDay = (int)Math.floorMod(local, SECONDS_PER_DAY);
        final int weekday = (int)Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday; Monday is 0
        if (startSecond < endSecond)
        {
            return works(weekday) && secondOfDay >= startSecond && secondOfDay < endSecond;
        }
        return (works(weekday) && secondOfDay >= startSecond) || (works((weekday + 6) % 7) && secondOfDay < endSecond);
    }

    private boolean works(final int weekday)
    {
        return 0 != (dayMask & (1 << weekday));
    }

    private int offsetAt(final long epochSecond)
    {
        if (epochSecond < offsetFromSecond || epochSecond >= offsetToSecond)
        {
            final Instant instant = Instant.ofEpochSecond(epochSecond);
            offsetSeconds = rules.getOffset(instant).getTotalSeconds();
            final ZoneOffsetTransition next = rules.nextTransition(instant);
            offsetFromSecond = epochSecond;
            offsetToSecond = null == next ? Long.MAX_VALUE : next.toEpochSecond();
        }
        return offsetSeconds;
    }
}
