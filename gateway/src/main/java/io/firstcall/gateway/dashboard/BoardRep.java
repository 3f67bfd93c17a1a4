package io.firstcall.gateway.dashboard;

import java.util.Set;

/**
 * One rep as the reps panel shows them: presence (from their presence events), the leads they hold
 * against their capacity, their fairness credit (from the latest routing decision that listed them),
 * and today's alerts and claims (engine time, UTC day). Owned by the projection's thread.
 */
final class BoardRep
{
    static final int UNLIMITED = -1;

    final String key;
    final String tenant;
    final String rep;
    String name;
    String team;
    String presence = "unknown";
    int held;
    int capacity = UNLIMITED;
    int weight = 1;
    long credit;
    long day = Long.MIN_VALUE;
    int alertsToday;
    int claimsToday;

    BoardRep(final String tenant, final String rep)
    {
        this.key = BoardLead.keyPart(tenant) + '/' + BoardLead.keyPart(rep);
        this.tenant = tenant;
        this.rep = rep;
    }

    /**
     * Start a new day's counts when engine time has passed midnight UTC.
     */
    void today(final long nowNs)
    {
        final long today = Math.floorDiv(nowNs, 86_400_000_000_000L);
        if (today != day)
        {
            day = today;
            alertsToday = 0;
            claimsToday = 0;
        }
    }

    BoardCard card()
    {
        final String json = CardJson.object(g ->
        {
            g.writeStringField("key", key);
            g.writeStringField("tenant", tenant);
            g.writeStringField("rep", rep);
            CardJson.stringOrNull(g, "name", name);
            CardJson.stringOrNull(g, "team", team);
            g.writeStringField("presence", presence);
            g.writeNumberField("held", held);
            g.writeNumberField("capacity", capacity);
            g.writeNumberField("weight", weight);
            g.writeNumberField("credit", credit);
            g.writeNumberField("alertsToday", alertsToday);
            g.writeNumberField("claimsToday", claimsToday);
        });
        return new BoardCard(key, tenant, Set.of(rep), json, json);
    }
}
