package io.firstcall.pipeline;

import io.firstcall.event.Bytes;
import io.firstcall.event.InputEnvelope;
import io.firstcall.journal.EntryHandler;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.status.AtomicCounter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Remembers each tenant's journaled (tenant, event id) keys for a horizon of engine time, so a
 * retried event is journaled and processed once. The guarantee (docs/protocol.md): an id re-sent
 * less than {@code horizonNs} of engine time after it was first journaled is answered as a duplicate
 * with its original sequence, unless its tenant journaled more than {@code maxIdsPerTenant} ids in
 * that time, in which case that tenant's oldest ids are forgotten early and counted
 * ({@code dedup_early_evictions}). One tenant's flood never evicts another tenant's ids.
 * <p>
 * Only a 64-bit hash of each key, its journal position and its engine time are kept, per tenant, off
 * the heap ({@link TenantIdRing}). A hash hit is confirmed by reading the original entry back from
 * the journal and comparing the key bytes, so a hash collision can never swallow a distinct event;
 * that read is off the common path (retries are rare).
 * <p>
 * Everything that changes the window is a journaled event, handed over in journal order with its
 * engine time, so the window is the same live, after a replay and after a snapshot is loaded; a
 * lookup changes nothing. A new window starts restoring: {@link #restore} fills the rings only, and
 * {@link #endRestore()} builds the indexes, after which {@link #record} and {@link #findOriginal} work.
 */
public final class DedupWindow implements AutoCloseable
{
    private static final int MAX_TENANTS = 1 << 20;
    /** Snapshots from this format on hold each tenant's index after its ids. */
    private static final int INDEXED_FORMAT_VERSION = 2;
    private static final int MAX_TENANT_LENGTH = 255;

    private final long horizonNs;
    private final int maxIdsPerTenant;
    private final JournalReader reader;
    private final AtomicCounter earlyEvictions;
    private final Long2ObjectHashMap<TenantIdRing> tenantByHash = new Long2ObjectHashMap<>();
    private final List<TenantIdRing> tenants = new ArrayList<>();
    private final InputEnvelope original = new InputEnvelope();
    private final EntryHandler confirmHandler = this::onOriginal;
    private TenantIdRing lastTenant;
    private InputEnvelope candidate;
    private long originalSequence;
    private boolean confirmed;
    private boolean restoring = true;

    /**
     * @param horizonNs       how long, in engine time, an id is remembered.
     * @param maxIdsPerTenant the most ids remembered per tenant; more within the horizon evicts early.
     * @param reader          of the input journal, to confirm hash hits; null for a window that is only restored.
     * @param earlyEvictions  counts ids forgotten before the horizon while recording live; null for a window only restored.
     */
    public DedupWindow(final long horizonNs, final int maxIdsPerTenant, final JournalReader reader, final AtomicCounter earlyEvictions)
    {
        if (horizonNs < 1 || maxIdsPerTenant < 1)
        {
            throw new IllegalArgumentException("dedup horizon and cap must be positive: " + horizonNs + " ns, " + maxIdsPerTenant);
        }
        this.horizonNs = horizonNs;
        this.maxIdsPerTenant = maxIdsPerTenant;
        this.reader = reader;
        this.earlyEvictions = earlyEvictions;
    }

    /**
     * @return ids held, expired or not, over every tenant.
     */
    public long size()
    {
        long size = 0;
        for (int i = 0, n = tenants.size(); i < n; i++)
        {
            size += tenants.get(i).size();
        }
        return size;
    }

    /**
     * @param nowNs the engine time the retry would be journaled at.
     * @return the journal sequence of the event with the same key, or -1 when none is remembered at {@code nowNs}.
     */
    long findOriginal(final InputEnvelope event, final long keyHash, final long nowNs)
    {
        final TenantIdRing tenant = tenant(event, false);
        if (null == tenant)
        {
            return -1;
        }
        final long entry = tenant.find(keyHash);
        if (entry < 0 || nowNs - tenant.timestampNs(entry) >= horizonNs)
        {
            return -1;
        }

        candidate = event;
        confirmed = false;
        reader.readAt(tenant.position(entry), confirmHandler);
        candidate = null;
        return confirmed ? originalSequence : -1;
    }

    /**
     * Remember a journaled event's key, live.
     */
    public void record(final InputEnvelope event, final long keyHash, final long position, final long timestampNs)
    {
        if (restoring)
        {
            throw new IllegalStateException("record after endRestore");
        }
        if (tenant(event, true).append(keyHash, position, timestampNs, horizonNs) > 0)
        {
            earlyEvictions.incrementRelease();
        }
    }

    /**
     * Remember a journaled event's key while restoring; nothing is counted and nothing can be looked up.
     */
    public void restore(final InputEnvelope event, final long keyHash, final long position, final long timestampNs)
    {
        tenant(event, true).append(keyHash, position, timestampNs, horizonNs);
    }

    /**
     * While restoring, index the ids held now (those of a snapshot just loaded), on whichever thread
     * calls it, so that {@link #endRestore()} only indexes what the restore changes afterwards.
     * Nothing else may use the window meanwhile.
     */
    public void indexRestored()
    {
        for (int i = 0, n = tenants.size(); i < n; i++)
        {
            tenants.get(i).indexRestored();
        }
    }

    /**
     * Build the indexes; the window answers lookups from now on.
     */
    public void endRestore()
    {
        for (int i = 0, n = tenants.size(); i < n; i++)
        {
            tenants.get(i).buildIndex();
        }
        restoring = false;
    }

    /**
     * @return the journal position of the oldest id still remembered at {@code nowNs}, or
     * {@link Long#MAX_VALUE}: a restart from a snapshot taken now confirms retries against entries
     * from there on.
     */
    public long oldestPosition(final long nowNs)
    {
        long oldest = Long.MAX_VALUE;
        for (int i = 0, n = tenants.size(); i < n; i++)
        {
            oldest = Math.min(oldest, tenants.get(i).oldestLivePosition(nowNs, horizonNs));
        }
        return oldest;
    }

    /**
     * Write the window's horizon and cap, then every id still inside the horizon at {@code nowNs} (the
     * engine time of the last event applied), tenants in byte order and each tenant's ids oldest first; a tenant with none is left
     * out. Ids past the horizon are dropped here rather than kept: they are never answered, and
     * leaving them out makes the bytes the same whether the window was built live or restored. Each
     * tenant's index follows its ids, so a restart copies it rather than builds it.
     */
    public void writeSnapshot(final SnapshotWriter writer, final long nowNs)
    {
        final TenantIdRing[] sorted = tenants.toArray(new TenantIdRing[0]);
        Arrays.sort(sorted, (a, b) -> Arrays.compareUnsigned(a.tenant(), b.tenant()));
        int count = 0;
        for (final TenantIdRing tenant : sorted)
        {
            count += tenant.liveCount(nowNs, horizonNs) > 0 ? 1 : 0;
        }
        writer.putLong(horizonNs).putInt(maxIdsPerTenant).putInt(count);
        for (final TenantIdRing tenant : sorted)
        {
            if (tenant.liveCount(nowNs, horizonNs) > 0)
            {
                tenant.writeSnapshot(writer, nowNs, horizonNs);
            }
        }
    }

    /**
     * Load a snapshot into this new, still restoring window. The window keeps its own horizon and
     * cap: ids the snapshot holds beyond the cap are forgotten, oldest first, as they are loaded.
     */
    public void readSnapshot(final SnapshotReader snapshot)
    {
        if (!restoring || !tenants.isEmpty())
        {
            throw new IllegalStateException("a snapshot loads into a new window");
        }
        final long writtenHorizonNs = snapshot.getLong();
        final int writtenMaxIds = snapshot.getInt();
        final boolean sameLimits = writtenHorizonNs == horizonNs && writtenMaxIds == maxIdsPerTenant;
        final boolean withIndex = snapshot.formatVersion() >= INDEXED_FORMAT_VERSION;
        final int count = snapshot.getCount(MAX_TENANTS);
        for (int i = 0; i < count; i++)
        {
            final byte[] name = new byte[snapshot.getCount(MAX_TENANT_LENGTH)];
            snapshot.getBytes(name, 0, name.length);
            final TenantIdRing tenant = addTenant(name, Bytes.hash(Bytes.HASH_SEED, name, name.length));
            tenant.readEntries(snapshot, snapshot.getCount(Integer.MAX_VALUE), horizonNs, withIndex, sameLimits);
        }
    }

    /**
     * @return a new window with the horizon and cap a snapshot section was written with, read from its start:
     * a tool rebuilding the same state elsewhere builds its window with them.
     */
    public static DedupWindow withSettingsOf(final SnapshotReader section, final JournalReader reader, final AtomicCounter earlyEvictions)
    {
        final long horizonNs = section.getLong();
        return new DedupWindow(horizonNs, section.getInt(), reader, earlyEvictions);
    }

    public void close()
    {
        for (int i = 0, n = tenants.size(); i < n; i++)
        {
            tenants.get(i).close();
        }
        tenants.clear();
        tenantByHash.clear();
        lastTenant = null;
    }

    private TenantIdRing tenant(final InputEnvelope event, final boolean create)
    {
        final DirectBuffer buffer = event.buffer();
        final int offset = event.tenantOffset();
        final int length = event.tenantLength();
        final TenantIdRing last = lastTenant;
        if (null != last && Bytes.equal(buffer, offset, length, last.tenant(), last.tenant().length))
        {
            return last;
        }

        final long hash = Bytes.hash(Bytes.HASH_SEED, buffer, offset, length);
        // Two tenants whose names share a hash take consecutive keys.
        for (long key = hash; ; key++)
        {
            final TenantIdRing tenant = tenantByHash.get(key);
            if (null == tenant)
            {
                if (!create)
                {
                    return null;
                }
                final byte[] name = new byte[length];
                buffer.getBytes(offset, name);
                lastTenant = addTenant(name, hash);
                return lastTenant;
            }
            if (Bytes.equal(buffer, offset, length, tenant.tenant(), tenant.tenant().length))
            {
                lastTenant = tenant;
                return tenant;
            }
        }
    }

    private TenantIdRing addTenant(final byte[] name, final long hash)
    {
        long key = hash;
        while (tenantByHash.containsKey(key))
        {
            key++;
        }
        final TenantIdRing tenant = new TenantIdRing(name, maxIdsPerTenant, !restoring);
        tenantByHash.put(key, tenant);
        tenants.add(tenant);
        return tenant;
    }

    private void onOriginal(final DirectBuffer buffer, final int offset, final int length, final long position)
    {
        if (original.wrap(buffer, offset + RecordHeader.LENGTH, length - RecordHeader.LENGTH) && original.sameKey(candidate))
        {
            originalSequence = RecordHeader.sequence(buffer, offset);
            confirmed = true;
        }
    }
}
