package io.firstcall.gateway.dashboard;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One hot episode of a lead as the board shows it, changed by the projection as the journals say what
 * happened: hot (with its reasons), routed, offered to reps, claimed, escalated, queued for a manager,
 * closed by an outcome. Owned by the projection's thread; {@link #card()} makes the immutable copy.
 */
final class BoardLead
{
    enum State
    {
        /** Offered to reps, waiting for a claim. */
        OPEN,
        /** Claimed by a rep (or assigned in owned mode). */
        CLAIMED,
        /** Waiting in a manager queue. */
        QUEUED,
        /** Qualified, disqualified, an opportunity or a conversion: nothing left to do on the board. */
        CLOSED
    }

    final String key;
    final String tenant;
    final String lead;
    final int episode;
    final long hotNs;
    final long hotSequence;
    final List<String> criteria = new ArrayList<>(4);
    final Set<String> alerted = new LinkedHashSet<>(4);
    final Set<String> offers = new LinkedHashSet<>(4);
    int score;
    String name;
    String company;
    String team;
    String level = "primary";
    long deadlineNs;
    State state = State.OPEN;
    String holder;
    String claimedBy;
    long claimedNs;
    int escalations;
    String escalatedTo;
    String queue;
    long holdUntilNs;

    /**
     * @param hotSequence the journal sequence of the input that made it hot: orders leads hot in the same instant.
     */
    BoardLead(
        final String key, final String tenant, final String lead, final int episode, final long hotNs, final long hotSequence)
    {
        this.hotSequence = hotSequence;
        this.key = key;
        this.tenant = tenant;
        this.lead = lead;
        this.episode = episode;
        this.hotNs = hotNs;
    }

    /**
     * @return {@code tenant/lead/episode}, with any '/' (and '%') in the ids escaped, so no two
     * tenants' leads can share a key.
     */
    static String key(final String tenant, final String lead, final int episode)
    {
        return keyPart(tenant) + '/' + keyPart(lead) + '/' + episode;
    }

    static String keyPart(final String id)
    {
        return id.indexOf('/') < 0 && id.indexOf('%') < 0 ? id : id.replace("%", "%25").replace("/", "%2F");
    }

    boolean isOpen()
    {
        return State.CLOSED != state;
    }

    BoardCard card()
    {
        final Set<String> reps = new LinkedHashSet<>(offers);
        if (null != holder)
        {
            reps.add(holder);
        }
        return new BoardCard(key, tenant, Set.copyOf(reps),
            CardJson.object(g -> write(g, true)), CardJson.object(g -> write(g, false)));
    }

    BoardCard removal()
    {
        final Set<String> reps = new LinkedHashSet<>(offers);
        if (null != holder)
        {
            reps.add(holder);
        }
        return new BoardCard(key, tenant, Set.copyOf(reps), null, null);
    }

    /**
     * @param everyone true for managers: who else was alerted and where it escalated to.
     */
    private void write(final JsonGenerator g, final boolean everyone) throws IOException
    {
        g.writeStringField("key", key);
        g.writeStringField("tenant", tenant);
        g.writeStringField("lead", lead);
        g.writeNumberField("episode", episode);
        CardJson.stringOrNull(g, "name", name);
        CardJson.stringOrNull(g, "company", company);
        g.writeNumberField("hotAt", CardJson.ms(hotNs));
        g.writeNumberField("seq", hotSequence);
        g.writeNumberField("score", score);
        g.writeArrayFieldStart("criteria");
        for (final String criterion : criteria)
        {
            g.writeString(criterion);
        }
        g.writeEndArray();
        CardJson.stringOrNull(g, "team", team);
        g.writeStringField("state", state.name().toLowerCase());
        g.writeStringField("level", level);
        g.writeNumberField("deadline", 0 == deadlineNs ? 0 : CardJson.ms(deadlineNs));
        if (everyone)
        {
            g.writeArrayFieldStart("alerted");
            for (final String rep : alerted)
            {
                g.writeString(rep);
            }
            g.writeEndArray();
        }
        CardJson.stringOrNull(g, "claimedBy", claimedBy);
        g.writeNumberField("claimMs", null == claimedBy ? -1 : CardJson.ms(claimedNs - hotNs));
        g.writeNumberField("escalations", escalations);
        if (everyone)
        {
            CardJson.stringOrNull(g, "escalatedTo", escalatedTo);
            CardJson.stringOrNull(g, "queue", queue);
        }
    }
}
