package io.firstcall.gateway.demo;

import io.firstcall.gateway.TenantAccess;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A lead platform: one source connection sending an {@link EventMix} at a fixed rate, open loop.
 * Event i is due at start + i / rate whatever happened before it; when the sender falls behind (a
 * slow server, back-pressure) it catches up in bursts rather than stretching the schedule, and
 * the alert latency is measured from the due time. A second thread reads the acks.
 */
final class LeadSimulator implements AutoCloseable
{
    static final int CONNECT_TIMEOUT_MS = 5_000;
    /** Lines written before a flush when catching up. */
    private static final int MAX_BURST = 1_024;

    private final JsonLineConnection connection;
    private final EventMix mix;
    private final double periodNs;
    private final DemoStats stats;
    private final AlertLatency latency;
    private final Thread sender;
    private final Thread reader;
    private volatile boolean sending = true;
    private volatile boolean closing;

    private LeadSimulator(
        final JsonLineConnection connection,
        final EventMix mix,
        final int ratePerSecond,
        final DemoStats stats,
        final AlertLatency latency)
    {
        this.connection = connection;
        this.mix = mix;
        this.periodNs = (double)TimeUnit.SECONDS.toNanos(1) / ratePerSecond;
        this.stats = stats;
        this.latency = latency;
        sender = new Thread(this::sendLoop, "firstcall-demo-source");
        reader = new Thread(this::readLoop, "firstcall-demo-source-acks");
        sender.setDaemon(true);
        reader.setDaemon(true);
    }

    /**
     * Connect as a source of the tenant and start sending.
     */
    static LeadSimulator start(
        final InetSocketAddress address,
        final TenantAccess tenant,
        final EventMix mix,
        final int ratePerSecond,
        final DemoStats stats,
        final AlertLatency latency) throws IOException
    {
        if (ratePerSecond < 1)
        {
            throw new IllegalArgumentException("rate must be >= 1 event/s: " + ratePerSecond);
        }
        final String hello = new JsonLine().type("hello").text("tenant", tenant.tenant())
            .text("token", tenant.sourceToken()).end();
        final LeadSimulator simulator = new LeadSimulator(
            JsonLineConnection.open(address, hello, CONNECT_TIMEOUT_MS), mix, ratePerSecond, stats, latency);
        simulator.reader.start();
        simulator.sender.start();
        return simulator;
    }

    /**
     * Stop sending and wait for the sender; acks keep being read until {@link #close()}.
     */
    void stopSending()
    {
        sending = false;
        LockSupport.unpark(sender);
        join(sender);
    }

    public void close()
    {
        closing = true;
        sending = false;
        // Closing the socket also frees a sender blocked on a server that stopped reading.
        connection.close();
        join(sender);
        join(reader);
    }

    private void sendLoop()
    {
        final long startNs = System.nanoTime();
        long index = 0;
        try
        {
            while (sending)
            {
                final long nowNs = System.nanoTime();
                long dueNs = startNs + (long)(index * periodNs);
                if (dueNs > nowNs)
                {
                    LockSupport.parkNanos(dueNs - nowNs);
                    continue;
                }
                for (int burst = 0; burst < MAX_BURST && dueNs <= nowNs; burst++)
                {
                    final SimEvent event = mix.next();
                    if (event.isHot())
                    {
                        latency.onHotSent(event.id(), dueNs);
                    }
                    connection.write(event.line());
                    stats.sent.incrementAndGet();
                    dueNs = startNs + (long)(++index * periodNs);
                }
                connection.flush();
            }
        }
        catch (final IOException ex)
        {
            if (!closing)
            {
                stats.problem("source connection failed while sending: " + ex.getMessage());
            }
        }
    }

    private void readLoop()
    {
        final PushLine push = new PushLine();
        try
        {
            String line;
            while (null != (line = connection.readLine()))
            {
                if (!push.parse(line))
                {
                    stats.problem("source: unreadable line from the server: " + line);
                }
                else if ("ack".equals(push.type))
                {
                    stats.onAck(push.duplicate);
                    latency.onAck(push.id, push.seq, push.duplicate);
                }
                else if ("error".equals(push.type))
                {
                    stats.onError(line);
                }
            }
            if (!closing)
            {
                stats.problem("source connection closed by the server");
            }
        }
        catch (final IOException ex)
        {
            if (!closing)
            {
                stats.problem("source connection failed: " + ex.getMessage());
            }
        }
    }

    private static void join(final Thread thread)
    {
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
