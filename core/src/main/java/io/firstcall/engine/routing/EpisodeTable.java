package io.firstcall.engine.routing;

import io.firstcall.engine.lead.BlockArena;
import io.firstcall.engine.lead.LeadTable;
import io.firstcall.snapshot.SnapshotFormatException;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;
import org.agrona.DirectBuffer;

import java.util.Arrays;

/**
 * What routing keeps about each lead, a fixed row of 13 longs per lead index: its current hot
 * episode (the offers at each escalation level, the claim window and its timer, who claimed it)
 * with the scores every alert of the episode carries, and which rep's capacity the lead counts
 * against. The episode's reasons (the hot decision's groups, copied into each alert) and its offers
 * (rep book states, four bytes each) are variable, so they live in blocks of a {@link BlockArena}
 * the row points to. Reps are named by their {@link RepBook} state, never by copied bytes.
 * <pre>
 *   0 episode number (32) | level (8) | open (1)     7  behavioural (32) | external score (32)
 *   1 team (32) | holder rep state (32)              8  signals omitted (32) | claimed by rep state (32)
 *   2 claim deadline ns                              9  queue alerted, as a rep state (32) | reasons length (32)
 *   3 claim timer id                                 10 reasons block offset (32) | block size (32)
 *   4 configuration version routed under             11 offers block offset (32) | block size (32)
 *   5 hold timer id                                  12 offers made (32) | first offer of the current level (32)
 *   6 score (32) | firmographic score (32)
 * </pre>
 * Offers made before the current level's first are lapsed: those reps let the lead go and are never
 * offered it again in this episode. Offers from it on are standing.
 */
final class EpisodeTable
{
    static final long NO_TIMER = -1;
    static final int NO_REP = -1;

    /**
     * Escalation levels of a hot episode: first offer, backup rep, manager queue.
     */
    static final int PRIMARY = 0;
    static final int BACKUP = 1;
    static final int QUEUE = 2;

    private static final int NUMBER = 0;
    private static final int TEAM_HOLDER = 1;
    private static final int CLAIM_DEADLINE = 2;
    private static final int CLAIM_TIMER = 3;
    private static final int ROUTED_VERSION = 4;
    private static final int HOLD_TIMER = 5;
    private static final int SCORES = 6;
    private static final int SCORES_2 = 7;
    private static final int OMITTED_CLAIMED = 8;
    private static final int QUEUE_REASONS = 9;
    private static final int REASONS_BLOCK = 10;
    private static final int OFFERS_BLOCK = 11;
    private static final int OFFERS = 12;
    private static final int ROW = 13;
    private static final int MAX_ROWS = (Integer.MAX_VALUE - 16) / ROW;
    private static final long OPEN_BIT = 1L << 40;
    private static final int MAX_OFFERS = BlockArena.MAX_BLOCK / Integer.BYTES;

    private final BlockArena blocks = new BlockArena(4096);
    private long[] rows = new long[0];

    /**
     * Make rows up to {@code limit} exist, new ones as for a lead never routed.
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
                reset(lead);
            }
        }
    }

    /**
     * The lead is forgotten: its blocks are given back and its row is as for a lead never routed.
     */
    void clear(final int lead)
    {
        final int row = lead * ROW;
        freeBlock(rows[row + REASONS_BLOCK]);
        freeBlock(rows[row + OFFERS_BLOCK]);
        reset(lead);
    }

    /**
     * Start episode {@code number} with the reasons of its hot decision.
     *
     * @param reasons the decision's criteria, firmographic and signals groups, as the Alert carries them.
     */
    void open(final int lead, final int number, final DirectBuffer reasons, final int offset, final int length)
    {
        final int row = lead * ROW;
        rows[row + NUMBER] = (number & 0xFFFF_FFFFL) | OPEN_BIT | ((long)PRIMARY << 32);
        rows[row + CLAIM_DEADLINE] = 0;
        rows[row + TEAM_HOLDER] = (rows[row + TEAM_HOLDER] & 0xFFFF_FFFF_0000_0000L) | (Roster.NONE & 0xFFFF_FFFFL);
        rows[row + OMITTED_CLAIMED] = (rows[row + OMITTED_CLAIMED] & 0xFFFF_FFFFL) | ((long)NO_REP << 32);
        rows[row + OFFERS] = 0;
        final int reasonsAt = ensureBlock(row + REASONS_BLOCK, length);
        blocks.buffer().putBytes(reasonsAt, reasons, offset, length);
        rows[row + QUEUE_REASONS] = ((long)length << 32) | (NO_REP & 0xFFFF_FFFFL);
    }

    void scores(final int lead, final int score, final int firmographic, final int behavioural, final int external,
        final int omitted)
    {
        final int row = lead * ROW;
        rows[row + SCORES] = ((long)firmographic << 32) | (score & 0xFFFF_FFFFL);
        rows[row + SCORES_2] = ((long)external << 32) | (behavioural & 0xFFFF_FFFFL);
        rows[row + OMITTED_CLAIMED] = (rows[row + OMITTED_CLAIMED] & 0xFFFF_FFFF_0000_0000L) | (omitted & 0xFFFF_FFFFL);
    }

    /**
     * @return the episode's number, 0 before the lead's first.
     */
    int number(final int lead)
    {
        return (int)rows[lead * ROW + NUMBER];
    }

    /**
     * @return true while the episode waits for a claim.
     */
    boolean isOpen(final int lead)
    {
        return 0 != (rows[lead * ROW + NUMBER] & OPEN_BIT);
    }

    void close(final int lead)
    {
        final int row = lead * ROW;
        rows[row + NUMBER] &= ~OPEN_BIT;
        rows[row + CLAIM_TIMER] = NO_TIMER;
    }

    /**
     * @return {@link #PRIMARY}, {@link #BACKUP} or {@link #QUEUE}.
     */
    int level(final int lead)
    {
        return (int)(rows[lead * ROW + NUMBER] >>> 32) & 0xFF;
    }

    void level(final int lead, final int level)
    {
        final int at = lead * ROW + NUMBER;
        rows[at] = (rows[at] & ~(0xFFL << 32)) | ((long)level << 32);
    }

    /**
     * The team routing the current episode, or {@link Roster#NONE}.
     */
    int team(final int lead)
    {
        return (int)rows[lead * ROW + TEAM_HOLDER];
    }

    void team(final int lead, final int team)
    {
        final int at = lead * ROW + TEAM_HOLDER;
        rows[at] = (rows[at] & 0xFFFF_FFFF_0000_0000L) | (team & 0xFFFF_FFFFL);
    }

    /**
     * The rep (state) whose capacity the lead counts against, or {@link #NO_REP}.
     */
    int holder(final int lead)
    {
        return (int)(rows[lead * ROW + TEAM_HOLDER] >> 32);
    }

    long holdTimerId(final int lead)
    {
        return rows[lead * ROW + HOLD_TIMER];
    }

    void hold(final int lead, final int holder, final long holdTimerId)
    {
        final int row = lead * ROW;
        rows[row + TEAM_HOLDER] = ((long)holder << 32) | (rows[row + TEAM_HOLDER] & 0xFFFF_FFFFL);
        rows[row + HOLD_TIMER] = holdTimerId;
    }

    long claimDeadlineNs(final int lead)
    {
        return rows[lead * ROW + CLAIM_DEADLINE];
    }

    /**
     * Set the current offer's deadline; 0 means none.
     */
    void claimDeadline(final int lead, final long claimDeadlineNs)
    {
        rows[lead * ROW + CLAIM_DEADLINE] = claimDeadlineNs;
    }

    long claimTimerId(final int lead)
    {
        return rows[lead * ROW + CLAIM_TIMER];
    }

    void claimTimer(final int lead, final long timerId)
    {
        rows[lead * ROW + CLAIM_TIMER] = timerId;
    }

    /**
     * The configuration version the current episode was last routed under.
     */
    long routedVersion(final int lead)
    {
        return rows[lead * ROW + ROUTED_VERSION];
    }

    void routedVersion(final int lead, final long routedVersion)
    {
        rows[lead * ROW + ROUTED_VERSION] = routedVersion;
    }

    /**
     * The rep (state) who claimed the current episode, or {@link #NO_REP} while unclaimed.
     */
    int claimedBy(final int lead)
    {
        return (int)(rows[lead * ROW + OMITTED_CLAIMED] >> 32);
    }

    void claimedBy(final int lead, final int rep)
    {
        final int at = lead * ROW + OMITTED_CLAIMED;
        rows[at] = ((long)rep << 32) | (rows[at] & 0xFFFF_FFFFL);
    }

    /**
     * The manager queue (as a rep state) the current episode's alert went to at the queue level, or {@link #NO_REP}.
     */
    int alertedQueue(final int lead)
    {
        return (int)rows[lead * ROW + QUEUE_REASONS];
    }

    void alertedQueue(final int lead, final int queue)
    {
        final int at = lead * ROW + QUEUE_REASONS;
        rows[at] = (rows[at] & 0xFFFF_FFFF_0000_0000L) | (queue & 0xFFFF_FFFFL);
    }

    DirectBuffer reasonsBuffer()
    {
        return blocks.buffer();
    }

    int reasonsOffset(final int lead)
    {
        return (int)rows[lead * ROW + REASONS_BLOCK];
    }

    int reasonsLength(final int lead)
    {
        return (int)(rows[lead * ROW + QUEUE_REASONS] >>> 32);
    }

    int score(final int lead)
    {
        return (int)rows[lead * ROW + SCORES];
    }

    int firmographicScore(final int lead)
    {
        return (int)(rows[lead * ROW + SCORES] >> 32);
    }

    int behaviouralScore(final int lead)
    {
        return (int)rows[lead * ROW + SCORES_2];
    }

    int externalScore(final int lead)
    {
        return (int)(rows[lead * ROW + SCORES_2] >> 32);
    }

    int signalsOmitted(final int lead)
    {
        return (int)rows[lead * ROW + OMITTED_CLAIMED];
    }

    void addOffer(final int lead, final int rep)
    {
        final int row = lead * ROW;
        final int count = offerCount(lead);
        if (count == MAX_OFFERS)
        {
            throw new IllegalStateException("an episode offers at most " + MAX_OFFERS + " reps");
        }
        final int at = ensureBlock(row + OFFERS_BLOCK, (count + 1) * Integer.BYTES);
        blocks.buffer().putInt(at + count * Integer.BYTES, rep);
        rows[row + OFFERS] = (rows[row + OFFERS] & 0xFFFF_FFFF_0000_0000L) | (count + 1);
    }

    /**
     * The standing offers lapse: the episode moves to its next level.
     */
    void nextLevel(final int lead)
    {
        final int at = lead * ROW + OFFERS;
        rows[at] = ((long)offerCount(lead) << 32) | (rows[at] & 0xFFFF_FFFFL);
    }

    int offerCount(final int lead)
    {
        return (int)rows[lead * ROW + OFFERS];
    }

    int levelStart(final int lead)
    {
        return (int)(rows[lead * ROW + OFFERS] >>> 32);
    }

    /**
     * @return the rep state of offer {@code i}, in the order made.
     */
    int offer(final int lead, final int i)
    {
        return blocks.buffer().getInt((int)rows[lead * ROW + OFFERS_BLOCK] + i * Integer.BYTES);
    }

    /**
     * @return true when {@code rep} holds a standing offer (at the current level).
     */
    boolean standing(final int lead, final int rep)
    {
        for (int i = levelStart(lead), count = offerCount(lead); i < count; i++)
        {
            if (offer(lead, i) == rep)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * @return true when {@code rep} was offered the lead at an earlier level and let it lapse.
     */
    boolean lapsed(final int lead, final int rep)
    {
        for (int i = 0, start = levelStart(lead); i < start; i++)
        {
            if (offer(lead, i) == rep)
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Write every held lead's row, by index, with its reasons and offers; not where they sit.
     */
    void writeSnapshot(final SnapshotWriter writer, final LeadTable leads)
    {
        ensure(leads.limit());
        for (int lead = 0, limit = leads.limit(); lead < limit; lead++)
        {
            if (!leads.isLive(lead))
            {
                continue;
            }
            final int row = lead * ROW;
            writer.putLong(rows[row + NUMBER]).putLong(rows[row + TEAM_HOLDER]).putLong(rows[row + CLAIM_DEADLINE])
                .putLong(rows[row + CLAIM_TIMER]).putLong(rows[row + ROUTED_VERSION]).putLong(rows[row + HOLD_TIMER])
                .putLong(rows[row + SCORES]).putLong(rows[row + SCORES_2]).putLong(rows[row + OMITTED_CLAIMED])
                .putInt(alertedQueue(lead)).putInt(reasonsLength(lead))
                .putBytes(blocks.buffer(), reasonsOffset(lead), reasonsLength(lead))
                .putInt(offerCount(lead)).putInt(levelStart(lead));
            for (int i = 0, count = offerCount(lead); i < count; i++)
            {
                writer.putInt(offer(lead, i));
            }
        }
    }

    /**
     * Load the rows {@link #writeSnapshot} wrote for the leads of {@code leads}, loaded already.
     */
    void readSnapshot(final SnapshotReader reader, final LeadTable leads)
    {
        ensure(leads.limit());
        for (int lead = 0, limit = leads.limit(); lead < limit; lead++)
        {
            if (!leads.isLive(lead))
            {
                continue;
            }
            final int row = lead * ROW;
            final long[] fixed = new long[OMITTED_CLAIMED + 1];
            for (int i = 0; i < fixed.length; i++)
            {
                fixed[i] = reader.getLong();
            }
            if ((int)(fixed[NUMBER] >>> 32 & 0xFF) > QUEUE || 0 != (fixed[NUMBER] & ~(OPEN_BIT | 0xFF_FFFF_FFFFL)))
            {
                throw new SnapshotFormatException("lead " + lead + ": episode state " + Long.toHexString(fixed[NUMBER]));
            }
            System.arraycopy(fixed, 0, rows, row, fixed.length);
            final int queue = reader.getInt();
            final int reasonsLength = reader.getCount(BlockArena.MAX_BLOCK);
            if (reasonsLength > 0)
            {
                reader.getBytes(blocks.buffer(), ensureBlock(row + REASONS_BLOCK, reasonsLength), reasonsLength);
            }
            rows[row + QUEUE_REASONS] = ((long)reasonsLength << 32) | (queue & 0xFFFF_FFFFL);
            final int offers = reader.getCount(MAX_OFFERS);
            final int levelStart = reader.getCount(offers);
            for (int i = 0; i < offers; i++)
            {
                addOffer(lead, reader.getInt());
            }
            rows[row + OFFERS] = ((long)levelStart << 32) | offers;
        }
    }

    private void reset(final int lead)
    {
        final int row = lead * ROW;
        Arrays.fill(rows, row, row + ROW, 0L);
        rows[row + TEAM_HOLDER] = ((long)NO_REP << 32) | (Roster.NONE & 0xFFFF_FFFFL);
        rows[row + CLAIM_TIMER] = NO_TIMER;
        rows[row + HOLD_TIMER] = NO_TIMER;
        rows[row + OMITTED_CLAIMED] = (long)NO_REP << 32;
        rows[row + QUEUE_REASONS] = NO_REP & 0xFFFF_FFFFL;
    }

    /**
     * @return the offset of the block at row slot {@code at}, first grown (copying its bytes) to hold {@code length}.
     */
    private int ensureBlock(final int at, final int length)
    {
        final long block = rows[at];
        final int size = (int)(block >>> 32);
        final int offset = (int)block;
        if (length <= size)
        {
            return offset;
        }
        final int grownSize = BlockArena.blockSize(Math.max(length, 2 * size));
        final int grown = blocks.allocate(grownSize);
        if (0 != size)
        {
            blocks.buffer().putBytes(grown, blocks.buffer(), offset, size);
            blocks.free(offset, size);
        }
        rows[at] = ((long)grownSize << 32) | (grown & 0xFFFF_FFFFL);
        return grown;
    }

    private void freeBlock(final long block)
    {
        final int size = (int)(block >>> 32);
        if (0 != size)
        {
            blocks.free((int)block, size);
        }
    }
}
