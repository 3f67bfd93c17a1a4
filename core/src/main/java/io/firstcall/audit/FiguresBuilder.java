package io.firstcall.audit;

import org.agrona.collections.LongArrayList;

/**
 * Adds hot leads and rep counts up into one group's {@link Figures}.
 */
final class FiguresBuilder
{
    private static final int BUCKETS = ResponseBucket.VALUES.length;

    long hotLeads;
    long open;
    final long[] bucketLeads = new long[BUCKETS];
    final long[] connected = new long[BUCKETS];
    final long[] qualified = new long[BUCKETS];
    final long[] converted = new long[BUCKETS];
    final long[] opportunities = new long[BUCKETS];
    final long[] opportunityCents = new long[BUCKETS];
    final LongArrayList fromHot = new LongArrayList();
    final LongArrayList fromForm = new LongArrayList();
    long alerts;
    long claims;
    long lapses;
    long escalations;

    /**
     * @param bucket null while the lead is open.
     * @param responseNs from hot to the first call, -1 when not called within the horizon.
     * @param formResponseNs from the first form to the first call after it, -1 when none within the horizon.
     */
    void lead(
        final ResponseBucket bucket, final long responseNs, final long formResponseNs, final int outcomes,
        final int opportunityCount, final long cents)
    {
        hotLeads++;
        if (null == bucket)
        {
            open++;
            return;
        }
        final int b = bucket.ordinal();
        bucketLeads[b]++;
        connected[b] += 0 != (outcomes & TenantResponses.CONNECTED) ? 1 : 0;
        qualified[b] += 0 != (outcomes & TenantResponses.QUALIFIED) ? 1 : 0;
        converted[b] += 0 != (outcomes & TenantResponses.CONVERTED) ? 1 : 0;
        opportunities[b] += opportunityCount;
        opportunityCents[b] += cents;
        if (responseNs >= 0)
        {
            fromHot.addLong(responseNs);
        }
        if (formResponseNs >= 0)
        {
            fromForm.addLong(formResponseNs);
        }
    }

    void rep(final long alerts, final long claims, final long lapses, final long escalations)
    {
        this.alerts += alerts;
        this.claims += claims;
        this.lapses += lapses;
        this.escalations += escalations;
    }

    Figures build()
    {
        return new Figures(this);
    }
}
