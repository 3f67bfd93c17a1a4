package io.firstcall.gateway.dashboard;

import java.util.List;

/**
 * What changed on the board since the last publication, in the order it changed: leads (a removal
 * when one left the board) and reps. Immutable; handed from the projection's thread to the event loop.
 *
 * @param engineNs the engine time of the latest journal entry the projection had read.
 */
record BoardChanges(List<BoardCard> leads, List<BoardCard> reps, long engineNs)
{
    boolean isEmpty()
    {
        return leads.isEmpty() && reps.isEmpty();
    }
}
