package io.firstcall.gateway.demo;

import io.firstcall.gateway.config.TenantConfig;
import org.agrona.CloseHelper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The simulated world of {@code firstcall demo}: a {@link RepClient} per demo rep (answering most
 * alerts with a call), a passive client on the tenant's manager queue (alerts for unowned leads
 * and escalations go there), and a {@link LeadSimulator} sending the {@link EventMix}. The reps
 * connect first so no alert finds its rep missing.
 */
public final class DemoSession implements AutoCloseable
{
    /**
     * The reps that own the simulated leads and answer alerts.
     */
    public static final List<String> REPS = List.of("r1", "r2", "r3", "r4");

    private static final long DRAIN_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(2);
    private static final int MAX_REP_ID_BYTES = 64;

    private final DemoStats stats;
    private final DemoReport report;
    private final List<RepClient> reps;
    private final LeadSimulator simulator;

    private DemoSession(final DemoStats stats, final DemoReport report, final List<RepClient> reps, final LeadSimulator simulator)
    {
        this.stats = stats;
        this.report = report;
        this.reps = reps;
        this.simulator = simulator;
    }

    /**
     * Connect every client to the JSON listener and start the lead stream.
     *
     * @param address       of the JSON lines listener.
     * @param tenant        whose tokens and hot forms are used.
     * @param ratePerSecond events the source sends per second, open loop.
     * @param seed          fixes the event mix and which alerts are answered.
     * @param runTag        starts every id, unique per run (the data directory may be reused).
     * @throws IOException when a client cannot connect or is refused.
     */
    public static DemoSession start(
        final InetSocketAddress address,
        final TenantConfig tenant,
        final int ratePerSecond,
        final long seed,
        final String runTag) throws IOException
    {
        final DemoStats stats = new DemoStats();
        final AlertLatency latency = new AlertLatency();
        final List<RepClient> clients = new ArrayList<>();
        try
        {
            final String repToken = tenant.access().repToken();
            for (final String rep : REPS)
            {
                clients.add(RepClient.connect(address, tenant.id(), repToken, rep, true, seed, runTag, stats, latency));
            }
            final String managerQueue = tenant.rules().managerQueue();
            final int queueBytes = managerQueue.getBytes(StandardCharsets.UTF_8).length;
            if (queueBytes > 0 && queueBytes <= MAX_REP_ID_BYTES && !REPS.contains(managerQueue))
            {
                clients.add(RepClient.connect(
                    address, tenant.id(), repToken, managerQueue, false, seed, runTag, stats, latency));
            }

            final EventMix mix = new EventMix(seed, runTag, REPS, tenant.rules().hotForms());
            final LeadSimulator simulator = LeadSimulator.start(address, tenant.access(), mix, ratePerSecond, stats, latency);
            return new DemoSession(stats, new DemoReport(stats, latency, System.nanoTime()), clients, simulator);
        }
        catch (final IOException | RuntimeException ex)
        {
            CloseHelper.quietCloseAll(clients);
            throw ex;
        }
    }

    public DemoReport report()
    {
        return report;
    }

    /**
     * @return problems seen since the last call (refused events, dropped connections), to print.
     */
    public List<String> drainProblems()
    {
        return stats.drainProblems();
    }

    /**
     * Stop the stream, give the acks of what was sent up to two seconds to arrive, then disconnect.
     */
    public void close()
    {
        simulator.stopSending();
        final long deadlineNs = System.nanoTime() + DRAIN_TIMEOUT_NS;
        while (stats.acked.get() + stats.errors.get() < stats.sent.get() && System.nanoTime() < deadlineNs)
        {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        simulator.close();
        CloseHelper.closeAll(reps);
    }
}
