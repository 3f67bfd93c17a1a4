package io.firstcall.bench.load;

import org.HdrHistogram.Histogram;
import org.agrona.CloseHelper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One source connection and the rep connections of one protocol, driven phase by phase in open
 * loop: the calling thread is the sender. It writes event {@code i} at its intended time (late if it
 * must, never early) and never waits for an ack; while it is behind schedule it batches the events
 * that are due into one write. Acks and alerts are read on their own threads.
 */
final class LoadRun implements AutoCloseable
{
    private static final int FLUSH_BYTES = 1024;
    private static final long START_DELAY_NS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long DRAIN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(5);
    private static final long SETTLE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(60);
    private static final long MIN_BACKLOG = 5_000;

    private final LoadOptions options;
    private final WireFormat wire;
    private final LoadEvents events;
    private final AlertTracker tracker;
    private final SourceReplies acks = new SourceReplies();
    private final ClientSocket source;
    private final ClientSocket[] reps;
    private final EngineStages engineStages;
    private final byte[] out = new byte[FLUSH_BYTES + WireFormat.MAX_EVENT_BYTES];
    private long totalSent;
    private int phase;

    LoadRun(
        final LoadOptions options,
        final WireFormat wire,
        final String run,
        final InetSocketAddress sourceAddress,
        final InetSocketAddress repAddress,
        final EngineStages engineStages) throws IOException
    {
        this.options = options;
        this.engineStages = engineStages;
        this.wire = wire;
        final String[] repIds = options.repIds();
        events = new LoadEvents(run, options.hotFraction(), repIds);
        tracker = new AlertTracker(events.run());
        reps = new ClientSocket[repIds.length];
        try
        {
            for (int i = 0; i < repIds.length; i++)
            {
                final byte[] hello = LoadEvents.bytes("{\"type\":\"hello\",\"tenant\":\"" + options.tenant() +
                    "\",\"token\":\"" + options.repToken() + "\",\"role\":\"rep\",\"rep\":\"" + repIds[i] + "\"}\n");
                reps[i] = ClientSocket.open(repAddress, hello, hello.length, false, tracker, "loadgen-rep-" + repIds[i]);
            }
            final int helloLength = wire.hello(out, options.tenant(), options.sourceToken());
            source = ClientSocket.open(sourceAddress, out, helloLength, wire.framed(), acks, "loadgen-acks-" + wire.name());
        }
        catch (final IOException | RuntimeException ex)
        {
            CloseHelper.closeAll(reps);
            throw ex;
        }
    }

    /**
     * @return the length of a hot event on this wire, the size the ping-pong floor uses.
     */
    int hotMessageBytes()
    {
        long index = 0;
        while (LoadEvents.HOT != events.kind(index))
        {
            index++;
        }
        return wire.encode(new byte[WireFormat.MAX_EVENT_BYTES], 0, events, 0, index);
    }

    /**
     * Send {@code rate} events a second for {@code seconds}, then wait for their acks and alerts.
     */
    RateResult phase(final long rate, final double seconds) throws IOException
    {
        settle();
        final int phaseId = ++phase;
        final long count = Math.max(1, Math.round(rate * seconds));
        final long maxBacklog = Math.max(MIN_BACKLOG, rate / 2);
        final long ackBase = acks.acks();
        final long errorBase = acks.errors();
        final Histogram sendLag = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        engineStages.begin();
        final Schedule schedule = new Schedule(phaseId, System.nanoTime() + START_DELAY_NS, rate);
        tracker.begin(schedule);

        int position = 0;
        long firstUnwritten = 0;
        long sent = 0;
        boolean aborted = false;
        for (long i = 0; i < count; i++)
        {
            final long intendedNs = schedule.intendedNs(i);
            if (System.nanoTime() < intendedNs)
            {
                if (position > 0)
                {
                    firstUnwritten = write(position, schedule, firstUnwritten, sent, sendLag);
                    position = 0;
                }
                waitUntil(intendedNs, options.spinNs());
            }
            position += wire.encode(out, position, events, phaseId, i);
            sent++;
            if (position >= FLUSH_BYTES)
            {
                firstUnwritten = write(position, schedule, firstUnwritten, sent, sendLag);
                position = 0;
            }
            if (0 == (i & 1023) && sent - (acks.acks() - ackBase) > maxBacklog)
            {
                aborted = true;
                break;
            }
        }
        if (position > 0)
        {
            write(position, schedule, firstUnwritten, sent, sendLag);
        }
        totalSent += sent;

        final long hotSent = events.hotCount(sent);
        final long deadlineNs = System.nanoTime() + DRAIN_TIMEOUT_NS;
        while ((acks.acks() - ackBase < sent || tracker.alerts() < hotSent) && System.nanoTime() < deadlineNs)
        {
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
        }
        final Histogram latency = tracker.finish();
        final LatencySummary engine = engineStages.end();
        final long acked = acks.acks() - ackBase;
        final double ackRate = acked * 1e9 / Math.max(1, acks.lastAckNs() - schedule.startNs());
        final long errors = acks.errors() - errorBase;
        if (errors > 0)
        {
            System.err.println("loadgen: first error from the server: " + acks.firstError());
        }
        final long lastDueNs = schedule.intendedNs(sent - 1);
        return new RateResult(wire.name(), rate, sent, hotSent, acked, tracker.alerts(), errors, ackRate,
            acks.lastAckNs() - lastDueNs, lastDueNs - schedule.startNs(), aborted,
            LatencySummary.of(latency), LatencySummary.of(sendLag), engine, options.p99BoundNs());
    }

    public void close()
    {
        CloseHelper.closeAll(source);
        CloseHelper.closeAll(reps);
    }

    /**
     * Write the buffered events and record how late each went out.
     *
     * @return the index of the first event not yet written.
     */
    private long write(
        final int length, final Schedule schedule, final long firstUnwritten, final long sent, final Histogram sendLag)
        throws IOException
    {
        source.write(out, 0, length);
        final long writtenNs = System.nanoTime();
        for (long i = firstUnwritten; i < sent; i++)
        {
            sendLag.recordValue(Math.min(Math.max(0, writtenNs - schedule.intendedNs(i)), sendLag.getHighestTrackableValue()));
        }
        return sent;
    }

    /**
     * Let a backlog from an earlier, unsustained phase drain before the next starts.
     */
    private void settle()
    {
        final long deadlineNs = System.nanoTime() + SETTLE_TIMEOUT_NS;
        while (acks.acks() + acks.errors() < totalSent && System.nanoTime() < deadlineNs)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }

    /**
     * Park until {@code spinNs} before the deadline (a park overshoots by ~90 µs on the VM measured),
     * then yield until it: yielding keeps the deadline without starving the server's threads.
     */
    private static void waitUntil(final long deadlineNs, final long spinNs)
    {
        for (long remaining = deadlineNs - System.nanoTime(); remaining > 0; remaining = deadlineNs - System.nanoTime())
        {
            if (remaining > spinNs)
            {
                LockSupport.parkNanos(remaining - spinNs);
            }
            else
            {
                Thread.yield();
            }
        }
    }
}
