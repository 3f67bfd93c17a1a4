package io.firstcall.engine.routing;

import io.firstcall.engine.lead.Lead;
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
    void hold(final TenantRouting tenant, final Lead lead, final Episode episode, final int state, final long nowNs)
    {
        release(tenant, episode);
        final RepBook book = tenant.reps();
        book.hold(state);
        episode.hold(state, timers.schedule(nowNs + book.roster().holdNs(),
            TimerPayload.payload(TimerPayload.HOLD, tenant.leads().tenantIndex(), lead.index())));
    }

    /**
     * The lead no longer counts against anyone.
     */
    void release(final TenantRouting tenant, final Episode episode)
    {
        if (Episode.NO_REP == episode.holder())
        {
            return;
        }
        if (Episode.NO_TIMER != episode.holdTimerId())
        {
            timers.cancel(episode.holdTimerId());
        }
        tenant.reps().release(episode.holder());
        episode.hold(Episode.NO_REP, Episode.NO_TIMER);
    }

    /**
     * The hold time passed.
     */
    void onTimer(final TenantRouting tenant, final Episode episode)
    {
        episode.hold(episode.holder(), Episode.NO_TIMER);
        release(tenant, episode);
    }
}
