package io.firstcall.audit;

import io.firstcall.engine.lead.ByteKeyIndex;
import io.firstcall.event.Bytes;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One tenant's part of the {@link SpeedToLeadProjection}: per lead, in flat arrays indexed by the
 * lead's dense id, the moments that matter (first form, first hot decision, first call after each)
 * and what followed (connected, qualified, converted, opportunities); per rep, the alert-fatigue
 * counts. Names (reps, teams, sources) are kept once each, by index.
 */
final class TenantResponses
{
    static final long NEVER = Long.MIN_VALUE;
    static final int NO_NAME = -1;
    static final int CONNECTED = 1;
    static final int QUALIFIED = 2;
    static final int CONVERTED = 4;

    final String tenant;
    final ByteKeyIndex leads = new ByteKeyIndex(1024);
    final ByteKeyIndex reps = new ByteKeyIndex(64);
    final ByteKeyIndex teams = new ByteKeyIndex(16);
    final ByteKeyIndex sources = new ByteKeyIndex(16);

    long[] formNs = new long[0];
    long[] hotNs = new long[0];
    long[] callNs = new long[0];
    long[] formCallNs = new long[0];
    long[] opportunityCents = new long[0];
    int[] callRep = new int[0];
    int[] owner = new int[0];
    int[] team = new int[0];
    int[] source = new int[0];
    int[] episode = new int[0];
    int[] opportunities = new int[0];
    byte[] outcomes = new byte[0];

    long[] repAlerts = new long[0];
    long[] repClaims = new long[0];
    long[] repLapses = new long[0];
    long[] repEscalations = new long[0];
    int[] repTeam = new int[0];

    private final UnsafeBuffer tenantId;

    TenantResponses(final String tenant)
    {
        this.tenant = tenant;
        tenantId = new UnsafeBuffer(tenant.getBytes(StandardCharsets.UTF_8));
    }

    boolean tenantIdEquals(final DirectBuffer buffer, final int offset, final int length)
    {
        return length == tenantId.capacity() && Bytes.equal(tenantId, 0, buffer, offset, length);
    }

    /**
     * @return the lead's index, its state created when new.
     */
    int lead(final DirectBuffer buffer, final int offset, final int length)
    {
        final int index = leads.getOrAdd(buffer, offset, length);
        if (index >= hotNs.length)
        {
            growLeads(Math.max(1024, hotNs.length * 2));
        }
        return index;
    }

    /**
     * @return the lead's index, or {@link ByteKeyIndex#MISSING} when never seen.
     */
    int findLead(final DirectBuffer buffer, final int offset, final int length)
    {
        return leads.get(buffer, offset, length);
    }

    int rep(final DirectBuffer buffer, final int offset, final int length)
    {
        if (0 == length)
        {
            return NO_NAME;
        }
        final int index = reps.getOrAdd(buffer, offset, length);
        if (index >= repAlerts.length)
        {
            final int capacity = Math.max(64, repAlerts.length * 2);
            repAlerts = Arrays.copyOf(repAlerts, capacity);
            repClaims = Arrays.copyOf(repClaims, capacity);
            repLapses = Arrays.copyOf(repLapses, capacity);
            repEscalations = Arrays.copyOf(repEscalations, capacity);
            final int from = repTeam.length;
            repTeam = Arrays.copyOf(repTeam, capacity);
            Arrays.fill(repTeam, from, capacity, NO_NAME);
        }
        return index;
    }

    static int name(final ByteKeyIndex names, final DirectBuffer buffer, final int offset, final int length)
    {
        return 0 == length ? NO_NAME : names.getOrAdd(buffer, offset, length);
    }

    static String name(final ByteKeyIndex names, final int index)
    {
        return NO_NAME == index ? null : names.keyString(index);
    }

    private void growLeads(final int capacity)
    {
        formNs = grow(formNs, capacity);
        hotNs = grow(hotNs, capacity);
        callNs = grow(callNs, capacity);
        formCallNs = grow(formCallNs, capacity);
        opportunityCents = Arrays.copyOf(opportunityCents, capacity);
        callRep = grow(callRep, capacity);
        owner = grow(owner, capacity);
        team = grow(team, capacity);
        source = grow(source, capacity);
        episode = Arrays.copyOf(episode, capacity);
        opportunities = Arrays.copyOf(opportunities, capacity);
        outcomes = Arrays.copyOf(outcomes, capacity);
    }

    private static long[] grow(final long[] values, final int capacity)
    {
        final int from = values.length;
        final long[] grown = Arrays.copyOf(values, capacity);
        Arrays.fill(grown, from, capacity, NEVER);
        return grown;
    }

    private static int[] grow(final int[] values, final int capacity)
    {
        final int from = values.length;
        final int[] grown = Arrays.copyOf(values, capacity);
        Arrays.fill(grown, from, capacity, NO_NAME);
        return grown;
    }
}
