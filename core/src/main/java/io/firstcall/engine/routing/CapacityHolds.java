package io.firstcall.engine.routing;

import io.firstcall.engine.timer.TimerPayload;
import io.firstcall.engine.timer.TimerService;

/**
 * Which rep each lead counts against for capacity. A lead is held by its owned-mode owner from the
 * offer, and by whoever claims it, until an outcome (qualification, opportunity, conversion), a claim
 * by someone else, the offer lapsing, or the roster's {@code holdFor} passing (a
 * {@link TimerPayload#HOLD} timer, fired by a journaled tick like every other).
 */
final class CapacityHolds
{
    private final TimerService timers;

    CapacityHolds(final TimerService timers)
    {
        this.timers = timers;
    }

    /**
     * Count {@code lead} against rep {@code state} from {@code nowNs}, instead of its previous holder.
     */
    void hold(final TenantRouting tenant, final int lead, final int state, final long nowNs)
    {
        release(tenant, lead);
        final RepBook book = tenant.reps();
        book.hold(state);
        tenant.episodes().hold(lead, state, timers.schedule(nowNs + book.roster().holdNs(),
            TimerPayload.payload(TimerPayload.HOLD, tenant.leads().tenantIndex(), lead)));
    }

    /**
     * The lead no longer counts against anyone.
     */
    void release(final TenantRouting tenant, final int lead)
    {
        final EpisodeTable episodes = tenant.episodes();
        final int holder = episodes.holder(lead);
        if (EpisodeTable.NO_REP == holder)
        {
            return;
        }
        if (EpisodeTable.NO_TIMER != episodes.holdTimerId(lead))
        {
            timers.cancel(episodes.holdTimerId(lead));
        }
        tenant.reps().release(holder);
        episodes.hold(lead, EpisodeTable.NO_REP, EpisodeTable.NO_TIMER);
    }

    /**
     * The hold time passed.
     */
    void onTimer(final TenantRouting tenant, final int lead)
    {
        final EpisodeTable episodes = tenant.episodes();
        episodes.hold(lead, episodes.holder(lead), EpisodeTable.NO_TIMER);
        release(tenant, lead);
    }
}
