package io.firstcall.gateway.dashboard;

import java.util.Set;

/**
 * One row of the dashboard as of one point of the journals, immutable so the projection's thread can
 * hand it to the event loop that serves the browsers: a hot lead's episode or a rep. It carries the
 * JSON each kind of viewer is sent (a manager's and a rep's), and who may see it: its tenant and, for a
 * rep's view, the reps whose own queue it is in.
 *
 * @param key      unique on the board: {@code tenant/lead/episode} or {@code tenant/rep}.
 * @param tenant   the tenant it belongs to; no viewer of another tenant is ever sent it.
 * @param reps     the reps whose own view shows it (offered to them, or held by them).
 * @param json     the JSON object for managers and the operator; null when the row left the board.
 * @param repJson  the JSON object for a rep's own view: without other reps' names.
 */
record BoardCard(String key, String tenant, Set<String> reps, String json, String repJson)
{
    boolean isRemoval()
    {
        return null == json;
    }

    /**
     * @return the JSON {@code viewer} is sent, or null when it may not see this card.
     */
    String jsonFor(final Viewer viewer)
    {
        if (!viewer.seesTenant(tenant))
        {
            return null;
        }
        if (viewer.isRep())
        {
            return reps.contains(viewer.rep()) ? repJson : null;
        }
        return json;
    }
}
