package io.firstcall.engine.routing;

import io.firstcall.engine.lead.Lead;
import io.firstcall.engine.tenant.Tenant;
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
    void hold(final Tenant tenant, final Lead lead, final int state, final long nowNs)
    {
        release(tenant, lead);
        final RepBook book = tenant.reps();
        book.hold(state);
        lead.hold(state, timers.schedule(nowNs + book.roster().holdNs(),
            TimerPayload.payload(TimerPayload.HOLD, tenant.index(), lead.index())));
    }

    /**
     * The lead no longer counts against anyone.
     */
    void release(final Tenant tenant, final Lead lead)
    {
        if (Lead.NO_REP == lead.holder())
        {
            return;
        }
        if (Lead.NO_TIMER != lead.holdTimerId())
        {
            timers.cancel(lead.holdTimerId());
        }
        tenant.reps().release(lead.holder());
        lead.hold(Lead.NO_REP, Lead.NO_TIMER);
    }

    /**
     * The hold time passed.
     */
    void onTimer(final Tenant tenant, final Lead lead)
    {
        lead.hold(lead.holder(), Lead.NO_TIMER);
        release(tenant, lead);
    }
}
