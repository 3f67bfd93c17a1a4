package io.firstcall.engine.routing;

import io.firstcall.codec.PresenceStatus;
import io.firstcall.engine.lead.ByteKeyIndex;
import io.firstcall.snapshot.SnapshotFormatException;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * The live state of a tenant's reps, by a stable index that outlives configuration changes:
 * presence, the number of leads each holds (for capacity) and the fairness ledger's credit.
 * A rep enters the book when configured or when first named by an event, and never leaves it, so a
 * rep who is removed and added back, or goes offline for a month, keeps the credit they had.
 */
public final class RepBook
{
    public static final int MISSING = ByteKeyIndex.MISSING;
    private static final byte UNKNOWN = -1;
    private static final int MAX_REPS = 1 << 24;
    private static final int MAX_ID_BYTES = 255;

    private final ByteKeyIndex ids = new ByteKeyIndex(64);
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private byte[] presence = new byte[64];
    private int[] load = new int[64];
    private long[] credit = new long[64];
    private int[] definition = new int[64];
    private int[] stateOfDefinition = new int[0];
    private Roster roster = Roster.EMPTY;

    public RepBook()
    {
        Arrays.fill(presence, UNKNOWN);
        Arrays.fill(definition, Roster.NONE);
    }

    /**
     * Link the book to a new roster: every configured rep gets (or keeps) its state.
     */
    public void bind(final Roster roster)
    {
        this.roster = roster;
        Arrays.fill(definition, Roster.NONE);
        stateOfDefinition = new int[roster.repCount()];
        for (int i = 0; i < roster.repCount(); i++)
        {
            final byte[] id = roster.rep(i).idBytes();
            view.wrap(id);
            final int state = stateOrAdd(view, 0, id.length);
            stateOfDefinition[i] = state;
            definition[state] = i;
        }
    }

    public Roster roster()
    {
        return roster;
    }

    /**
     * @return reps in the book.
     */
    public int size()
    {
        return ids.size();
    }

    /**
     * Write every rep by state index: id, presence, load and fairness credit. Which roster they
     * are bound to is the tenant's rules, written with them.
     */
    public void writeSnapshot(final SnapshotWriter writer)
    {
        writer.putInt(ids.size());
        for (int state = 0; state < ids.size(); state++)
        {
            writer.putInt(idLength(state)).putBytes(idBuffer(), idOffset(state), idLength(state))
                .putByte(presence[state]).putInt(load[state]).putLong(credit[state]);
        }
    }

    /**
     * Load what {@link #writeSnapshot} wrote into this new book; {@link #bind} follows.
     */
    public void readSnapshot(final SnapshotReader reader)
    {
        if (0 != ids.size())
        {
            throw new IllegalStateException("a snapshot loads into a new rep book");
        }
        final int count = reader.getCount(MAX_REPS);
        for (int i = 0; i < count; i++)
        {
            final byte[] id = new byte[reader.getCount(MAX_ID_BYTES)];
            reader.getBytes(id, 0, id.length);
            view.wrap(id);
            if (stateOrAdd(view, 0, id.length) != i)
            {
                throw new SnapshotFormatException("rep " + i + " is a repeat");
            }
            presence[i] = reader.getByte();
            load[i] = reader.getInt();
            credit[i] = reader.getLong();
        }
    }

    /**
     * @return the rep's state index, or {@link #MISSING} when the rep was never seen.
     */
    public int state(final DirectBuffer buffer, final int offset, final int length)
    {
        return ids.get(buffer, offset, length);
    }

    public int stateOrAdd(final DirectBuffer buffer, final int offset, final int length)
    {
        final int state = ids.getOrAdd(buffer, offset, length);
        if (state >= presence.length)
        {
            final int capacity = presence.length * 2;
            final int oldLength = presence.length;
            presence = Arrays.copyOf(presence, capacity);
            Arrays.fill(presence, oldLength, capacity, UNKNOWN);
            load = Arrays.copyOf(load, capacity);
            credit = Arrays.copyOf(credit, capacity);
            definition = Arrays.copyOf(definition, capacity);
            Arrays.fill(definition, oldLength, capacity, Roster.NONE);
        }
        return state;
    }

    /**
     * @return the state of configured rep {@code definition}.
     */
    public int stateOf(final int definition)
    {
        return stateOfDefinition[definition];
    }

    /**
     * @return the rep's index in the current roster, or {@link Roster#NONE} when not configured.
     */
    public int definitionOf(final int state)
    {
        return definition[state];
    }

    public void presence(final int state, final PresenceStatus status)
    {
        presence[state] = (byte)status.value();
    }

    public boolean available(final int state)
    {
        return PresenceStatus.AVAILABLE.value() == presence[state];
    }

    public boolean busy(final int state)
    {
        return PresenceStatus.BUSY.value() == presence[state];
    }

    public int load(final int state)
    {
        return load[state];
    }

    public void hold(final int state)
    {
        load[state]++;
    }

    public void release(final int state)
    {
        load[state]--;
    }

    public long credit(final int state)
    {
        return credit[state];
    }

    public void addCredit(final int state, final long delta)
    {
        credit[state] += delta;
    }

    public DirectBuffer idBuffer()
    {
        return ids.keyBuffer();
    }

    public int idOffset(final int state)
    {
        return ids.keyOffset(state);
    }

    public int idLength(final int state)
    {
        return ids.keyLength(state);
    }

    public String id(final int state)
    {
        return ids.keyString(state);
    }
}
