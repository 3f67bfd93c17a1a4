package io.firstcall.engine.timer;

/**
 * The long payload every engine timer carries: which owner it belongs to (its kind) and the
 * tenant and lead it is about. One wheel serves every owner, so the kind is what lets the
 * state machine hand an expired timer to the right one.
 * <pre>
 *   63        56 55                  32 31                                0
 *  +------------+----------------------+-----------------------------------+
 *  |    kind    |   tenant index (24)  |          lead index (32)          |
 *  +------------+----------------------+-----------------------------------+
 * </pre>
 * Claim timers are kind 0, so their payloads are the plain (tenant, lead) pair they always were.
 */
public final class TimerPayload
{
    /**
     * A hot episode's claim window ({@code routing.EpisodeOffers}).
     */
    public static final int CLAIM = 0;

    /**
     * The moment a hot-by-score lead's decaying score falls under the threshold ({@code scoring.HotLeadEvaluator}).
     */
    public static final int SCORE_DECAY = 1;

    /**
     * The end of the time a lead counts against its holder's capacity ({@code routing.CapacityHolds}).
     */
    public static final int HOLD = 2;

    /**
     * The moment a lead's eviction horizon passes since its last activity ({@code engine.LeadEvictions}).
     */
    public static final int EVICTION = 3;

    private static final long TENANT_MASK = 0xFF_FFFFL;

    private TimerPayload()
    {
    }

    public static long payload(final int kind, final int tenantIndex, final int leadIndex)
    {
        return ((long)kind << 56) | ((tenantIndex & TENANT_MASK) << 32) | (leadIndex & 0xFFFF_FFFFL);
    }

    public static int kind(final long payload)
    {
        return (int)(payload >>> 56);
    }

    public static int tenantIndex(final long payload)
    {
        return (int)((payload >>> 32) & TENANT_MASK);
    }

    public static int leadIndex(final long payload)
    {
        return (int)payload;
    }
}
