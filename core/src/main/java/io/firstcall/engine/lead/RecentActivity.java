package io.firstcall.engine.lead;

import io.firstcall.engine.output.DetailBuilder;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The last few things a lead did (forms, visits, trial milestones, calls, emails...), kept in a
 * small ring so an alert can show the rep what just happened. Allocated once per lead, on its
 * first activity; recording never allocates after that unless a detail outgrows its field.
 */
public final class RecentActivity
{
    public static final int CAPACITY = 10;

    /**
     * The kinds of activity, by wire name.
     */
    public enum Kind
    {
        FORM("form"),
        VISIT("visit"),
        TRIAL("trial"),
        SCORE("score"),
        CALL("call"),
        EMAIL("email"),
        SMS("sms"),
        QUALIFICATION("qualification"),
        OPPORTUNITY("opportunity"),
        CONVERSION("conversion");

        private final byte[] wireName;

        Kind(final String wireName)
        {
            this.wireName = wireName.getBytes(StandardCharsets.US_ASCII);
        }

        public byte[] wireName()
        {
            return wireName;
        }
    }

    private final Kind[] kinds = new Kind[CAPACITY];
    private final long[] timesNs = new long[CAPACITY];
    private final TextField[] details = new TextField[CAPACITY];
    private int next;
    private int size;

    public RecentActivity()
    {
        for (int i = 0; i < CAPACITY; i++)
        {
            details[i] = new TextField();
        }
    }

    public void record(final Kind kind, final long nowNs, final DirectBuffer detail, final int offset, final int length)
    {
        kinds[next] = kind;
        timesNs[next] = nowNs;
        details[next].set(detail, offset, length);
        next = (next + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    public int size()
    {
        return size;
    }

    /**
     * Append the newest {@code limit} entries, newest first, as a JSON array:
     * {@code [{"type":"form","detail":"demo_request","atMs":1764208626870},...]}.
     */
    public void render(final DetailBuilder out, final int limit)
    {
        out.raw('[');
        final int n = Math.min(limit, size);
        for (int i = 0; i < n; i++)
        {
            final int slot = Math.floorMod(next - 1 - i, CAPACITY);
            if (i > 0)
            {
                out.raw(',');
            }
            out.raw("{\"type\":\"").escaped(kinds[slot].wireName()).raw("\",\"detail\":")
                .quoted(details[slot].buffer(), 0, details[slot].length())
                .raw(",\"atMs\":").number(Math.floorDiv(timesNs[slot], 1_000_000L)).raw('}');
        }
        out.raw(']');
    }
}
