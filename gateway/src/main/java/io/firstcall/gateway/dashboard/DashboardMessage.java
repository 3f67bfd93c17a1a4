package io.firstcall.gateway.dashboard;

/**
 * One message to a browser, put together from card JSON already rendered:
 * {@code {"type":"delta","now":ms,"engine":ms,"leads":[..],"removed":[..],"reps":[..],"removedReps":[..]}}
 * and, for a snapshot, {@code "reset"} on its first chunk and {@code "last"} on its last.
 */
final class DashboardMessage
{
    private final String type;
    private final long nowMs;
    private final long engineNs;
    private final StringBuilder leads = new StringBuilder();
    private final StringBuilder reps = new StringBuilder();
    private final StringBuilder removed = new StringBuilder();
    private final StringBuilder removedReps = new StringBuilder();
    private boolean continued;
    private boolean last;

    DashboardMessage(final String type, final long nowMs, final long engineNs)
    {
        this.type = type;
        this.nowMs = nowMs;
        this.engineNs = engineNs;
    }

    DashboardMessage continued()
    {
        continued = true;
        return this;
    }

    DashboardMessage last()
    {
        last = true;
        return this;
    }

    void add(final boolean isLead, final String json)
    {
        append(isLead ? leads : reps, json);
    }

    void remove(final boolean isLead, final String key)
    {
        // Keys are tenant/lead/episode or tenant/rep: ids the gateway accepted, quoted as JSON strings.
        append(isLead ? removed : removedReps, CardJson.quoted(key));
    }

    boolean isEmpty()
    {
        return leads.length() == 0 && reps.length() == 0 && removed.length() == 0 && removedReps.length() == 0;
    }

    String toJson()
    {
        final StringBuilder out = new StringBuilder(64 + leads.length() + reps.length() + removed.length());
        out.append("{\"type\":\"").append(type).append("\",\"now\":").append(nowMs)
            .append(",\"engine\":").append(CardJson.ms(engineNs));
        if ("snapshot".equals(type))
        {
            out.append(",\"reset\":").append(!continued).append(",\"last\":").append(last);
        }
        out.append(",\"leads\":[").append(leads).append("],\"reps\":[").append(reps)
            .append("],\"removed\":[").append(removed).append("],\"removedReps\":[").append(removedReps).append("]}");
        return out.toString();
    }

    private static void append(final StringBuilder to, final String json)
    {
        if (to.length() > 0)
        {
            to.append(',');
        }
        to.append(json);
    }
}
