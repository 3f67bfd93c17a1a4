package io.firstcall.engine.scoring;

import io.firstcall.engine.lead.LeadTable;
import io.firstcall.snapshot.SnapshotFormatException;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;

import java.util.Arrays;

/**
 * Every lead's score state in one {@code long[]}, a fixed row of 35 longs per lead index, so
 * scoring an event reads and writes one row and allocates nothing:
 * <pre>
 *   0  points of industry (32) | employees (32)     5  behavioural points as of (ns)
 *   1  points of region (32) | product (32)         6  external score (32) | latest episode (32)
 *   2  points of source (32) | matched mask (32)    7  last visit to a return-visit page (ns)
 *   3  firmographic total (32) | its generation (32) 8  pending score-decay timer id
 *   4  behavioural points (double)                  9  when the latest episode opened (ns)
 *   10 signals kept (8) | next slot (8) | signals scored (32)
 *   11..34 the last 8 scored signals, 3 longs each: [time ns][entry (32) | points (32)][generation (56) | kind (8)]
 * </pre>
 * A signal names the model that scored it by its generation (an index into the tenant's models,
 * {@link TenantScoring#generation()}), never by reference, and the firmographic total records the
 * generation it was computed under (-1: to be recomputed).
 */
final class ScoreTable
{
    static final int SIGNAL_CAPACITY = 8;
    static final byte FORM_SIGNAL = 1;
    static final byte PAGE_SIGNAL = 2;
    static final byte TRIAL_SIGNAL = 3;
    static final long NO_TIMER = -1;
    static final long NEVER = Long.MIN_VALUE;
    private static final int MAX_SIGNALS_SCORED = 0xFFFF + SIGNAL_CAPACITY;
    private static final int STALE = -1;

    private static final int POINTS = 0;
    private static final int MATCHED = 2;
    private static final int FIRMOGRAPHIC = 3;
    private static final int BEHAVIOURAL = 4;
    private static final int BEHAVIOURAL_AS_OF = 5;
    private static final int EXTERNAL_EPISODE = 6;
    private static final int INTENT_VISIT = 7;
    private static final int DECAY_TIMER = 8;
    private static final int LAST_HOT = 9;
    private static final int SIGNAL_STATE = 10;
    private static final int SIGNALS = 11;
    private static final int ROW = SIGNALS + SIGNAL_CAPACITY * 3;
    private static final int MAX_ROWS = (Integer.MAX_VALUE - 16) / ROW;

    private long[] rows = new long[0];

    /**
     * Make rows up to {@code limit} exist, new ones in the state of a lead never scored.
     */
    void ensure(final int limit)
    {
        final int capacity = rows.length / ROW;
        if (limit > capacity)
        {
            final int grown = (int)Math.min(MAX_ROWS, Math.max(limit, Math.max(16L, capacity * 2L)));
            rows = Arrays.copyOf(rows, grown * ROW);
            for (int lead = capacity; lead < grown; lead++)
            {
                clear(lead);
            }
        }
    }

    /**
     * Put the row back in the state of a lead never scored.
     */
    void clear(final int lead)
    {
        final int row = lead * ROW;
        Arrays.fill(rows, row, row + ROW, 0L);
        rows[row + FIRMOGRAPHIC] = (long)STALE << 32;
        rows[row + INTENT_VISIT] = NEVER;
        rows[row + DECAY_TIMER] = NO_TIMER;
        rows[row + LAST_HOT] = NEVER;
    }

    /**
     * @return true when the firmographic points were computed under {@code generation} for the current profile.
     */
    boolean firmographicCurrent(final int lead, final int generation)
    {
        return (int)(rows[lead * ROW + FIRMOGRAPHIC] >> 32) == generation;
    }

    /**
     * The profile changed: the firmographic points need recomputing.
     */
    void invalidateFirmographic(final int lead)
    {
        final int at = lead * ROW + FIRMOGRAPHIC;
        rows[at] = ((long)STALE << 32) | (rows[at] & 0xFFFF_FFFFL);
    }

    /**
     * Set one firmographic component; {@link #firmographicComputed} completes the set.
     */
    void component(final int lead, final int component, final boolean matched, final int points)
    {
        final int row = lead * ROW;
        final int at = row + POINTS + (component >> 1);
        final int shift = (component & 1) << 5;
        rows[at] = (rows[at] & ~(0xFFFF_FFFFL << shift)) | ((long)(matched ? points : 0) & 0xFFFF_FFFFL) << shift;
        final long bit = 1L << (32 + component);
        rows[row + MATCHED] = matched ? rows[row + MATCHED] | bit : rows[row + MATCHED] & ~bit;
    }

    void firmographicComputed(final int lead, final int generation)
    {
        int total = 0;
        for (int c = 0; c < ScoringModel.COMPONENTS; c++)
        {
            total += componentPoints(lead, c);
        }
        rows[lead * ROW + FIRMOGRAPHIC] = ((long)generation << 32) | (total & 0xFFFF_FFFFL);
    }

    int firmographic(final int lead)
    {
        return (int)rows[lead * ROW + FIRMOGRAPHIC];
    }

    boolean componentMatched(final int lead, final int component)
    {
        return 0 != (rows[lead * ROW + MATCHED] & (1L << (32 + component)));
    }

    int componentPoints(final int lead, final int component)
    {
        return (int)(rows[lead * ROW + POINTS + (component >> 1)] >> ((component & 1) << 5));
    }

    /**
     * @return behavioural points decayed to {@code nowNs}, without changing the state, so how
     * often a lead is looked at never changes its score.
     */
    double behaviouralAt(final int lead, final ScoringModel model, final long nowNs)
    {
        final int row = lead * ROW;
        final double behavioural = Double.longBitsToDouble(rows[row + BEHAVIOURAL]);
        return 0.0 == behavioural ? 0.0 : behavioural * model.decay(nowNs - rows[row + BEHAVIOURAL_AS_OF]);
    }

    /**
     * Store the behavioural points as of {@code asOfNs}: the decayed total plus a new signal's points.
     */
    void behavioural(final int lead, final double points, final long asOfNs)
    {
        final int row = lead * ROW;
        rows[row + BEHAVIOURAL] = Double.doubleToRawLongBits(points);
        rows[row + BEHAVIOURAL_AS_OF] = Math.max(rows[row + BEHAVIOURAL_AS_OF], asOfNs);
    }

    int external(final int lead)
    {
        return (int)rows[lead * ROW + EXTERNAL_EPISODE];
    }

    void external(final int lead, final int external)
    {
        final int at = lead * ROW + EXTERNAL_EPISODE;
        rows[at] = (rows[at] & 0xFFFF_FFFF_0000_0000L) | (external & 0xFFFF_FFFFL);
    }

    long lastIntentVisitNs(final int lead)
    {
        return rows[lead * ROW + INTENT_VISIT];
    }

    void lastIntentVisitNs(final int lead, final long timeNs)
    {
        rows[lead * ROW + INTENT_VISIT] = timeNs;
    }

    /**
     * Remember a scored signal, replacing the oldest once {@link #SIGNAL_CAPACITY} are kept.
     *
     * @param generation of the model that scored it ({@link TenantScoring#generation()}).
     */
    void recordSignal(final int lead, final byte kind, final int entry, final int points, final long timeNs, final int generation)
    {
        final int row = lead * ROW;
        final long state = rows[row + SIGNAL_STATE];
        final int count = (int)state & 0xFF;
        final int next = (int)(state >>> 8) & 0xFF;
        final int scored = (int)(state >>> 32);
        final int at = row + SIGNALS + next * 3;
        rows[at] = timeNs;
        rows[at + 1] = ((long)entry << 32) | (points & 0xFFFF_FFFFL);
        rows[at + 2] = ((long)generation << 8) | (kind & 0xFF);
        rows[row + SIGNAL_STATE] = ((long)Math.min(scored + 1, MAX_SIGNALS_SCORED) << 32) |
            ((long)((next + 1) % SIGNAL_CAPACITY) << 8) | Math.min(count + 1, SIGNAL_CAPACITY);
    }

    /**
     * @return scored signals older than the ones kept, at most 65,535.
     */
    int signalsOmitted(final int lead)
    {
        final long state = rows[lead * ROW + SIGNAL_STATE];
        return (int)(state >>> 32) - ((int)state & 0xFF);
    }

    int signalCount(final int lead)
    {
        return (int)rows[lead * ROW + SIGNAL_STATE] & 0xFF;
    }

    byte signalKind(final int lead, final int i)
    {
        return (byte)rows[signal(lead, i) + 2];
    }

    int signalEntry(final int lead, final int i)
    {
        return (int)(rows[signal(lead, i) + 1] >>> 32);
    }

    int signalPoints(final int lead, final int i)
    {
        return (int)rows[signal(lead, i) + 1];
    }

    long signalTimeNs(final int lead, final int i)
    {
        return rows[signal(lead, i)];
    }

    /**
     * @return the generation of the model that scored signal {@code i}, which names it.
     */
    int signalGeneration(final int lead, final int i)
    {
        return (int)(rows[signal(lead, i) + 2] >>> 8);
    }

    long decayTimerId(final int lead)
    {
        return rows[lead * ROW + DECAY_TIMER];
    }

    void decayTimerId(final int lead, final long timerId)
    {
        rows[lead * ROW + DECAY_TIMER] = timerId;
    }

    /**
     * @return the number of the lead's latest hot episode, 0 before the first.
     */
    int episode(final int lead)
    {
        return (int)(rows[lead * ROW + EXTERNAL_EPISODE] >> 32);
    }

    /**
     * @return when the latest episode opened, or {@link #NEVER}.
     */
    long lastHotNs(final int lead)
    {
        return rows[lead * ROW + LAST_HOT];
    }

    /**
     * A new hot episode opens at {@code nowNs}.
     *
     * @return its number.
     */
    int openEpisode(final int lead, final long nowNs)
    {
        final int row = lead * ROW;
        final int episode = episode(lead) + 1;
        rows[row + LAST_HOT] = nowNs;
        rows[row + EXTERNAL_EPISODE] = ((long)episode << 32) | (rows[row + EXTERNAL_EPISODE] & 0xFFFF_FFFFL);
        return episode;
    }

    /**
     * Mark in {@code referenced} the generations the lead's kept signals name.
     */
    void markGenerations(final int lead, final boolean[] referenced)
    {
        for (int i = 0, count = signalCount(lead); i < count; i++)
        {
            referenced[signalGeneration(lead, i)] = true;
        }
    }

    /**
     * Write the rows of every lead the table holds, by index. Kept signals are written oldest first
     * with their generation renumbered ({@code generationNumber}) and the firmographic total's
     * generation as whether it is {@code current}'s: neither where a value sits in the ring nor how
     * many models came and went shows, so the same scores give the same bytes.
     */
    void writeSnapshot(final SnapshotWriter writer, final LeadTable leads, final int[] generationNumber, final int current)
    {
        ensure(leads.limit());
        for (int lead = 0, limit = leads.limit(); lead < limit; lead++)
        {
            if (!leads.isLive(lead))
            {
                continue;
            }
            final int row = lead * ROW;
            for (int c = 0; c < ScoringModel.COMPONENTS; c++)
            {
                writer.putInt(componentPoints(lead, c));
            }
            writer.putInt((int)(rows[row + MATCHED] >>> 32)).putInt(firmographic(lead))
                .putBoolean(firmographicCurrent(lead, current))
                .putLong(rows[row + BEHAVIOURAL]).putLong(rows[row + BEHAVIOURAL_AS_OF])
                .putInt(external(lead)).putInt(episode(lead)).putLong(lastIntentVisitNs(lead))
                .putLong(decayTimerId(lead)).putLong(lastHotNs(lead))
                .putInt((int)(rows[row + SIGNAL_STATE] >>> 32));
            final int count = signalCount(lead);
            writer.putByte((byte)count);
            for (int i = 0; i < count; i++)
            {
                writer.putByte(signalKind(lead, i)).putInt(signalEntry(lead, i)).putInt(signalPoints(lead, i))
                    .putLong(signalTimeNs(lead, i)).putInt(generationNumber[signalGeneration(lead, i)]);
            }
        }
    }

    /**
     * Load the rows {@link #writeSnapshot} wrote for the leads of {@code leads}, loaded already.
     *
     * @param generations how many generations were loaded; {@code current} is the last.
     */
    void readSnapshot(final SnapshotReader reader, final LeadTable leads, final int generations)
    {
        ensure(leads.limit());
        final int current = generations - 1;
        for (int lead = 0, limit = leads.limit(); lead < limit; lead++)
        {
            if (!leads.isLive(lead))
            {
                continue;
            }
            final int row = lead * ROW;
            for (int c = 0; c < ScoringModel.COMPONENTS; c++)
            {
                final int points = reader.getInt();
                component(lead, c, true, points);
            }
            rows[row + MATCHED] = ((long)reader.getInt() << 32) | (rows[row + MATCHED] & 0xFFFF_FFFFL);
            final int firmographic = reader.getInt();
            rows[row + FIRMOGRAPHIC] = ((long)(reader.getBoolean() ? current : STALE) << 32) | (firmographic & 0xFFFF_FFFFL);
            rows[row + BEHAVIOURAL] = reader.getLong();
            rows[row + BEHAVIOURAL_AS_OF] = reader.getLong();
            external(lead, reader.getInt());
            rows[row + EXTERNAL_EPISODE] = ((long)reader.getInt() << 32) | (rows[row + EXTERNAL_EPISODE] & 0xFFFF_FFFFL);
            rows[row + INTENT_VISIT] = reader.getLong();
            rows[row + DECAY_TIMER] = reader.getLong();
            rows[row + LAST_HOT] = reader.getLong();
            final int scored = reader.getInt();
            final int count = reader.getByte();
            if (count < 0 || count > SIGNAL_CAPACITY || scored < count || scored > MAX_SIGNALS_SCORED)
            {
                throw new SnapshotFormatException("lead " + lead + ": " + count + " of " + scored + " signals");
            }
            for (int i = 0; i < count; i++)
            {
                final byte kind = reader.getByte();
                final int entry = reader.getInt();
                final int points = reader.getInt();
                final long timeNs = reader.getLong();
                final int generation = reader.getInt();
                if (kind < FORM_SIGNAL || kind > TRIAL_SIGNAL || generation < 0 || generation >= generations)
                {
                    throw new SnapshotFormatException("lead " + lead + ": signal kind " + kind + ", generation " + generation);
                }
                recordSignal(lead, kind, entry, points, timeNs, generation);
            }
            rows[row + SIGNAL_STATE] = ((long)scored << 32) | (rows[row + SIGNAL_STATE] & 0xFFFF_FFFFL);
        }
    }

    /**
     * @param i 0 for the oldest kept signal, {@code signalCount(lead) - 1} for the newest.
     */
    private int signal(final int lead, final int i)
    {
        final long state = rows[lead * ROW + SIGNAL_STATE];
        final int count = (int)state & 0xFF;
        final int next = (int)(state >>> 8) & 0xFF;
        return lead * ROW + SIGNALS + ((next - count + i + SIGNAL_CAPACITY) % SIGNAL_CAPACITY) * 3;
    }
}
