package io.firstcall.bench.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Everything one load-generator run measured, per protocol, and the ratios against BRIEF section 4.
 */
public final class LoadReport
{
    /** BRIEF section 4: end-to-end p50 within 1.5x the ping-pong p50. */
    public static final double P50_RATIO_BAR = 1.5;
    /** BRIEF section 4: p99.9 under 1 ms at 50k events/s. */
    public static final long P999_BAR_NS = TimeUnit.MILLISECONDS.toNanos(1);
    public static final long P999_BAR_RATE = 50_000;

    private final LoadOptions options;
    private final List<Protocol> protocols = new ArrayList<>();

    LoadReport(final LoadOptions options)
    {
        this.options = options;
    }

    public List<Protocol> protocols()
    {
        return Collections.unmodifiableList(protocols);
    }

    Protocol add(final String name, final int messageBytes, final LatencySummary floor)
    {
        final Protocol protocol = new Protocol(name, messageBytes, floor);
        protocols.add(protocol);
        return protocol;
    }

    public void print(final PrintStream out)
    {
        out.println("loadgen: " + options);
        out.printf("loadgen: sustained = no errors, every event acked and every alert received, the last ack within " +
            "%.0f%% of the phase (>= %d ms) of the last event's due time, alert p99 <= %s us%n",
            RateResult.ACK_LAG_SHARE * 100, RateResult.MIN_ACK_LAG_BOUND_NS / 1_000_000,
            LatencySummary.micros(options.p99BoundNs()));
        for (final Protocol protocol : protocols)
        {
            protocol.print(out);
        }
    }

    /**
     * One protocol's floor, fixed-rate phases, search trials and maximum sustained rate.
     */
    public static final class Protocol
    {
        private final String name;
        private final int messageBytes;
        private final LatencySummary floor;
        private final List<RateResult> fixed = new ArrayList<>();
        private final List<RateResult> search = new ArrayList<>();
        private long maxSustainedRate;
        private long maxKeptUpRate;

        Protocol(final String name, final int messageBytes, final LatencySummary floor)
        {
            this.name = name;
            this.messageBytes = messageBytes;
            this.floor = floor;
        }

        public String name()
        {
            return name;
        }

        public int messageBytes()
        {
            return messageBytes;
        }

        /**
         * @return the ping-pong round trip of {@link #messageBytes()}.
         */
        public LatencySummary floor()
        {
            return floor;
        }

        public List<RateResult> fixed()
        {
            return Collections.unmodifiableList(fixed);
        }

        public List<RateResult> search()
        {
            return Collections.unmodifiableList(search);
        }

        /**
         * @return the highest rate (fixed phases and search) at which acks kept up and nothing was
         * lost, whatever the latency; events/s, 0 if none.
         */
        public long maxKeptUpRate()
        {
            return maxKeptUpRate;
        }

        /**
         * @return the highest rate found sustained (fixed phases and search), events/s; 0 if none was.
         */
        public long maxSustainedRate()
        {
            return maxSustainedRate;
        }

        void addFixed(final RateResult result)
        {
            fixed.add(result);
            sustained(result);
        }

        void addSearch(final RateResult result)
        {
            search.add(result);
            sustained(result);
        }

        private void sustained(final RateResult result)
        {
            if (result.sustained())
            {
                maxSustainedRate = Math.max(maxSustainedRate, result.rate());
            }
            if (result.keptUp())
            {
                maxKeptUpRate = Math.max(maxKeptUpRate, result.rate());
            }
        }

        void print(final PrintStream out)
        {
            out.printf("== %s: floor = loopback TCP ping-pong of %d B (blocking sockets, two threads), round trip %s%n",
                name, messageBytes, floor);
            for (final RateResult result : fixed)
            {
                out.println("  " + result);
            }
            for (final RateResult result : search)
            {
                out.println("  search: " + result);
            }
            out.printf("== %s ratios against BRIEF section 4%n", name);
            for (final RateResult result : fixed)
            {
                final double ratio = (double)result.latency().p50Ns() / Math.max(1, floor.p50Ns());
                out.printf("  %s %d/s: p50 %s us / floor p50 %s us = %.2f (bar <= %.1f: %s)%n", name, result.rate(),
                    LatencySummary.micros(result.latency().p50Ns()), LatencySummary.micros(floor.p50Ns()), ratio,
                    P50_RATIO_BAR, ratio <= P50_RATIO_BAR ? "MET" : "NOT MET");
            }
            boolean p999BarRateRun = false;
            for (final RateResult result : fixed)
            {
                if (result.rate() == P999_BAR_RATE)
                {
                    p999BarRateRun = true;
                    out.printf("  %s %d/s: p99.9 %s us (bar < %s us: %s)%n", name, result.rate(),
                        LatencySummary.micros(result.latency().p999Ns()), LatencySummary.micros(P999_BAR_NS),
                        result.latency().p999Ns() < P999_BAR_NS && result.sustained() ? "MET" : "NOT MET");
                }
            }
            if (!p999BarRateRun)
            {
                out.printf("  %s p99.9 at %d/s: not measured (that rate was not among the fixed rates)%n", name, P999_BAR_RATE);
            }
            out.printf("  %s max sustained rate: %d events/s (highest rate run whose acks kept up, any latency: %d events/s)%n",
                name, maxSustainedRate, maxKeptUpRate);
        }
    }
}
