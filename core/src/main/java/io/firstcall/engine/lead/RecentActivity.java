package io.firstcall.engine.lead;

import io.firstcall.codec.ActivityKind;
import org.agrona.DirectBuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The last few things a lead did (forms, visits, trial milestones, calls, emails...), so an alert
 * can show the rep what just happened. Recorded on every lead event, so it is kept cheap: one small
 * array per lead, allocated with the lead, holding a ring of fixed-size entries; recording one is
 * a copy into one entry and never allocates.
 * <pre>
 *   entry (48 bytes): [time ns: int64][kind: uint8][detail length: uint8][detail: up to 38 bytes]
 * </pre>
 * A detail longer than {@link #MAX_DETAIL_BYTES} is cut at a UTF-8 character boundary. Entries are
 * read newest first: entry 0 is the last one recorded. The entries are a plain array, not a buffer
 * object over one: recorded on nearly every event, one load fewer is one cache miss fewer.
 */
public final class RecentActivity
{
    public static final int CAPACITY = 8;
    public static final int MAX_DETAIL_BYTES = 38;
    private static final int ENTRY_BYTES = 48;
    private static final int KIND_OFFSET = 8;
    private static final int LENGTH_OFFSET = 9;
    private static final int DETAIL_OFFSET = 10;
    private static final ActivityKind[] KINDS = ActivityKind.values();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] entries = new byte[CAPACITY * ENTRY_BYTES];
    private int next;
    private int size;

    public void record(final ActivityKind kind, final long nowNs, final DirectBuffer detail, final int offset, final int length)
    {
        final int entry = next * ENTRY_BYTES;
        final int kept = fit(detail, offset, length);
        LONGS.set(entries, entry, nowNs);
        entries[entry + KIND_OFFSET] = (byte)kind.ordinal();
        entries[entry + LENGTH_OFFSET] = (byte)kept;
        detail.getBytes(offset, entries, entry + DETAIL_OFFSET, kept);
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
     * @param i 0 for the newest entry, up to {@code size() - 1}.
     */
    public ActivityKind kind(final int i)
    {
        return KINDS[entries[entry(i) + KIND_OFFSET]];
    }

    public long atNs(final int i)
    {
        return (long)LONGS.get(entries, entry(i));
    }

    /**
     * The array holding every entry's detail; see {@link #detailOffset} and {@link #detailLength}.
     */
    public byte[] details()
    {
        return entries;
    }

    public int detailOffset(final int i)
    {
        return entry(i) + DETAIL_OFFSET;
    }

    public int detailLength(final int i)
    {
        return entries[entry(i) + LENGTH_OFFSET] & 0xFF;
    }

    private int entry(final int i)
    {
        return Math.floorMod(next - 1 - i, CAPACITY) * ENTRY_BYTES;
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
