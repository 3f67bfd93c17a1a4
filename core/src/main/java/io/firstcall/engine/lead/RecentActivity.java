package io.firstcall.engine.lead;

import io.firstcall.engine.output.DetailBuilder;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * The last few things a lead did (forms, visits, trial milestones, calls, emails...), so an alert
 * can show the rep what just happened. Recorded on every lead event, so it is kept cheap: one small
 * array per lead, allocated with the lead, holding a ring of fixed-size entries; recording one is
 * a copy into one entry and never allocates.
 * <pre>
 *   entry (48 bytes): [time ns: int64][kind: uint8][detail length: uint8][detail: up to 38 bytes]
 * </pre>
 * A detail longer than {@link #MAX_DETAIL_BYTES} is cut at a UTF-8 character boundary.
 */
public final class RecentActivity
{
    public static final int CAPACITY = 8;
    public static final int MAX_DETAIL_BYTES = 38;
    private static final int ENTRY_BYTES = 48;
    private static final int KIND_OFFSET = 8;
    private static final int LENGTH_OFFSET = 9;
    private static final int DETAIL_OFFSET = 10;
    private static final Kind[] KINDS = Kind.values();

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

    private final UnsafeBuffer entries = new UnsafeBuffer(new byte[CAPACITY * ENTRY_BYTES]);
    private int next;
    private int size;

    public void record(final Kind kind, final long nowNs, final DirectBuffer detail, final int offset, final int length)
    {
        final int entry = next * ENTRY_BYTES;
        final int kept = fit(detail, offset, length);
        entries.putLong(entry, nowNs);
        entries.putByte(entry + KIND_OFFSET, (byte)kind.ordinal());
        entries.putByte(entry + LENGTH_OFFSET, (byte)kept);
        entries.putBytes(entry + DETAIL_OFFSET, detail, offset, kept);
        next = (next + 1) % CAPACITY;
        if (size < CAPACITY)
        {
            size++;
        }
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
            final int entry = Math.floorMod(next - 1 - i, CAPACITY) * ENTRY_BYTES;
            out.raw(i > 0 ? ",{\"type\":\"" : "{\"type\":\"")
                .escaped(KINDS[entries.getByte(entry + KIND_OFFSET)].wireName())
                .raw("\",\"detail\":")
                .quoted(entries, entry + DETAIL_OFFSET, entries.getByte(entry + LENGTH_OFFSET))
                .raw(",\"atMs\":").number(Math.floorDiv(entries.getLong(entry), 1_000_000L)).raw('}');
        }
        out.raw(']');
    }

    /**
     * @return how many of the detail's bytes to keep: all, or as many as fit without splitting a
     * UTF-8 character.
     */
    private static int fit(final DirectBuffer detail, final int offset, final int length)
    {
        if (length <= MAX_DETAIL_BYTES)
        {
            return length;
        }
        int kept = MAX_DETAIL_BYTES;
        while (kept > 0 && (detail.getByte(offset + kept) & 0xC0) == 0x80)
        {
            kept--;
        }
        return kept;
    }
}
