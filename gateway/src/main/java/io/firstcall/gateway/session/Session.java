package io.firstcall.gateway.session;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import io.firstcall.gateway.json.Hello;
import io.firstcall.gateway.json.JsonEventDecoder;
import io.netty.channel.Channel;
import org.agrona.MutableDirectBuffer;

/**
 * One accepted client connection (JSON lines, SBE or WebSocket): the transport's handler decodes lines
 * and feeds them here. A session is its parts, each with one job: its {@link SessionLifecycle} (one
 * {@link SessionState}), its {@link SessionIntake} (events in: admission, offering, pausing),
 * its {@link SessionReplies} (answers in the order lines came, see {@link ReplySequencer}), its
 * {@link SessionInbox} (what the delivery agent leaves for it) and, for a rep, its
 * {@link RepMembership} (pushes). This class ties them together and decides when the connection ends.
 * <p>
 * Threads: everything runs on the connection's event loop; the delivery agent, on the delivery event
 * loop, leaves acknowledgements and pushes in the {@link SessionInbox} and has {@link #deliver()} run
 * here once per pass. The engine thread never reaches a session.
 * <p>
 * Reading stops while the ring is full, while too many replies wait, or while a source does not read
 * its replies (see {@link ReadGate}); the transport's flow control handler holds lines already decoded
 * meanwhile.
 */
public final class Session
{
    /** Events of one connection offered and not yet acknowledged before it stops reading. */
    public static final int MAX_IN_FLIGHT = ReplySequencer.MAX_IN_FLIGHT;
    /** Until the hello: only an authenticated session has a registry slot, and so a connection id. */
    static final long NO_CONNECTION_ID = -1;

    private final SessionServices services;
    private final Channel channel;
    private final SessionTransport transport;
    private final GatewayCounters counters;
    private final ReadGate readGate;
    private final SessionLifecycle lifecycle;
    private final SessionReplies replies;
    private final SessionIntake intake;
    private final SessionInbox inbox;
    private final PendingHello pendingHello;
    private long connectionId = NO_CONNECTION_ID;
    private RepMembership rep;
    private Hello hello;

    Session(
        final SessionServices services,
        final Channel channel,
        final SessionTransport transport,
        final int eventBufferBytes,
        final PendingHello pendingHello)
    {
        this.services = services;
        this.channel = channel;
        this.transport = transport;
        this.pendingHello = pendingHello;
        this.counters = services.counters();
        this.readGate = new ReadGate(channel.config());
        final ReplySequencer sequencer = new ReplySequencer(
            channel, transport, LoopResources.current().encoder(), counters);
        this.replies = new SessionReplies(channel, transport, sequencer, readGate);
        this.lifecycle = new SessionLifecycle(channel, transport, counters, readGate, replies);
        this.intake = new SessionIntake(counters,
            new EventIntake(services.publisher(), eventBufferBytes, channel.eventLoop(), this::onRetryTimer),
            readGate, replies);
        this.inbox = new SessionInbox(sequencer, channel.eventLoop(), this::deliver);
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
        return lifecycle.isTakingLines();
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
            rep = new RepMembership(services, hello, channel, transport);
            inbox.outbox(rep.outbox());
        }

        this.hello = hello;
        intake.admit(connectionId, services.rateLimits().admit(hello.tenant()));
        final int length = replies.encoder().welcome(hello, services.clock().nanoTime() / 1_000_000);
        transport.write(channel, replies.encoder().buffer(), 0, length);
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

        intake.publish(length, id, idOffset, idLength, receivedNs);
    }

    /**
     * Answer a bad event with the decoder's error, in order; the connection stays open.
     */
    public void reject(final JsonEventDecoder decoder)
    {
        intake.reject(decoder);
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
        intake.reject(id, idOffset, idLength, code, field, message);
    }

    /**
     * Stop reading, answer the decoder's error after the replies already due, then close.
     */
    public void fail(final JsonEventDecoder decoder, final GatewayCounter counter)
    {
        lifecycle.fail(decoder, counter);
    }

    /**
     * Stop reading, answer an error after the replies already due, then close.
     *
     * @param counter to count it in, or null.
     */
    public void fail(final String code, final String field, final CharSequence message, final GatewayCounter counter)
    {
        lifecycle.fail(code, field, message, counter);
    }

    /**
     * Close now with an error, ahead of any reply still due: for faults and broken connections.
     */
    public void abort(final GatewayErrorCode code, final String message, final GatewayCounter counter)
    {
        lifecycle.abort(code, message, counter);
    }

    /**
     * Nothing was received for the idle timeout: close, unless the session is only waiting on the
     * gateway (paused, or answers still due) or the client has half-closed.
     */
    public void onIdle()
    {
        if (SessionState.OPEN == lifecycle.state() && readGate.isOpen() && replies.sequencer().isEmpty())
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
        if (lifecycle.advance(SessionState.INPUT_SHUT))
        {
            lifecycle.closeIfFinished(intake.isStalled());
        }
    }

    /**
     * A source that does not read its replies is not read either; a rep that does not read is cut off.
     */
    public void onWritabilityChanged()
    {
        if (lifecycle.isClosing())
        {
            return;
        }

        if (channel.isWritable())
        {
            readGate.open(ReadGate.UNWRITABLE);
        }
        else if (null != rep)
        {
            lifecycle.cutOff();
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
        if (lifecycle.advance(SessionState.CLOSED) && NO_CONNECTION_ID != connectionId)
        {
            services.registry().release(connectionId);
            if (null != rep)
            {
                rep.leave(this);
            }
            intake.release();
            counters.get(GatewayCounter.CONNECTIONS_OPEN).decrement();
        }
    }

    /**
     * Shutdown, before the engine closes: stop reading and offering.
     */
    public void stopIntake()
    {
        intake.stop();
    }

    /**
     * Shutdown, after the engine closed and the delivery agent delivered everything: write the last
     * replies, close.
     */
    public void finish()
    {
        deliver();
        lifecycle.closeGracefully();
    }

    /**
     * @return where the delivery agent leaves this session's acknowledgements and pushes.
     */
    SessionInbox inbox()
    {
        return inbox;
    }

    /**
     * Write what the delivery agent left (acknowledgements in order, then pushes), flush once, cut off
     * a rep that is behind, and offer a stalled event again now that answers went out.
     */
    private void deliver()
    {
        inbox.onDeliveryStart();
        if (lifecycle.isClosing())
        {
            return;
        }
        final ReplySequencer sequencer = replies.sequencer();
        if (sequencer.ackOverflow())
        {
            abort(GatewayErrorCode.INTERNAL_ERROR, "acknowledgement queue overflow", GatewayCounter.CONNECTION_ERRORS);
            return;
        }

        final int answered = sequencer.writeDue();
        final int pushed = null != rep ? rep.drain() : 0;
        if (sequencer.outOfOrder())
        {
            abort(GatewayErrorCode.INTERNAL_ERROR, "acknowledgement out of order", GatewayCounter.CONNECTION_ERRORS);
            return;
        }
        if (sequencer.closeRequested())
        {
            lifecycle.closeGracefully();
            return;
        }
        if (answered + pushed > 0)
        {
            channel.flush();
        }
        if (null != rep && rep.isBehind())
        {
            lifecycle.cutOff();
            return;
        }

        intake.retry();
        intake.updateReading();
        lifecycle.closeIfFinished(intake.isStalled());
    }

    private void onRetryTimer()
    {
        intake.onRetryTimer();
        if (!lifecycle.isClosing())
        {
            intake.retry();
            intake.updateReading();
            lifecycle.closeIfFinished(intake.isStalled());
        }
    }
}
