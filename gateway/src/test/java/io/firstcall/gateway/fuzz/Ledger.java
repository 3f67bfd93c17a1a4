package io.firstcall.gateway.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The storm's model of the input journal. Inputs reach the engine one window at a time and ticks only
 * between windows, so the journal order is the order the storm sent things in: the ledger predicts the
 * sequence of every acknowledgement, which retries are duplicates (docs/protocol.md §4: an id re-sent
 * less than the horizon of engine time after it was journaled, unless its tenant journaled more than
 * its cap of ids since, which forgets the oldest first), and the exact bytes of every journal entry,
 * kept as a CRC per sequence.
 */
final class Ledger
{
    /** A sequence whose entry the storm does not predict byte for byte (a tick, a configuration change). */
    static final long ANY = -1;
    /** The sequence of the storm's first event, until the engine has told it. */
    static final long UNKNOWN = -1;

    private final long horizonNs;
    private final int maxIdsPerTenant;
    /** By (tenant, id): the sequence, the engine time and the tenant's count of ids when it was journaled. */
    private final Map<String, long[]> keys = new HashMap<>();
    private final Map<String, long[]> idsByTenant = new HashMap<>();
    private final CRC32C crc = new CRC32C();
    private long firstSequence = -1;
    private long firstDigest;
    private long nextSequence;
    private long[] digests = new long[1 << 16];
    private long forgottenByTime;
    private long forgottenByCap;

    /**
     * @param horizonNs       the engine's dedup horizon, in engine time.
     * @param maxIdsPerTenant the engine's cap of remembered ids per tenant.
     */
    Ledger(final long horizonNs, final int maxIdsPerTenant)
    {
        this.horizonNs = horizonNs;
        this.maxIdsPerTenant = maxIdsPerTenant;
    }

    /**
     * Start predicting from the sequence the engine gave the storm's first event, the only one the
     * ledger took before it knew where the journal stood.
     */
    void startAt(final long sequence)
    {
        firstSequence = sequence;
        nextSequence = sequence + 1;
        digests[0] = firstDigest;
        for (final long[] original : keys.values())
        {
            original[0] = sequence;
        }
    }

    boolean started()
    {
        return firstSequence >= 0;
    }

    long firstSequence()
    {
        return firstSequence;
    }

    long nextSequence()
    {
        return nextSequence;
    }

    /**
     * @return how many ids came back after the engine had forgotten them: past the horizon, and early
     * (past the tenant's cap); each was a new event.
     */
    String forgotten()
    {
        return forgottenByTime + " past the horizon, " + forgottenByCap + " past the tenant's cap";
    }

    /**
     * A valid event reaches the journal: a duplicate of a key still remembered, or a new entry.
     *
     * @param message the SBE message the journal must hold for it.
     * @param nowNs   the engine time it is journaled at: the storm's clock.
     * @return its acknowledgement.
     */
    Expected accept(final String tenant, final byte[] eventId, final byte[] message, final long nowNs)
    {
        final String key = key(tenant, eventId);
        final long[] tenantIds = idsByTenant.computeIfAbsent(tenant, (t) -> new long[1]);
        final String id = new String(eventId, StandardCharsets.UTF_8);
        if (!started())
        {
            firstDigest = digest(message);
            keys.put(key, new long[] {UNKNOWN, nowNs, tenantIds[0]++});
            return Expected.ack(id, UNKNOWN, false);
        }
        final long[] original = keys.get(key);
        if (null != original)
        {
            if (nowNs - original[1] >= horizonNs)
            {
                forgottenByTime++;
            }
            else if (original[2] < tenantIds[0] - maxIdsPerTenant)
            {
                forgottenByCap++;
            }
            else
            {
                return Expected.ack(id, original[0], true);
            }
        }
        final long sequence = nextSequence++;
        keys.put(key, new long[] {sequence, nowNs, tenantIds[0]++});
        record(sequence, digest(message));
        return Expected.ack(id, sequence, false);
    }

    /**
     * An entry whose bytes the storm does not predict: a tick.
     */
    void unkeyed()
    {
        record(nextSequence++, ANY);
    }

    /**
     * @return the CRC of the entry the journal must hold at {@code sequence}, {@link #ANY}, or
     * {@link #ANY} too before the storm's first event.
     */
    long expectedDigest(final long sequence)
    {
        final long index = sequence - firstSequence;
        return index < 0 || index >= nextSequence - firstSequence ? ANY : digests[(int)index];
    }

    long digest(final byte[] message)
    {
        return digest(message, 0, message.length);
    }

    long digest(final byte[] bytes, final int offset, final int length)
    {
        crc.reset();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }

    private static String key(final String tenant, final byte[] eventId)
    {
        return tenant + '\u0000' + new String(eventId, StandardCharsets.ISO_8859_1);
    }

    private void record(final long sequence, final long digest)
    {
        final int index = (int)(sequence - firstSequence);
        if (index >= digests.length)
        {
            digests = Arrays.copyOf(digests, digests.length * 2);
        }
        digests[index] = digest;
    }
}
