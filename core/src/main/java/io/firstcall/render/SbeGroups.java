package io.firstcall.render;

import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.RoutingDecisionDecoder;

/**
 * Skipping an output's repeating groups to reach its variable data (tenant, lead, rep), for readers
 * that want only those: SBE reads a message's parts in order.
 */
public final class SbeGroups
{
    private SbeGroups()
    {
    }

    /**
     * Move an alert's limit past its four groups, to its variable data.
     */
    public static void skipAlertGroups(final AlertDecoder d)
    {
        for (final AlertDecoder.CriteriaDecoder entry : d.criteria())
        {
            entry.skipName();
        }
        for (final AlertDecoder.FirmographicDecoder entry : d.firmographic())
        {
            entry.sbeSkip();
        }
        for (final AlertDecoder.SignalsDecoder entry : d.signals())
        {
            entry.skipName();
        }
        for (final AlertDecoder.ActivityDecoder entry : d.activity())
        {
            entry.skipDetail();
        }
    }

    /**
     * Move a routing decision's limit past its five groups, to its variable data.
     */
    public static void skipRoutingGroups(final RoutingDecisionDecoder d)
    {
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
        for (final RoutingDecisionDecoder.LedgerDecoder entry : d.ledger())
        {
            entry.skipRep();
        }
        for (final RoutingDecisionDecoder.AlertedDecoder entry : d.alerted())
        {
            entry.skipRep();
        }
    }
}
