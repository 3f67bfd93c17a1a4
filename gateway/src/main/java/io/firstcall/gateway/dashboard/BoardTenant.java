package io.firstcall.gateway.dashboard;

import io.firstcall.engine.routing.RepDefinition;
import io.firstcall.engine.routing.Roster;
import io.firstcall.engine.tenant.InvalidConfigException;
import io.firstcall.engine.tenant.TenantRules;
import io.firstcall.engine.tenant.TenantRulesParser;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A tenant's reps as the board knows them: everyone in its applied configuration (name, team, capacity,
 * weight), and anyone else the journals name. A configuration change is taken when the engine's
 * decision says it was applied, parsed here with the engine's own parser, off the engine thread.
 */
final class BoardTenant
{
    final String tenant;
    final Map<String, BoardRep> reps = new HashMap<>();
    long holdNs = Roster.DEFAULT_HOLD_NS;
    private String pendingDocument;

    BoardTenant(final String tenant)
    {
        this.tenant = tenant;
    }

    BoardRep rep(final String rep, final Consumer<BoardRep> onNew)
    {
        BoardRep known = reps.get(rep);
        if (null == known)
        {
            known = new BoardRep(tenant, rep);
            reps.put(rep, known);
            onNew.accept(known);
        }
        return known;
    }

    void configProposed(final String document)
    {
        pendingDocument = document;
    }

    /**
     * The engine applied the last proposed document: take its roster.
     */
    void configApplied(final Consumer<BoardRep> changed)
    {
        final String document = pendingDocument;
        pendingDocument = null;
        if (null == document)
        {
            return;
        }
        final TenantRules rules;
        try
        {
            rules = TenantRulesParser.parse(tenant, document);
        }
        catch (final InvalidConfigException ex)
        {
            // The engine applied it, so it parses; a parser that disagrees keeps the old roster.
            return;
        }
        final Roster roster = rules.roster();
        holdNs = roster.holdNs();
        for (int i = 0; i < roster.repCount(); i++)
        {
            final RepDefinition definition = roster.rep(i);
            final BoardRep rep = rep(definition.id(), r -> { });
            rep.name = definition.name();
            rep.team = definition.team() >= 0 && definition.team() < roster.teamCount() ?
                roster.team(definition.team()).id() : null;
            rep.capacity = RepDefinition.UNLIMITED == definition.capacity() ? BoardRep.UNLIMITED : definition.capacity();
            rep.weight = definition.weight();
            changed.accept(rep);
        }
    }
}
