package io.firstcall.gateway.session;

import org.agrona.DirectBuffer;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live rep connections by (tenant, rep); a rep may have several. Event loops add and remove
 * sessions (rarely, under a lock, copy-on-write); the delivery agent looks them up for every output,
 * on its one event loop, lock-free and without allocating. The tenant is part of the key: tenants are walls.
 */
public final class RepDirectory
{
    private static final Session[] NONE = new Session[0];

    private final ConcurrentHashMap<RepKey, Session[]> sessionsByRep = new ConcurrentHashMap<>();
    /** Used by the one thread that calls {@link #find}. */
    private final RepKey probe = RepKey.probe();

    synchronized void add(final byte[] tenant, final byte[] rep, final Session session)
    {
        final RepKey key = RepKey.of(tenant, rep);
        final Session[] current = sessionsByRep.getOrDefault(key, NONE);
        final Session[] updated = Arrays.copyOf(current, current.length + 1);
        updated[current.length] = session;
        sessionsByRep.put(key, updated);
    }

    synchronized void remove(final byte[] tenant, final byte[] rep, final Session session)
    {
        final RepKey key = RepKey.of(tenant, rep);
        final Session[] current = sessionsByRep.get(key);
        if (null == current)
        {
            return;
        }

        int kept = 0;
        final Session[] updated = new Session[current.length];
        for (final Session s : current)
        {
            if (s != session)
            {
                updated[kept++] = s;
            }
        }

        if (0 == kept)
        {
            sessionsByRep.remove(key);
        }
        else if (kept < current.length)
        {
            sessionsByRep.put(key, Arrays.copyOf(updated, kept));
        }
    }

    /**
     * Delivery event loop only (one caller thread).
     *
     * @return the rep's sessions (do not modify), or null when the rep has no connection.
     */
    Session[] find(
        final DirectBuffer buffer,
        final int tenantOffset,
        final int tenantLength,
        final int repOffset,
        final int repLength)
    {
        if (!probe.set(buffer, tenantOffset, tenantLength, repOffset, repLength))
        {
            return null;
        }

        return sessionsByRep.get(probe);
    }

    /**
     * @return how many connections the rep has now; for tests and ops.
     */
    public int connectionCount(final byte[] tenant, final byte[] rep)
    {
        final Session[] sessions = sessionsByRep.get(RepKey.of(tenant, rep));
        return null == sessions ? 0 : sessions.length;
    }
}
