package io.firstcall.gateway.demo;

/**
 * One simulated client event: its JSON line (no newline) and what the simulator needs to know about it.
 */
public final class SimEvent
{
    private final EventMix.Kind kind;
    private final String id;
    private final String lead;
    private final String line;

    SimEvent(final EventMix.Kind kind, final String id, final String lead, final String line)
    {
        this.kind = kind;
        this.id = id;
        this.lead = lead;
        this.line = line;
    }

    public EventMix.Kind kind()
    {
        return kind;
    }

    /**
     * @return the client id (idempotency key); a {@link EventMix.Kind#RETRY} repeats an earlier one.
     */
    public String id()
    {
        return id;
    }

    /**
     * @return the lead the event is about, or null for rep presence.
     */
    public String lead()
    {
        return lead;
    }

    public String line()
    {
        return line;
    }

    /**
     * @return true for a form kind the tenant's rules call hot: the event should raise an alert.
     */
    public boolean isHot()
    {
        return EventMix.Kind.HOT_FORM == kind;
    }

    public String toString()
    {
        return line;
    }
}
