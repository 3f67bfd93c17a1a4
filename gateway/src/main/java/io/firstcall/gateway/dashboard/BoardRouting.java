package io.firstcall.gateway.dashboard;

import io.firstcall.render.SbeGroups;
import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.BooleanType;
import io.firstcall.codec.ClaimDecisionDecoder;
import io.firstcall.codec.Level;
import io.firstcall.codec.RoutingDecisionDecoder;

/**
 * How routing outputs change the board: a routing decision (the team, the reps alerted, the claim
 * deadline, the fairness ledger, a manager queue), an alert (the lead's name and company, one rep
 * offered it) and a claim decision (who claimed it and when). Kept apart from the
 * {@link BoardProjection} so each stays small; SBE var fields are read in schema order.
 */
final class BoardRouting
{
    private BoardRouting()
    {
    }

    static void onRouted(final BoardProjection board, final RoutingDecisionDecoder d)
    {
        final boolean escalated = BooleanType.TRUE == d.escalated();
        final Level level = d.level();
        final long deadlineNs = d.deadlineNs();
        final int episode = d.episode();
        for (final RoutingDecisionDecoder.PoolDecoder entry : d.pool())
        {
            entry.skipRep();
        }
        for (final RoutingDecisionDecoder.ExcludedDecoder entry : d.excluded())
        {
            entry.skipRep();
        }
        for (final RoutingDecisionDecoder.LapsedDecoder entry : d.lapsed())
        {
            entry.skipRep();
        }
        final RoutingDecisionDecoder.LedgerDecoder ledger = d.ledger();
        final int ledgerCount = ledger.count();
        final long[] credits = new long[ledgerCount];
        final String[] ledgerReps = new String[ledgerCount];
        for (int i = 0; i < ledgerCount; i++)
        {
            ledger.next();
            credits[i] = ledger.credit();
            ledgerReps[i] = ledger.rep();
        }
        final RoutingDecisionDecoder.AlertedDecoder alertedGroup = d.alerted();
        final String[] alerted = new String[alertedGroup.count()];
        for (int i = 0; i < alerted.length; i++)
        {
            alerted[i] = alertedGroup.next().rep();
        }
        final String tenant = d.tenant();
        final String leadId = d.lead();
        final String team = d.team();
        final String managerQueue = d.managerQueue();

        for (int i = 0; i < ledgerCount; i++)
        {
            final BoardRep rep = board.rep(tenant, ledgerReps[i]);
            if (rep.credit != credits[i])
            {
                rep.credit = credits[i];
                board.changed(rep);
            }
        }
        final BoardLead lead = board.lead(tenant, leadId, episode);
        if (null == lead)
        {
            return;
        }
        if (!team.isEmpty() && null == lead.team)
        {
            lead.team = team;
        }
        lead.level = level(level);
        if (0 != deadlineNs)
        {
            lead.deadlineNs = deadlineNs;
        }
        for (final String rep : alerted)
        {
            lead.alerted.add(rep);
            lead.offers.add(rep);
        }
        if (!managerQueue.isEmpty())
        {
            lead.state = BoardLead.State.QUEUED;
            lead.queue = managerQueue;
            lead.deadlineNs = 0;
        }
        else if (escalated && BoardLead.State.CLAIMED != lead.state)
        {
            lead.state = BoardLead.State.OPEN;
        }
        board.changed(lead);
    }

    static void onAlert(final BoardProjection board, final AlertDecoder d)
    {
        final long nowNs = d.timeNs();
        final long deadlineNs = d.claimDeadlineNs();
        final Level level = d.level();
        final int episode = d.episode();
        SbeGroups.skipAlertGroups(d);
        final String tenant = d.tenant();
        final String leadId = d.lead();
        final String repId = d.rep();
        final String name = d.name();
        d.skipEmail();
        d.skipPhone();
        final String company = d.company();
        d.skipIndustry();
        d.skipRegion();
        d.skipProduct();
        final String team = d.team();

        // An alert to a manager queue names the queue where a rep would be: it is no rep's alert.
        final boolean toRep = !repId.isEmpty() && Level.QUEUE != level;
        if (toRep)
        {
            final BoardRep rep = board.rep(tenant, repId);
            rep.today(nowNs);
            rep.alertsToday++;
            board.changed(rep);
        }
        final BoardLead lead = board.lead(tenant, leadId, episode);
        if (null == lead)
        {
            return;
        }
        lead.name = name.isEmpty() ? lead.name : name;
        lead.company = company.isEmpty() ? lead.company : company;
        if (!team.isEmpty() && null == lead.team)
        {
            lead.team = team;
        }
        if (toRep && BoardLead.State.CLAIMED != lead.state)
        {
            lead.alerted.add(repId);
            lead.offers.add(repId);
        }
        if (0 != deadlineNs)
        {
            lead.deadlineNs = deadlineNs;
        }
        if (!toRep && Level.QUEUE == level)
        {
            lead.state = BoardLead.State.QUEUED;
            lead.queue = repId;
            lead.deadlineNs = 0;
        }
        lead.level = level(level);
        board.changed(lead);
    }

    static void onClaim(final BoardProjection board, final ClaimDecisionDecoder d)
    {
        final long nowNs = d.timeNs();
        final boolean claimed = BooleanType.TRUE == d.claimed();
        final boolean alerted = BooleanType.TRUE == d.alerted();
        final int episode = d.episode();
        final String tenant = d.tenant();
        final String leadId = d.lead();
        final String claimant = d.rep();
        final String holder = d.claimedBy();
        if (!claimed)
        {
            return;
        }
        final String rep = holder.isEmpty() ? claimant : holder;
        if (alerted)
        {
            final BoardRep claimer = board.rep(tenant, rep);
            claimer.today(nowNs);
            claimer.claimsToday++;
            board.changed(claimer);
        }
        final BoardLead lead = board.lead(tenant, leadId, episode);
        if (null == lead)
        {
            return;
        }
        lead.state = BoardLead.State.CLAIMED;
        lead.claimedBy = rep;
        lead.claimedNs = nowNs;
        lead.offers.clear();
        lead.deadlineNs = 0;
        board.hold(lead, rep, nowNs);
        board.changed(lead);
    }

    private static String level(final Level level)
    {
        return Level.BACKUP == level ? "backup" : Level.QUEUE == level ? "queue" : "primary";
    }
}
