package io.firstcall.engine;

import io.firstcall.engine.lead.LeadTable;
import io.firstcall.engine.timer.TimerPayload;
import io.firstcall.engine.timer.TimerService;

/**
 * Forgets leads nobody needs any more, so a tenant's memory holds its live leads, not every lead it
 * ever saw. With the tenant's {@code leads.evictAfter} set, a lead is evicted at the first journaled
 * tick at or after its last activity plus that horizon, if it has no open episode then (no standing
 * offer or manager-queue wait, no pending claim window, capacity hold or score-decay timer);
 * otherwise at the tick that closes its last open part (the hold, decay or claim timer firing), if
 * it is still inactive. Each eviction is recorded as {@code LeadEvicted}. An event naming the lead
 * again later creates it afresh.
 * <p>
 * Time comes only from journaled ticks, through one {@link TimerPayload#EVICTION} timer per lead:
 * set when the lead is first active and, when it fires, either moved to the new horizon (the lead
 * was active since) or spent. An event only records the lead's activity time, so the hot path pays
 * one store. At most {@link #MAX_CHECKS_PER_TICK} eviction checks run per tick; any more due at
 * once are moved to the next tick, in the order they fell due, so one tick never stalls the engine
 * on a mass eviction.
 */
final class LeadEvictions
{
    static final int MAX_CHECKS_PER_TICK = 4096;

    private final TimerService timers;
    private final MachineRecords records;
    private int checks;

    LeadEvictions(final TimerService timers, final MachineRecords records)
    {
        this.timers = timers;
        this.records = records;
    }

    /**
     * A tick begins: a new budget of checks.
     */
    void onTick()
    {
        checks = 0;
    }

    /**
     * An event named the lead at {@code nowNs}.
     */
    void onActivity(final Tenant tenant, final int lead, final long nowNs)
    {
        final LeadTable leads = tenant.leads();
        leads.touch(lead, nowNs);
        final long horizonNs = tenant.leadEvictionNs();
        if (0 != horizonNs && LeadTable.NO_TIMER == leads.evictTimerId(lead))
        {
            schedule(tenant, lead, due(nowNs, horizonNs));
        }
    }

    /**
     * The lead's eviction timer fired.
     */
    void onTimer(final Tenant tenant, final int lead, final long nowNs)
    {
        final LeadTable leads = tenant.leads();
        leads.evictTimerId(lead, LeadTable.NO_TIMER);
        final long horizonNs = tenant.leadEvictionNs();
        if (0 == horizonNs)
        {
            return;
        }
        if (checks >= MAX_CHECKS_PER_TICK)
        {
            schedule(tenant, lead, nowNs + 1);
            return;
        }
        checks++;
        final long dueNs = due(leads.lastActivityNs(lead), horizonNs);
        if (dueNs > nowNs)
        {
            schedule(tenant, lead, dueNs);
        }
        else if (!episodeOpen(tenant, lead))
        {
            evict(tenant, lead, nowNs);
        }
        // Else the lead waits, timer-less, for its open episode's last timer: afterTimer.
    }

    /**
     * Another of the lead's timers (claim window, hold, decay) fired at {@code nowNs}: a lead past its
     * horizon that was waiting for it is evicted now.
     */
    void afterTimer(final Tenant tenant, final int lead, final long nowNs)
    {
        final LeadTable leads = tenant.leads();
        final long horizonNs = tenant.leadEvictionNs();
        if (0 == horizonNs || !leads.isLive(lead) || LeadTable.NO_TIMER != leads.evictTimerId(lead) ||
            due(leads.lastActivityNs(lead), horizonNs) > nowNs || episodeOpen(tenant, lead))
        {
            return;
        }
        if (checks >= MAX_CHECKS_PER_TICK)
        {
            schedule(tenant, lead, nowNs + 1);
            return;
        }
        checks++;
        evict(tenant, lead, nowNs);
    }

    /**
     * The tenant's horizon changed (a configuration change): every lead's timer is set for the new
     * one, in lead order; with eviction off, removed.
     */
    void rearm(final Tenant tenant)
    {
        final LeadTable leads = tenant.leads();
        final long horizonNs = tenant.leadEvictionNs();
        for (int lead = 0, limit = leads.limit(); lead < limit; lead++)
        {
            if (!leads.isLive(lead))
            {
                continue;
            }
            final long timerId = leads.evictTimerId(lead);
            if (LeadTable.NO_TIMER != timerId)
            {
                timers.cancel(timerId);
                leads.evictTimerId(lead, LeadTable.NO_TIMER);
            }
            if (0 != horizonNs)
            {
                schedule(tenant, lead, due(leads.lastActivityNs(lead), horizonNs));
            }
        }
    }

    private static boolean episodeOpen(final Tenant tenant, final int lead)
    {
        return tenant.scoring().decayPending(lead) || tenant.routing().episodeOpen(lead);
    }

    private void evict(final Tenant tenant, final int lead, final long nowNs)
    {
        final LeadTable leads = tenant.leads();
        records.leadEvicted(leads, lead, tenant.rules().version(), leads.lastActivityNs(lead));
        tenant.scoring().forget(lead);
        tenant.routing().forget(lead);
        leads.evict(lead);
    }

    private void schedule(final Tenant tenant, final int lead, final long deadlineNs)
    {
        final LeadTable leads = tenant.leads();
        leads.evictTimerId(lead, timers.schedule(deadlineNs,
            TimerPayload.payload(TimerPayload.EVICTION, leads.tenantIndex(), lead)));
    }

    private static long due(final long lastActivityNs, final long horizonNs)
    {
        return lastActivityNs > Long.MAX_VALUE - horizonNs ? Long.MAX_VALUE : lastActivityNs + horizonNs;
    }
}
