package io.firstcall.gateway.demo;

import org.HdrHistogram.Histogram;
import org.agrona.collections.Long2LongHashMap;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Alert latency as a rep sees it: from the moment a hot event was due to be sent to the moment the
 * alert it caused arrives. The start is the event's intended send time in the open-loop schedule,
 * not the moment the sender got round to it, so a stalled server shows up in the numbers instead
 * of pausing the clock (coordinated omission).
 * <p>
 * An alert names its cause by journal sequence and the source learns an event's sequence from its
 * ack; ack and alert travel on different connections, so whichever arrives second completes the
 * pair. Guarded by this object's lock: a few hundred updates a second, from three kinds of threads.
 */
final class AlertLatency
{
    private static final long STALE_NS = TimeUnit.SECONDS.toNanos(60);

    private final Map<String, Long> sentById = new HashMap<>();
    private final Long2LongHashMap sentBySeq = new Long2LongHashMap(Long.MIN_VALUE);
    private final Long2LongHashMap alertedBySeq = new Long2LongHashMap(Long.MIN_VALUE);
    private Histogram interval = new Histogram(3);
    private final Histogram total = new Histogram(3);

    synchronized void onHotSent(final String id, final long intendedNs)
    {
        sentById.put(id, intendedNs);
    }

    synchronized void onAck(final String id, final long seq, final boolean duplicate)
    {
        final Long sent = duplicate ? null : sentById.remove(id);
        if (null == sent)
        {
            return;
        }
        final long sentNs = sent;
        final long alertedNs = alertedBySeq.remove(seq);
        if (Long.MIN_VALUE != alertedNs)
        {
            record(alertedNs - sentNs);
        }
        else
        {
            sentBySeq.put(seq, sentNs);
        }
    }

    synchronized void onAlert(final long seq, final long receivedNs)
    {
        final long sentNs = sentBySeq.remove(seq);
        if (Long.MIN_VALUE != sentNs)
        {
            record(receivedNs - sentNs);
        }
        else
        {
            alertedBySeq.put(seq, receivedNs);
        }
    }

    /**
     * @return the latencies recorded since the last call, in ns; valid until the next call.
     */
    synchronized Histogram takeInterval(final long nowNs)
    {
        final Histogram taken = interval;
        total.add(taken);
        interval = new Histogram(3);
        forgetOlderThan(nowNs - STALE_NS);
        return taken;
    }

    /**
     * @return every latency recorded up to the last {@link #takeInterval}, in ns.
     */
    synchronized Histogram total()
    {
        return total.copy();
    }

    private void record(final long latencyNs)
    {
        interval.recordValue(Math.max(0, latencyNs));
    }

    /**
     * Hot events whose alert never came (a repeat inside the cooldown) and alerts we did not cause.
     */
    private void forgetOlderThan(final long cutoffNs)
    {
        final Iterator<Long> sent = sentById.values().iterator();
        while (sent.hasNext())
        {
            if (sent.next() < cutoffNs)
            {
                sent.remove();
            }
        }
        sentBySeq.entrySet().removeIf(entry -> entry.getValue() < cutoffNs);
        alertedBySeq.entrySet().removeIf(entry -> entry.getValue() < cutoffNs);
    }
}
