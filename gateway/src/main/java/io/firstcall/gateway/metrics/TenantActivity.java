package io.firstcall.gateway.metrics;

import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.AssignmentDecoder;
import io.firstcall.codec.AssignmentReason;
import io.firstcall.codec.EscalationDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ObjLongConsumer;

/**
 * The one per-tenant table: connections open, events offered, rate limited and in error, alerts,
 * claims and escalations ({@link TenantCounter}), and the {@link TimeToClaim}. {@code /stats} and
 * {@code /metrics} both read it. One slot per configured tenant, fixed at start, so counting never
 * allocates and the exporters can show every tenant from zero.
 * <p>
 * Outputs are counted through the one narrow method {@link #onOutput}, which reads only the SBE header,
 * a few fixed fields and the tenant and lead: whichever stage delivers outputs calls it.
 * <pre>
 *  +----------------------------+  offset
 *  | SBE message header (8)     |  blockLength, templateId, schemaId, version
 *  +----------------------------+  offset + 8
 *  | fixed block                |  timeNs, episode, reason...
 *  +----------------------------+  offset + 8 + blockLength
 *  | var 0: tenant (uint8 len)  |
 *  | var 1: lead   (uint8 len)  |
 *  +----------------------------+
 * </pre>
 * Threads: the connection and event counts from any event loop (atomic adds); {@link #onOutput} from
 * the one thread that delivers outputs (the delivery event loop); reads from any thread.
 */
public final class TenantActivity
{
    /** The slot of a tenant that is not configured: counting it does nothing. */
    public static final int UNKNOWN_TENANT = -1;

    private static final TenantCounter[] COUNTERS = TenantCounter.values();

    private final String[] tenants;
    private final byte[][] tenantBytes;
    private final AtomicLongArray counts;
    private final TimeToClaim timeToClaim;
    private final AlertDecoder alert = new AlertDecoder();
    private final AssignmentDecoder assignment = new AssignmentDecoder();

    /**
     * @param tenants the configured tenant ids, in the order the exporter lists them.
     */
    public TenantActivity(final Collection<String> tenants)
    {
        this(tenants, new TimeToClaim(TimeToClaim.DEFAULT_CAPACITY));
    }

    TenantActivity(final Collection<String> tenants, final TimeToClaim timeToClaim)
    {
        this.tenants = tenants.toArray(new String[0]);
        tenantBytes = new byte[this.tenants.length][];
        for (int i = 0; i < this.tenants.length; i++)
        {
            tenantBytes[i] = this.tenants[i].getBytes(StandardCharsets.UTF_8);
        }
        counts = new AtomicLongArray(this.tenants.length * COUNTERS.length);
        this.timeToClaim = timeToClaim;
    }

    /**
     * @return the tenant's slot, or {@link #UNKNOWN_TENANT}; look it up once per connection.
     */
    public int slot(final String tenant)
    {
        for (int i = 0; i < tenants.length; i++)
        {
            if (tenants[i].equals(tenant))
            {
                return i;
            }
        }
        return UNKNOWN_TENANT;
    }

    public void onConnectionOpened(final int tenantSlot)
    {
        add(tenantSlot, TenantCounter.CONNECTIONS_OPEN, 1);
    }

    public void onConnectionClosed(final int tenantSlot)
    {
        add(tenantSlot, TenantCounter.CONNECTIONS_OPEN, -1);
    }

    public void onEventAccepted(final int tenantSlot)
    {
        add(tenantSlot, TenantCounter.EVENTS_ACCEPTED, 1);
    }

    public void onEventRateLimited(final int tenantSlot)
    {
        add(tenantSlot, TenantCounter.EVENTS_RATE_LIMITED, 1);
    }

    public void onEventRejected(final int tenantSlot)
    {
        add(tenantSlot, TenantCounter.EVENT_ERRORS, 1);
    }

    /**
     * Count an output the engine produced: an alert, a claim (an assignment by claim) or an
     * escalation; time the claims. Anything else, or a malformed message, is ignored.
     */
    public void onOutput(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return;
        }
        final int blockLength = buffer.getShort(offset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int templateId = buffer.getShort(offset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int version = buffer.getShort(offset + 6, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int body = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int tenantAt = body + blockLength;
        final int limit = offset + length;

        switch (templateId)
        {
            case AlertDecoder.TEMPLATE_ID:
            {
                // An alert's reasons and activity (groups) come before its text fields.
                alert.wrap(buffer, body, blockLength, version);
                final int alertTenantAt = afterGroups(alert);
                final int tenant = tenantSlot(buffer, alertTenantAt, limit);
                if (UNKNOWN_TENANT != tenant)
                {
                    increment(tenant, TenantCounter.ALERTS);
                    final long key = leadKey(tenant, buffer, alertTenantAt, limit);
                    if (0 != key)
                    {
                        timeToClaim.onAlert(key, alert.episode(), alert.timeNs());
                    }
                }
                break;
            }

            case AssignmentDecoder.TEMPLATE_ID:
            {
                assignment.wrap(buffer, body, blockLength, version);
                final int tenant = AssignmentReason.CLAIM == assignment.reason() ?
                    tenantSlot(buffer, tenantAt, limit) : UNKNOWN_TENANT;
                if (UNKNOWN_TENANT != tenant)
                {
                    increment(tenant, TenantCounter.CLAIMS);
                    final long key = leadKey(tenant, buffer, tenantAt, limit);
                    if (0 != key)
                    {
                        timeToClaim.onClaim(key, assignment.episode(), assignment.timeNs());
                    }
                }
                break;
            }

            case EscalationDecoder.TEMPLATE_ID:
            {
                final int tenant = tenantSlot(buffer, tenantAt, limit);
                if (UNKNOWN_TENANT != tenant)
                {
                    increment(tenant, TenantCounter.ESCALATIONS);
                }
                break;
            }

            default:
                break;
        }
    }

    /**
     * @return the position of the alert's first text field (its tenant), after its groups.
     */
    private static int afterGroups(final AlertDecoder alert)
    {
        for (final AlertDecoder.CriteriaDecoder criteria = alert.criteria(); criteria.hasNext(); )
        {
            criteria.next().sbeSkip();
        }
        for (final AlertDecoder.FirmographicDecoder firmographic = alert.firmographic(); firmographic.hasNext(); )
        {
            firmographic.next().sbeSkip();
        }
        for (final AlertDecoder.SignalsDecoder signals = alert.signals(); signals.hasNext(); )
        {
            signals.next().sbeSkip();
        }
        for (final AlertDecoder.ActivityDecoder activity = alert.activity(); activity.hasNext(); )
        {
            activity.next().sbeSkip();
        }
        return alert.limit();
    }

    public int tenantCount()
    {
        return tenants.length;
    }

    public String tenant(final int tenantSlot)
    {
        return tenants[tenantSlot];
    }

    /**
     * @return the current count (a volatile read).
     */
    public long value(final int tenantSlot, final TenantCounter counter)
    {
        return counts.get(tenantSlot * COUNTERS.length + counter.ordinal());
    }

    /**
     * Hand each counter of one tenant, by its {@code /stats} name, to {@code consumer}; nothing for an
     * unknown tenant.
     */
    public void forEachStat(final String tenant, final ObjLongConsumer<String> consumer)
    {
        final int tenantSlot = slot(tenant);
        if (UNKNOWN_TENANT != tenantSlot)
        {
            for (final TenantCounter counter : COUNTERS)
            {
                consumer.accept(counter.statsName(), value(tenantSlot, counter));
            }
        }
    }

    public TimeToClaim timeToClaim()
    {
        return timeToClaim;
    }

    /**
     * From any thread: an atomic add.
     */
    private void add(final int tenantSlot, final TenantCounter counter, final int delta)
    {
        if (UNKNOWN_TENANT != tenantSlot)
        {
            counts.getAndAdd(tenantSlot * COUNTERS.length + counter.ordinal(), delta);
        }
    }

    /**
     * From the one output thread: a plain read and an ordered write, no atomic instruction.
     */
    private void increment(final int tenantSlot, final TenantCounter counter)
    {
        final int index = tenantSlot * COUNTERS.length + counter.ordinal();
        counts.setRelease(index, counts.getPlain(index) + 1);
    }

    /**
     * @return the slot of the tenant in var field 0 at {@code at}, or {@link #UNKNOWN_TENANT}.
     */
    private int tenantSlot(final DirectBuffer buffer, final int at, final int limit)
    {
        if (at >= limit)
        {
            return UNKNOWN_TENANT;
        }
        final int length = buffer.getByte(at) & 0xFF;
        if (at + 1 + length > limit)
        {
            return UNKNOWN_TENANT;
        }
        for (int i = 0; i < tenantBytes.length; i++)
        {
            if (equals(tenantBytes[i], buffer, at + 1, length))
            {
                return i;
            }
        }
        return UNKNOWN_TENANT;
    }

    /**
     * @param tenantAt where var field 0 (the tenant) starts; the lead follows it.
     * @return a 64-bit hash of (tenant slot, lead), never 0; or 0 when the message is truncated.
     */
    static long leadKey(final int tenantSlot, final DirectBuffer buffer, final int tenantAt, final int limit)
    {
        final int leadAt = tenantAt + 1 + (buffer.getByte(tenantAt) & 0xFF);
        if (leadAt >= limit)
        {
            return 0;
        }
        final int leadLength = buffer.getByte(leadAt) & 0xFF;
        if (leadAt + 1 + leadLength > limit)
        {
            return 0;
        }

        // FNV-1a over the lead's bytes, seeded with the tenant, then MurmurHash3's finaliser to spread it.
        long hash = 0xcbf29ce484222325L ^ tenantSlot;
        for (int i = leadAt + 1, end = leadAt + 1 + leadLength; i < end; i++)
        {
            hash ^= buffer.getByte(i) & 0xFF;
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;

        return 0 == hash ? 1 : hash;
    }

    private static boolean equals(final byte[] expected, final DirectBuffer buffer, final int offset, final int length)
    {
        if (expected.length != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (expected[i] != buffer.getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }
}
