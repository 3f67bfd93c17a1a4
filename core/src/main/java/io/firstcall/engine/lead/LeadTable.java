package io.firstcall.engine.lead;

import io.firstcall.codec.ActivityKind;
import io.firstcall.event.Bytes;
import io.firstcall.snapshot.SnapshotFormatException;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One tenant's leads, as flat rows indexed by the dense lead index its {@link ByteKeyIndex} gives:
 * no object per lead. What scoring and routing keep about a lead is in their own tables, indexed the
 * same way ({@code scoring.ScoreTable}, {@code routing.EpisodeTable}), so reaching it is an array
 * index, not a pointer from the lead.
 * <pre>
 *   record (4 longs):  [last activity ns][eviction timer id]
 *                      [profile block offset (32) | profile block size (32)]
 *                      [employees (32) | activity count (8) | next activity entry (8)]
 *   activity (384 B):  8 entries of 48 B: [time ns int64][kind uint8][detail length uint8][detail, up to 38 B]
 *   profile block:     [length of field 0 .. field 9: uint8 each][field 0 bytes]...[field 9 bytes]
 * </pre>
 * The profile (email, phone, name, company, industry, region, product, source, owner, time zone) is
 * one block of a {@link BlockArena}, moved to a larger block when a longer profile arrives. The
 * recent activity is a ring of fixed-size entries, newest first when read; a detail longer than
 * {@link #MAX_DETAIL_BYTES} is cut at a UTF-8 character boundary.
 * <p>
 * A lead can be evicted ({@link #evict}): its index, id and profile block are given back and the next
 * new lead takes the lowest free index. Nothing here allocates in steady state: rows grow by
 * doubling with the most leads held at once.
 */
public final class LeadTable
{
    public static final int MISSING = ByteKeyIndex.MISSING;
    public static final int NO_EMPLOYEES = -1;
    public static final long NO_TIMER = -1;

    public static final int EMAIL = 0;
    public static final int PHONE = 1;
    public static final int NAME = 2;
    public static final int COMPANY = 3;
    public static final int INDUSTRY = 4;
    public static final int REGION = 5;
    public static final int PRODUCT = 6;
    public static final int SOURCE = 7;
    public static final int OWNER = 8;
    public static final int TIMEZONE = 9;
    public static final int FIELDS = 10;
    public static final int MAX_FIELD_BYTES = 255;

    public static final int ACTIVITY_CAPACITY = 8;
    public static final int MAX_DETAIL_BYTES = 38;

    private static final int RECORD_LONGS = 4;
    private static final int MAX_LEADS = (Integer.MAX_VALUE - 16) / RECORD_LONGS;
    private static final int LAST_ACTIVITY = 0;
    private static final int EVICT_TIMER = 1;
    private static final int PROFILE = 2;
    private static final int PACKED = 3;
    private static final int INITIAL_PROFILE_BLOCK = 64;

    private static final int ENTRY_BYTES = 48;
    private static final int ACTIVITY_BYTES = ACTIVITY_CAPACITY * ENTRY_BYTES;
    // Activity rows in pages, so no one array must hold every lead's 384 bytes, nor be copied to grow.
    private static final int PAGE_SHIFT = 14;
    private static final int PAGE_MASK = (1 << PAGE_SHIFT) - 1;
    private static final int KIND_OFFSET = 8;
    private static final int LENGTH_OFFSET = 9;
    private static final int DETAIL_OFFSET = 10;
    private static final ActivityKind[] KINDS = ActivityKind.values();
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final int tenantIndex;
    private final UnsafeBuffer tenantId;
    private final ByteKeyIndex ids;
    private final BlockArena profiles;
    private long[] records;
    private byte[][] activityPages = new byte[0][];

    /**
     * @param tenantId the tenant's id as UTF-8 bytes; kept, not copied.
     */
    public LeadTable(final int tenantIndex, final byte[] tenantId, final int initialCapacity)
    {
        final int capacity = Math.max(16, initialCapacity);
        this.tenantIndex = tenantIndex;
        this.tenantId = new UnsafeBuffer(tenantId);
        ids = new ByteKeyIndex(capacity);
        profiles = new BlockArena(capacity * INITIAL_PROFILE_BLOCK);
        records = new long[capacity * RECORD_LONGS];
    }

    /**
     * @return the tenant's dense index in the engine, as timers carry it.
     */
    public int tenantIndex()
    {
        return tenantIndex;
    }

    /**
     * @return the tenant's id bytes, from offset 0 to the buffer's capacity.
     */
    public DirectBuffer tenantId()
    {
        return tenantId;
    }

    /**
     * @return leads held now.
     */
    public int size()
    {
        return ids.size();
    }

    /**
     * @return one past the highest lead index in use or ever used: every lead's index is below it,
     * and tables indexed by lead are at least this long.
     */
    public int limit()
    {
        return ids.limit();
    }

    public boolean isLive(final int lead)
    {
        return ids.isLive(lead);
    }

    /**
     * @return the lead's index, or {@link #MISSING} when it is not held.
     */
    public int find(final DirectBuffer buffer, final int offset, final int length)
    {
        return ids.get(buffer, offset, length);
    }

    /**
     * @return the lead's index; a new lead (see {@link #size()}) is created at {@code nowNs} with an
     * empty profile and no activity.
     */
    public int findOrCreate(final DirectBuffer buffer, final int offset, final int length, final long nowNs)
    {
        final int before = ids.size();
        final int lead = ids.getOrAdd(buffer, offset, length);
        if (ids.size() != before)
        {
            create(lead, nowNs);
        }
        return lead;
    }

    /**
     * Forget the lead: its index and id are free for the next new lead.
     */
    public void evict(final int lead)
    {
        final long profile = records[lead * RECORD_LONGS + PROFILE];
        profiles.free((int)(profile >>> 32), (int)profile);
        ids.remove(lead);
        Arrays.fill(records, lead * RECORD_LONGS, lead * RECORD_LONGS + RECORD_LONGS, 0L);
    }

    public DirectBuffer idBuffer()
    {
        return ids.keyBuffer();
    }

    public int idOffset(final int lead)
    {
        return ids.keyOffset(lead);
    }

    public int idLength(final int lead)
    {
        return ids.keyLength(lead);
    }

    public String id(final int lead)
    {
        return ids.keyString(lead);
    }

    /**
     * @return the engine time of the last event that named the lead (or created it).
     */
    public long lastActivityNs(final int lead)
    {
        return records[lead * RECORD_LONGS + LAST_ACTIVITY];
    }

    /**
     * An event named the lead at {@code nowNs}.
     */
    public void touch(final int lead, final long nowNs)
    {
        records[lead * RECORD_LONGS + LAST_ACTIVITY] = nowNs;
    }

    /**
     * @return the lead's pending eviction check, or {@link #NO_TIMER}.
     */
    public long evictTimerId(final int lead)
    {
        return records[lead * RECORD_LONGS + EVICT_TIMER];
    }

    public void evictTimerId(final int lead, final long timerId)
    {
        records[lead * RECORD_LONGS + EVICT_TIMER] = timerId;
    }

    public int employees(final int lead)
    {
        return (int)(records[lead * RECORD_LONGS + PACKED] >> 32);
    }

    public void employees(final int lead, final int employees)
    {
        final int at = lead * RECORD_LONGS + PACKED;
        records[at] = ((long)employees << 32) | (records[at] & 0xFFFF_FFFFL);
    }

    /**
     * The arena holding every profile; see {@link #profileOffset} and {@link #profileLength}.
     */
    public DirectBuffer profileBuffer()
    {
        return profiles.buffer();
    }

    public int profileLength(final int lead, final int field)
    {
        return profiles.buffer().getByte(profileBlock(lead) + field) & 0xFF;
    }

    public int profileOffset(final int lead, final int field)
    {
        final UnsafeBuffer text = profiles.buffer();
        final int block = profileBlock(lead);
        int offset = block + FIELDS;
        for (int i = 0; i < field; i++)
        {
            offset += text.getByte(block + i) & 0xFF;
        }
        return offset;
    }

    public boolean profileEmpty(final int lead, final int field)
    {
        return 0 == profiles.buffer().getByte(profileBlock(lead) + field);
    }

    public boolean profileEquals(final int lead, final int field, final DirectBuffer src, final int srcOffset, final int srcLength)
    {
        return profileLength(lead, field) == srcLength &&
            Bytes.equal(profiles.buffer(), profileOffset(lead, field), src, srcOffset, srcLength);
    }

    /**
     * Replace a profile field's value.
     */
    public void profile(final int lead, final int field, final DirectBuffer src, final int srcOffset, final int srcLength)
    {
        if (srcLength > MAX_FIELD_BYTES)
        {
            throw new IllegalArgumentException("a profile field holds at most " + MAX_FIELD_BYTES + " bytes: " + srcLength);
        }
        final int oldLength = profileLength(lead, field);
        if (srcLength != oldLength)
        {
            final int used = profileUsed(lead);
            final int newUsed = used - oldLength + srcLength;
            final int profileAt = lead * RECORD_LONGS + PROFILE;
            final int blockSize = (int)records[profileAt];
            if (newUsed > blockSize)
            {
                final int oldBlock = (int)(records[profileAt] >>> 32);
                final int grownSize = BlockArena.blockSize(newUsed);
                final int grown = profiles.allocate(grownSize);
                profiles.buffer().putBytes(grown, profiles.buffer(), oldBlock, used);
                profiles.free(oldBlock, blockSize);
                records[profileAt] = ((long)grown << 32) | grownSize;
            }
            final int block = profileBlock(lead);
            final int offset = profileOffset(lead, field);
            final byte[] text = profiles.array();
            System.arraycopy(text, offset + oldLength, text, offset + srcLength, block + used - offset - oldLength);
            text[block + field] = (byte)srcLength;
        }
        profiles.buffer().putBytes(profileOffset(lead, field), src, srcOffset, srcLength);
    }

    public String profileString(final int lead, final int field)
    {
        return new String(profiles.array(), profileOffset(lead, field), profileLength(lead, field), StandardCharsets.UTF_8);
    }

    /**
     * Record something the lead did, as its newest activity.
     */
    public void recordActivity(
        final int lead, final ActivityKind kind, final long nowNs, final DirectBuffer detail, final int offset, final int length)
    {
        final int packedAt = lead * RECORD_LONGS + PACKED;
        final long packed = records[packedAt];
        final int next = (int)packed & 0xFF;
        final int count = (int)(packed >>> 8) & 0xFF;
        final int entry = (lead & PAGE_MASK) * ACTIVITY_BYTES + next * ENTRY_BYTES;
        final int kept = fit(detail, offset, length);
        final byte[] activities = activityPages[lead >>> PAGE_SHIFT];
        LONGS.set(activities, entry, nowNs);
        activities[entry + KIND_OFFSET] = (byte)kind.ordinal();
        activities[entry + LENGTH_OFFSET] = (byte)kept;
        detail.getBytes(offset, activities, entry + DETAIL_OFFSET, kept);
        final int newCount = Math.min(count + 1, ACTIVITY_CAPACITY);
        records[packedAt] = (packed & 0xFFFF_FFFF_0000_0000L) | ((long)newCount << 8) | ((next + 1) % ACTIVITY_CAPACITY);
    }

    public int activityCount(final int lead)
    {
        return (int)(records[lead * RECORD_LONGS + PACKED] >>> 8) & 0xFF;
    }

    /**
     * @param i 0 for the newest entry, up to {@code activityCount(lead) - 1}.
     */
    public ActivityKind activityKind(final int lead, final int i)
    {
        return KINDS[activityPages[lead >>> PAGE_SHIFT][activityEntry(lead, i) + KIND_OFFSET]];
    }

    public long activityAtNs(final int lead, final int i)
    {
        return (long)LONGS.get(activityPages[lead >>> PAGE_SHIFT], activityEntry(lead, i));
    }

    /**
     * The array holding the lead's activity details; see {@link #activityDetailOffset}.
     */
    public byte[] activityDetails(final int lead)
    {
        return activityPages[lead >>> PAGE_SHIFT];
    }

    public int activityDetailOffset(final int lead, final int i)
    {
        return activityEntry(lead, i) + DETAIL_OFFSET;
    }

    public int activityDetailLength(final int lead, final int i)
    {
        return activityPages[lead >>> PAGE_SHIFT][activityEntry(lead, i) + LENGTH_OFFSET] & 0xFF;
    }

    /**
     * Write every lead held, by index: id, last activity, eviction timer, employees, profile fields
     * and activity newest first. Where in the arena or the ring a value sits is not written, so the
     * same leads always give the same bytes.
     */
    public void writeSnapshot(final SnapshotWriter writer)
    {
        writer.putInt(size());
        for (int lead = 0, limit = limit(); lead < limit; lead++)
        {
            if (!isLive(lead))
            {
                continue;
            }
            final int at = lead * RECORD_LONGS;
            writer.putInt(lead).putInt(idLength(lead)).putBytes(idBuffer(), idOffset(lead), idLength(lead))
                .putLong(records[at + LAST_ACTIVITY]).putLong(records[at + EVICT_TIMER]).putInt(employees(lead));
            for (int field = 0; field < FIELDS; field++)
            {
                final int length = profileLength(lead, field);
                writer.putByte((byte)length).putBytes(profiles.buffer(), profileOffset(lead, field), length);
            }
            final int count = activityCount(lead);
            writer.putByte((byte)count);
            for (int i = 0; i < count; i++)
            {
                final int length = activityDetailLength(lead, i);
                writer.putLong(activityAtNs(lead, i)).putByte((byte)activityKind(lead, i).ordinal())
                    .putByte((byte)length).putBytes(activityDetails(lead), activityDetailOffset(lead, i), length);
            }
        }
    }

    /**
     * Load what {@link #writeSnapshot} wrote into this new, empty table.
     */
    public void readSnapshot(final SnapshotReader reader)
    {
        if (0 != size())
        {
            throw new IllegalStateException("a snapshot loads into a new lead table");
        }
        final UnsafeBuffer scratch = new UnsafeBuffer(new byte[MAX_DETAIL_BYTES + MAX_FIELD_BYTES + 1]);
        final int count = reader.getCount(MAX_LEADS);
        int previous = -1;
        for (int i = 0; i < count; i++)
        {
            final int lead = reader.getInt();
            if (lead <= previous)
            {
                throw new SnapshotFormatException("lead index " + lead + " after " + previous);
            }
            previous = lead;
            final byte[] id = new byte[reader.getCount(MAX_FIELD_BYTES)];
            reader.getBytes(id, 0, id.length);
            try
            {
                ids.addAt(lead, new UnsafeBuffer(id), 0, id.length);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new SnapshotFormatException("lead " + lead + ": " + ex.getMessage());
            }
            create(lead, reader.getLong());
            evictTimerId(lead, reader.getLong());
            employees(lead, reader.getInt());
            for (int field = 0; field < FIELDS; field++)
            {
                final int length = reader.getByte() & 0xFF;
                reader.getBytes(scratch, 0, length);
                profile(lead, field, scratch, 0, length);
            }
            final int entries = reader.getByte() & 0xFF;
            if (entries > ACTIVITY_CAPACITY)
            {
                throw new SnapshotFormatException("lead " + lead + " has " + entries + " activity entries");
            }
            final long[] atNs = new long[entries];
            final byte[] kinds = new byte[entries];
            final byte[][] details = new byte[entries][];
            for (int e = 0; e < entries; e++)
            {
                atNs[e] = reader.getLong();
                kinds[e] = reader.getByte();
                if (kinds[e] < 0 || kinds[e] >= KINDS.length || KINDS[kinds[e]] == ActivityKind.NULL_VAL)
                {
                    throw new SnapshotFormatException("lead " + lead + ": activity kind " + kinds[e]);
                }
                details[e] = new byte[reader.getByte() & 0xFF];
                reader.getBytes(details[e], 0, details[e].length);
            }
            for (int e = entries - 1; e >= 0; e--)
            {
                scratch.putBytes(0, details[e]);
                recordActivity(lead, KINDS[kinds[e]], atNs[e], scratch, 0, details[e].length);
            }
        }
    }

    private void create(final int lead, final long nowNs)
    {
        ensureCapacity(lead + 1);
        final int at = lead * RECORD_LONGS;
        final int block = profiles.allocate(INITIAL_PROFILE_BLOCK);
        profiles.buffer().setMemory(block, FIELDS, (byte)0);
        records[at + LAST_ACTIVITY] = nowNs;
        records[at + EVICT_TIMER] = NO_TIMER;
        records[at + PROFILE] = ((long)block << 32) | INITIAL_PROFILE_BLOCK;
        records[at + PACKED] = (long)NO_EMPLOYEES << 32;
    }

    private int profileBlock(final int lead)
    {
        return (int)(records[lead * RECORD_LONGS + PROFILE] >>> 32);
    }

    private int profileUsed(final int lead)
    {
        final UnsafeBuffer text = profiles.buffer();
        final int block = profileBlock(lead);
        int used = FIELDS;
        for (int i = 0; i < FIELDS; i++)
        {
            used += text.getByte(block + i) & 0xFF;
        }
        return used;
    }

    private int activityEntry(final int lead, final int i)
    {
        final int next = (int)records[lead * RECORD_LONGS + PACKED] & 0xFF;
        return (lead & PAGE_MASK) * ACTIVITY_BYTES + Math.floorMod(next - 1 - i, ACTIVITY_CAPACITY) * ENTRY_BYTES;
    }

    private void ensureCapacity(final int leads)
    {
        if ((long)leads * RECORD_LONGS > records.length)
        {
            final int capacity = (int)Math.min(MAX_LEADS, Math.max(leads, (long)records.length / RECORD_LONGS * 2));
            records = Arrays.copyOf(records, capacity * RECORD_LONGS);
        }
        final int pages = ((leads - 1) >>> PAGE_SHIFT) + 1;
        if (pages > activityPages.length)
        {
            final int oldPages = activityPages.length;
            activityPages = Arrays.copyOf(activityPages, pages);
            for (int page = oldPages; page < pages; page++)
            {
                activityPages[page] = new byte[(1 << PAGE_SHIFT) * ACTIVITY_BYTES];
            }
        }
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
