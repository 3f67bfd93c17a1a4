package io.firstcall.engine.routing;

import io.firstcall.codec.PresenceStatus;
import io.firstcall.engine.lead.LeadTable;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The routing planner alone, for a benchmark: a rep book bound to {@code roster} with every rep
 * available. Lives in the routing package (in bench/) to reach the package-private planner.
 */
public final class PlannerProbe
{
    private final RoutingPlanner planner = new RoutingPlanner();
    private final RepBook book = new RepBook();

    public PlannerProbe(final Roster roster)
    {
        book.bind(roster);
        for (int i = 0; i < roster.repCount(); i++)
        {
            final byte[] id = roster.rep(i).idBytes();
            book.presence(book.stateOrAdd(new UnsafeBuffer(id), 0, id.length), PresenceStatus.AVAILABLE);
        }
    }

    /**
     * Plan the first offer of an episode for {@code lead}.
     *
     * @return how many reps were chosen.
     */
    public int route(final LeadTable leads, final int lead, final long nowNs)
    {
        planner.route(book, leads, lead, nowNs);
        return planner.chosenCount();
    }
}
