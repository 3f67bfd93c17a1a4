package io.firstcall.gateway.session;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import io.firstcall.gateway.json.JsonEventDecoder;
import io.firstcall.gateway.limit.EventAdmission;
import io.firstcall.gateway.metrics.TenantActivity;
import org.agrona.MutableDirectBuffer;

/**
 * A session's events on their way in: each decoded event is either refused with an answer in order
 * (too large, over a rate limit, invalid) or numbered, queued for its acknowledgement and offered to
 * the engine. Reading stops while the ring is full ({@link ReadGate#RING_FULL}) or too many answers
 * wait ({@link ReadGate#BACKLOG}), and resumes when neither holds. Event loop of the channel only.
 */
final class SessionIntake
{
    private final GatewayCounters counters;
    private final EventIntake events;
    private final ReadGate readGate;
    private final SessionReplies replies;
    private EventAdmission admission;
    private int tenantSlot = TenantActivity.UNKNOWN_TENANT;
    private long connectionId = Session.NO_CONNECTION_ID;
    private long nextRequest;

    SessionIntake(
        final GatewayCounters counters, final EventIntake events, final ReadGate readGate, final SessionReplies replies)
    {
        this.counters = counters;
        this.events = events;
        this.readGate = readGate;
        this.replies = replies;
    }

    /**
     * The session was welcomed: from now on its events carry its connection id and count for its tenant.
     */
    void admit(final long connectionId, final EventAdmission admission)
    {
        this.connectionId = connectionId;
        this.admission = admission;
        this.tenantSlot = admission.tenantSlot();
    }

    boolean isStalled()
    {
        return events.isStalled();
    }

    MutableDirectBuffer eventBuffer()
    {
        return events.eventBuffer();
    }

    /**
     * Offer the event in the event buffer, or answer why not.
     *
     * @param id the client id (idempotency key) echoed in the acknowledgement, at most 255 bytes.
     */
    void publish(final int length, final byte[] id, final int idOffset, final int idLength, final long receivedNs)
    {
        if (length > events.maxMessageLength())
        {
            reject(id, idOffset, idLength, GatewayErrorCode.EVENT_TOO_LARGE.wireName(), null,
                "the encoded event is larger than an engine ring slot");
            return;
        }
        if (!admission.tryAdmit(receivedNs))
        {
            counters.increment(GatewayCounter.EVENTS_RATE_LIMITED);
            replies.reply(replies.encoder().error(id, idOffset, idLength, GatewayErrorCode.RATE_LIMITED.wireName(), null,
                admission.refusal()), false);
            return;
        }

        final long request = nextRequest++ & SessionRegistry.REQUEST_MASK;
        replies.sequencer().addEvent(id, idOffset, idLength, request);
        counters.increment(GatewayCounter.EVENTS_OFFERED);

        if (!events.offer(length, SessionRegistry.correlationId(connectionId, request), receivedNs))
        {
            counters.increment(GatewayCounter.RING_FULL_PAUSES);
            readGate.close(ReadGate.RING_FULL);
        }
        if (replies.sequencer().isBacklogged())
        {
            readGate.close(ReadGate.BACKLOG);
        }
    }

    /**
     * Answer a bad event with the decoder's error, in order.
     */
    void reject(final JsonEventDecoder decoder)
    {
        countRejected();
        replies.reply(replies.encoder().error(decoder), false);
    }

    /**
     * Answer a bad event with an error, in order.
     */
    void reject(
        final byte[] id,
        final int idOffset,
        final int idLength,
        final String code,
        final String field,
        final CharSequence message)
    {
        countRejected();
        replies.reply(replies.encoder().error(id, idOffset, idLength, code, field, message), false);
    }

    /**
     * Offer the event waiting for ring space again, if there is one.
     */
    void retry()
    {
        events.retry();
    }

    void onRetryTimer()
    {
        events.onRetryTimer();
    }

    /**
     * Read again if nothing holds reading back any more. May re-enter the session with held lines.
     */
    void updateReading()
    {
        int cleared = 0;
        if (!events.isStalled())
        {
            cleared |= ReadGate.RING_FULL;
        }
        if (!replies.sequencer().isBacklogged())
        {
            cleared |= ReadGate.BACKLOG;
        }
        readGate.open(cleared);
    }

    /**
     * Offer nothing more and stop reading, for good.
     */
    void stop()
    {
        events.stop();
        readGate.close(ReadGate.STOPPED);
    }

    /**
     * The connection closed: it no longer counts against its tenant.
     */
    void release()
    {
        if (null != admission)
        {
            admission.release();
        }
    }

    private void countRejected()
    {
        counters.increment(GatewayCounter.EVENT_ERRORS);
        counters.tenants().onEventRejected(tenantSlot);
    }
}
