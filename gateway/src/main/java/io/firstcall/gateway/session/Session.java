package io.firstcall.gateway.session;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import io.firstcall.gateway.json.Hello;
import io.firstcall.gateway.json.JsonEventDecoder;
import io.firstcall.gateway.json.JsonOutputEncoder;
import io.firstcall.gateway.metrics.TenantActivity;
import io.firstcall.gateway.limit.EventAdmission;
import io.netty.channel.Channel;
import org.agrona.MutableDirectBuffer;

import java.util.concurrent.TimeUnit;

/**
 * One accepted client connection (JSON lines, SBE or WebSocket): who it is, its events in flight, and
 * the replies and pushes on their way to it. The transport's handler decodes lines and feeds them here.
 * <p>
 * Threads: everything runs on the connection's event loop; the engine thread only leaves answers in
 * the session's {@link SessionInbox}, which schedules the session's drain task on the event loop.
 * <p>
 * Replies leave in the order lines came in (see {@link ReplySequencer}). Reading stops while the ring
 * is full, while too many replies wait, or while a source does not read its replies (see
 * {@link ReadGate}); the transport's flow control handler holds lines already decoded meanwhile.
 */
public final class Session
{
    /** Events of one connection offered and not yet acknowledged before it stops reading. */
    public static final int MAX_IN_FLIGHT = ReplySequencer.MAX_IN_FLIGHT;
    static final long CLOSE_TIMEOUT_MS = 1_000;
    /** Until the hello: only an authenticated session has a registry slot, and so a connection id. */
    static final long NO_CONNECTION_ID = -1;

    private final SessionServices services;
    private final Channel channel;
    private final SessionTransport transport;
    private final GatewayCounters counters;
    private final JsonOutputEncoder encoder;
    private final ReadGate readGate;
    private final EventIntake intake;
    private final ReplySequencer replies;
    private final SessionInbox inbox;
    private final Runnable forceClose;
    private final PendingHello pendingHello;
    private long connectionId = NO_CONNECTION_ID;
    private RepMembership rep;
    private EventAdmission admission;
    private Hello hello;
    private int tenantSlot = TenantActivity.UNKNOWN_TENANT;
    private long nextRequest;
    private boolean inputShutdown;
    private boolean failing;
    private boolean closed;
    private boolean released;

    Session(
        final SessionServices services,
        final Channel channel,
        final SessionTransport transport,
        final int eventBufferBytes,
        final PendingHello pendingHello)
    {
        this.services = services;
        this.pendingHello = pendingHello;
        this.channel = channel;
        this.transport = transport;
        this.counters = services.counters();
        this.encoder = LoopResources.current().encoder();
        this.readGate = new ReadGate(channel.config());
        this.intake = new EventIntake(services.publisher(), eventBufferBytes, channel.eventLoop(), this::onRetryTimer);
        this.replies = new ReplySequencer(channel, transport, encoder, counters);
        this.inbox = new SessionInbox(replies, channel.eventLoop(), this::drain);
        this.forceClose = channel::close;
    }

    /**
     * @return the id acknowledgements find this session by, or {@link #NO_CONNECTION_ID} before the hello.
     */
    public long connectionId()
    {
        return connectionId;
    }

    public Channel channel()
    {
        return channel;
    }

    public boolean isAuthenticated()
    {
        return null != hello;
    }

    /**
     * @return the accepted hello, or null before it.
     */
    public Hello hello()
    {
        return hello;
    }

    /**
     * @return false once the session is ending: further lines are ignored.
     */
    public boolean isTakingLines()
    {
        return !failing && !closed;
    }

    /**
     * @return true while an event waits for ring space; no other line may be decoded meanwhile.
     */
    public boolean isStalled()
    {
        return intake.isStalled();
    }

    /**
     * @return where the transport decodes the next event to, before {@link #publish}.
     */
    public MutableDirectBuffer eventBuffer()
    {
        return intake.eventBuffer();
    }

    /**
     * Authenticate the connection with its hello, take a slot of {@code max.connections} and answer
     * welcome, or answer an error and close.
     *
     * @param repAllowed whether this transport takes rep connections.
     * @return true when welcomed.
     */
    public boolean accept(final Hello hello, final boolean repAllowed)
    {
        final long claimed = HelloAdmission.admit(services, this, hello, repAllowed);
        if (NO_CONNECTION_ID == claimed)
        {
            return false;
        }

        connectionId = claimed;
        services.registry().activate(this);
        pendingHello.resolve();
        counters.increment(GatewayCounter.CONNECTIONS_OPEN);
        counters.increment(GatewayCounter.CONNECTIONS_TOTAL);
        if (hello.isRep())
        {
            rep = new RepMembership(services, hello, channel, transport, encoder);
            inbox.outbox(rep.outbox());
        }

        this.hello = hello;
        tenantSlot = counters.tenants().slot(hello.tenant());
        admission = services.tenantTraffic().admit(hello.tenant());
        final int length = encoder.welcome(hello, services.clock().nanoTime() / 1_000_000);
        transport.write(channel, encoder.buffer(), 0, length);
        channel.flush();

        if (null != rep)
        {
            rep.join(this);
        }

        return true;
    }

    /**
     * Offer the event in {@link #eventBuffer()} to the engine; its acknowledgement is written once it
     * is journaled. If the ring is full the session stops reading and retries until the ring takes it.
     * An event over a rate limit is answered {@code rate_limited} instead, in order, and never offered.
     *
     * @param id the client id (idempotency key) echoed in the acknowledgement, at most 255 bytes.
     */
    public void publish(
        final int length, final byte[] id, final int idOffset, final int idLength, final long receivedNs)
    {
        if (isStalled() || !isTakingLines())
        {
            throw new IllegalStateException("an event arrived while the session was not taking events");
        }
        if (length > intake.maxMessageLength())
        {
            reject(id, idOffset, idLength, GatewayErrorCode.EVENT_TOO_LARGE.wireName(), null,
                "the encoded event is larger than an engine ring slot");
            return;
        }
        if (!admission.tryAdmit(receivedNs))
        {
            counters.increment(GatewayCounter.EVENTS_RATE_LIMITED);
            reply(encoder.error(id, idOffset, idLength, GatewayErrorCode.RATE_LIMITED.wireName(), null,
                admission.refusal()), false);
            return;
        }

        final long request = nextRequest++ & SessionRegistry.REQUEST_MASK;
        replies.addEvent(id, idOffset, idLength, request);
        counters.increment(GatewayCounter.EVENTS_OFFERED);
        counters.tenants().onEventAccepted(tenantSlot);

        if (!intake.offer(length, SessionRegistry.correlationId(connectionId, request), receivedNs))
        {
            counters.increment(GatewayCounter.RING_FULL_PAUSES);
            readGate.close(ReadGate.RING_FULL);
        }
        if (replies.isBacklogged())
        {
            readGate.close(ReadGate.BACKLOG);
        }
    }

    /**
     * Answer a bad event with the decoder's error, in order; the connection stays open.
     */
    public void reject(final JsonEventDecoder decoder)
    {
        counters.increment(GatewayCounter.EVENT_ERRORS);
        counters.tenants().onEventRejected(tenantSlot);
        reply(encoder.error(decoder), false);
    }

    /**
     * Answer a bad event with an error, in order; the connection stays open.
     */
    public void reject(
        final byte[] id,
        final int idOffset,
        final int idLength,
        final String code,
        final String field,
        final CharSequence message)
    {
        counters.increment(GatewayCounter.EVENT_ERRORS);
        counters.tenants().onEventRejected(tenantSlot);
        reply(encoder.error(id, idOffset, idLength, code, field, message), false);
    }

    /**
     * Stop reading, answer the decoder's error after the replies already due, then close.
     */
    public void fail(final JsonEventDecoder decoder, final GatewayCounter counter)
    {
        if (beginFailing(counter))
        {
            reply(encoder.error(decoder), true);
        }
    }

    /**
     * Stop reading, answer an error after the replies already due, then close.
     *
     * @param counter to count it in, or null.
     */
    public void fail(final String code, final String field, final CharSequence message, final GatewayCounter counter)
    {
        if (beginFailing(counter))
        {
            reply(encoder.error(null, 0, 0, code, field, message), true);
        }
    }

    /**
     * Close now with an error, ahead of any reply still due: for faults and broken connections.
     */
    public void abort(final GatewayErrorCode code, final String message, final GatewayCounter counter)
    {
        if (closed)
        {
            return;
        }

        counters.increment(counter);
        if (channel.isActive())
        {
            final int length = encoder.error(null, 0, 0, code.wireName(), null, message);
            transport.write(channel, encoder.buffer(), 0, length);
        }
        closeNow();
    }

    /**
     * Nothing was received for the idle timeout: close, unless the session is only waiting on the
     * gateway (paused, or answers still due).
     */
    public void onIdle()
    {
        if (isTakingLines() && readGate.isOpen() && replies.isEmpty() && !inputShutdown)
        {
            fail(GatewayErrorCode.IDLE_TIMEOUT.wireName(), null,
                "nothing received for " + services.context().idleTimeoutMs() + " ms", GatewayCounter.LIMIT_BREACHES);
        }
    }

    /**
     * The client shut its output down (half-close): answer what is due, then close.
     */
    public void onInputShutdown()
    {
        inputShutdown = true;
        closeIfFinished();
    }

    /**
     * A source that does not read its replies is not read either; a rep that does not read is cut off.
     */
    public void onWritabilityChanged()
    {
        if (closed)
        {
            return;
        }

        if (channel.isWritable())
        {
            readGate.open(ReadGate.UNWRITABLE);
        }
        else if (null != rep)
        {
            cutOffSlowConsumer();
        }
        else
        {
            readGate.close(ReadGate.UNWRITABLE);
        }
    }

    /**
     * The channel closed: free the session's slot and leave the rep directory (if past its hello).
     */
    public void onInactive()
    {
        closed = true;
        if (NO_CONNECTION_ID != connectionId && !released)
        {
            released = true;
            services.registry().release(connectionId);
            if (null != rep)
            {
                rep.leave(this);
            }
            if (null != admission)
            {
                admission.release();
            }
            counters.get(GatewayCounter.CONNECTIONS_OPEN).decrement();
        }
    }

    /**
     * Shutdown, before the engine closes: stop reading and offering.
     */
    public void stopIntake()
    {
        intake.stop();
        readGate.close(ReadGate.STOPPED);
    }

    /**
     * Shutdown, after the engine closed (every offered event answered): write the last replies, close.
     */
    public void finish()
    {
        drain();
        closeNow();
    }

    /**
     * @return where the engine thread leaves this session's acknowledgements and pushes.
     */
    SessionInbox inbox()
    {
        return inbox;
    }

    private void drain()
    {
        inbox.onDrainStart();
        if (closed)
        {
            return;
        }
        if (replies.ackOverflow())
        {
            abort(GatewayErrorCode.INTERNAL_ERROR, "acknowledgement queue overflow", GatewayCounter.CONNECTION_ERRORS);
            return;
        }

        final int answered = replies.writeDue();
        final int pushed = null != rep ? rep.drain() : 0;
        if (replies.outOfOrder())
        {
            abort(GatewayErrorCode.INTERNAL_ERROR, "acknowledgement out of order", GatewayCounter.CONNECTION_ERRORS);
            return;
        }
        if (replies.closeRequested())
        {
            closeNow();
            return;
        }
        if (answered + pushed > 0)
        {
            channel.flush();
        }
        if (null != rep && rep.isBehind())
        {
            cutOffSlowConsumer();
            return;
        }

        intake.retry();
        updateReading();
        closeIfFinished();
    }

    private void onRetryTimer()
    {
        intake.onRetryTimer();
        if (!closed)
        {
            intake.retry();
            updateReading();
            closeIfFinished();
        }
    }

    /**
     * Read again if nothing holds reading back any more. May re-enter the session with held lines.
     */
    private void updateReading()
    {
        int cleared = 0;
        if (!intake.isStalled())
        {
            cleared |= ReadGate.RING_FULL;
        }
        if (!replies.isBacklogged())
        {
            cleared |= ReadGate.BACKLOG;
        }
        readGate.open(cleared);
    }

    private boolean beginFailing(final GatewayCounter counter)
    {
        if (!isTakingLines())
        {
            return false;
        }

        if (null != counter)
        {
            counters.increment(counter);
        }
        failing = true;
        readGate.close(ReadGate.STOPPED);

        return true;
    }

    /**
     * Write the line in the encoder's buffer now if nothing is due before it, else queue it in order.
     */
    private void reply(final int length, final boolean thenClose)
    {
        if (replies.isEmpty())
        {
            transport.write(channel, encoder.buffer(), 0, length);
            if (thenClose)
            {
                closeNow();
            }
            else
            {
                channel.flush();
            }
        }
        else
        {
            replies.addReply(encoder.buffer(), length, thenClose);
            if (replies.isBacklogged())
            {
                readGate.close(ReadGate.BACKLOG);
            }
        }
    }

    private void cutOffSlowConsumer()
    {
        if (closed)
        {
            return;
        }

        closed = true;
        counters.increment(GatewayCounter.SLOW_CONSUMER_DISCONNECTS);
        final int length = encoder.error(null, 0, 0, GatewayErrorCode.SLOW_CONSUMER.wireName(), null,
            "pushes were not read fast enough");
        transport.write(channel, encoder.buffer(), 0, length);
        channel.flush();
        // Not a graceful close: the outbound buffer is full and may never drain.
        channel.close();
    }

    private void closeNow()
    {
        if (closed)
        {
            return;
        }

        closed = true;
        transport.close(channel);
        // A client that never reads would hold a graceful close open for ever.
        channel.eventLoop().schedule(forceClose, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    }

    private void closeIfFinished()
    {
        if (inputShutdown && isTakingLines() && readGate.isOpen() && replies.isEmpty() && !intake.isStalled())
        {
            closeNow();
        }
    }
}
