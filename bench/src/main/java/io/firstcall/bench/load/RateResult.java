package io.firstcall.bench.load;

/**
 * What one open-loop phase at a fixed rate measured, and whether the server sustained it.
 * <p>
 * Sustained means all of: no event answered with an error; every event acknowledged and every
 * alert received; acknowledgements kept up, i.e. the last ack came no later than 1% of the phase's
 * length (at least 10 ms) after the last event was due, so no backlog built up; and alert latency
 * p99 within {@link LoadOptions#p99BoundNs()}.
 */
public final class RateResult
{
    static final double ACK_LAG_SHARE = 0.01;
    static final long MIN_ACK_LAG_BOUND_NS = 10_000_000;

    private final String protocol;
    private final long rate;
    private final long sent;
    private final long hotSent;
    private final long acked;
    private final long alerts;
    private final long errors;
    private final double ackRate;
    private final long ackLagNs;
    private final boolean aborted;
    private final LatencySummary latency;
    private final LatencySummary sendLag;
    private final LatencySummary engine;
    private final long ackLagBoundNs;
    private final String failure;

    RateResult(
        final String protocol,
        final long rate,
        final long sent,
        final long hotSent,
        final long acked,
        final long alerts,
        final long errors,
        final double ackRate,
        final long ackLagNs,
        final long phaseNs,
        final boolean aborted,
        final LatencySummary latency,
        final LatencySummary sendLag,
        final LatencySummary engine,
        final long p99BoundNs)
    {
        this.protocol = protocol;
        this.rate = rate;
        this.sent = sent;
        this.hotSent = hotSent;
        this.acked = acked;
        this.alerts = alerts;
        this.errors = errors;
        this.ackRate = ackRate;
        this.ackLagNs = ackLagNs;
        this.aborted = aborted;
        this.latency = latency;
        this.sendLag = sendLag;
        this.engine = engine;
        this.ackLagBoundNs = Math.max(MIN_ACK_LAG_BOUND_NS, (long)(ACK_LAG_SHARE * phaseNs));
        this.failure = failure(p99BoundNs, ackLagBoundNs);
    }

    public String protocol()
    {
        return protocol;
    }

    /**
     * @return the offered rate, events/s.
     */
    public long rate()
    {
        return rate;
    }

    public long sent()
    {
        return sent;
    }

    public long hotSent()
    {
        return hotSent;
    }

    public long acked()
    {
        return acked;
    }

    public long alerts()
    {
        return alerts;
    }

    public long errors()
    {
        return errors;
    }

    /**
     * @return acknowledged events per second from the phase's start to its last ack.
     */
    public double ackRate()
    {
        return ackRate;
    }

    /**
     * @return last ack received − last event's intended send, ns: how far acks trailed at the end.
     */
    public long ackLagNs()
    {
        return ackLagNs;
    }

    /**
     * @return event intended send → alert received at the rep, ns, over the hot events.
     */
    public LatencySummary latency()
    {
        return latency;
    }

    /**
     * @return how late the sender wrote each event after its intended time, ns (included in latency).
     */
    public LatencySummary sendLag()
    {
        return sendLag;
    }

    /**
     * @return the engine's receive → output-published time over every event of the phase, ns, or
     * null when the server is not in this JVM.
     */
    public LatencySummary engine()
    {
        return engine;
    }

    public boolean sustained()
    {
        return null == failure;
    }

    /**
     * @return true when the server kept up whatever the latency: no errors, nothing lost, acks on time.
     */
    public boolean keptUp()
    {
        return null == failure(Long.MAX_VALUE, ackLagBoundNs);
    }

    /**
     * @return why the rate was not sustained, or null.
     */
    public String failure()
    {
        return failure;
    }

    public String toString()
    {
        return String.format(
            "%s rate=%d/s sent=%d acked=%d ack_rate=%.0f/s ack_lag=%sus hot=%d alerts=%d errors=%d%n" +
            "    alert latency %s%n    send lag      %s%n    engine r->p   %s%n    %s",
            protocol, rate, sent, acked, ackRate, LatencySummary.micros(ackLagNs), hotSent, alerts, errors, latency, sendLag,
            null == engine ? "n/a (server not in this JVM)" : engine, sustained() ? "sustained" : "NOT sustained: " + failure);
    }

    private String failure(final long p99BoundNs, final long ackLagBoundNs)
    {
        if (aborted)
        {
            return "backlog of unacknowledged events grew past half a second of load";
        }
        if (errors > 0)
        {
            return errors + " events answered with an error";
        }
        if (acked < sent)
        {
            return (sent - acked) + " events not acknowledged";
        }
        if (alerts < hotSent)
        {
            return (hotSent - alerts) + " alerts not received";
        }
        if (ackLagNs > ackLagBoundNs)
        {
            return "acks fell behind: the last came " + LatencySummary.micros(ackLagNs) + " us after the last event was due";
        }
        if (latency.p99Ns() > p99BoundNs)
        {
            return "p99 " + LatencySummary.micros(latency.p99Ns()) + " us over the bound of " +
                LatencySummary.micros(p99BoundNs) + " us";
        }
        return null;
    }
}
