package io.firstcall.pipeline;

import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.codec.TimerTickEncoder;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Publishes a timer tick every interval. Ticks are journaled like any event, so every timer in
 * the engine fires at the same journal position on replay. A tick refused by a full ring is simply
 * retried on the next duty cycle: the ring is busy, and the next event will carry time forward.
 */
public final class TickSource implements Agent
{
    private static final byte[] NO_BYTES = new byte[0];

    private final IngestPublisher publisher;
    private final EpochNanoClock clock;
    private final long intervalNs;
    private final AtomicCounter tickCounter;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[64]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final TimerTickEncoder tick = new TimerTickEncoder();
    private long nextTickNs;

    public TickSource(final IngestPublisher publisher, final EpochNanoClock clock, final long intervalNs, final AtomicCounter tickCounter)
    {
        this.publisher = publisher;
        this.clock = clock;
        this.intervalNs = intervalNs;
        this.tickCounter = tickCounter;
    }

    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        if (nowNs < nextTickNs)
        {
            return 0;
        }

        tick.wrapAndApplyHeader(buffer, 0, header)
            .eventTimeMs(nowNs / 1_000_000)
            .receiveTimeNs(nowNs)
            .putTenant(NO_BYTES, 0, 0)
            .putEventId(NO_BYTES, 0, 0);
        if (publisher.offer(buffer, 0, MessageHeaderEncoder.ENCODED_LENGTH + tick.encodedLength(), -1, nowNs))
        {
            tickCounter.incrementRelease();
            nextTickNs = nowNs + intervalNs;
            return 1;
        }
        return 0;
    }

    public String roleName()
    {
        return "firstcall-ticks";
    }
}
