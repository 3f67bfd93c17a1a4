package io.firstcall.gateway;

/**
 * The gateway's counters, each with a stable id and a lower_snake label used as its metric name.
 * Most count things and only ever rise; a gauge ({@link #isGauge()}) is a level that also falls, and
 * is exported as a Prometheus gauge: {@link #CONNECTIONS_OPEN} (authenticated connections open now,
 * at most {@code max.connections}) and {@link #UNAUTHENTICATED_OPEN} (connections open now that have
 * not said hello, at most {@code max.unauthenticated}). Add new counters at the end with the next id;
 * never renumber.
 */
public enum GatewayCounter
{
    CONNECTIONS_OPEN(0, "connections_open", true),
    CONNECTIONS_TOTAL(1, "connections_total"),
    HELLO_FAILURES(2, "hello_failures"),
    PROTOCOL_ERRORS(3, "protocol_errors"),
    EVENT_ERRORS(4, "event_errors"),
    RING_FULL_PAUSES(5, "ring_full_pauses"),
    SLOW_CONSUMER_DISCONNECTS(6, "slow_consumer_disconnects"),
    LIMIT_BREACHES(7, "limit_breaches"),
    ACKS_SENT(8, "acks_sent"),
    PUSHES_SENT(9, "pushes_sent"),
    EVENTS_OFFERED(10, "events_offered"),
    JOURNAL_UNAVAILABLE(11, "journal_unavailable"),
    CONNECTION_ERRORS(12, "connection_errors"),
    UNAUTHENTICATED_OPEN(13, "unauthenticated_open", true),
    HELLO_TIMEOUTS(14, "hello_timeouts"),
    UNAUTHENTICATED_EVICTIONS(15, "unauthenticated_evictions"),
    TLS_HANDSHAKE_FAILURES(16, "tls_handshake_failures"),
    TLS_PLAINTEXT_REFUSED(17, "tls_plaintext_refused"),
    EVENTS_RATE_LIMITED(18, "events_rate_limited"),
    OPS_UNAUTHORIZED(19, "ops_unauthorized"),
    DOORBELL_RINGS(20, "doorbell_rings"),
    EGRESS_RING_FULL(21, "egress_ring_full"),
    EGRESS_DROPPED(22, "egress_dropped");

    private final int id;
    private final String label;
    private final boolean isGauge;

    GatewayCounter(final int id, final String label)
    {
        this(id, label, false);
    }

    GatewayCounter(final int id, final String label, final boolean isGauge)
    {
        this.id = id;
        this.label = label;
        this.isGauge = isGauge;
    }

    public int id()
    {
        return id;
    }

    public String label()
    {
        return label;
    }

    /**
     * @return true for a level that rises and falls (open connections), false for a count.
     */
    public boolean isGauge()
    {
        return isGauge;
    }
}
