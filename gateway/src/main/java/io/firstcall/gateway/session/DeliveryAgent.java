package io.firstcall.gateway.session;

import io.firstcall.gateway.egress.Doorbell;
import io.firstcall.gateway.egress.EgressRecord;
import io.firstcall.gateway.egress.EgressRing;
import io.firstcall.gateway.metrics.TenantActivity;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.nio.NioIoOps;
import org.agrona.ErrorHandler;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;

import java.util.Arrays;

/**
 * The gateway's side of delivery, on one event loop (the delivery loop): when the engine's
 * {@link Doorbell} rings, a pass drains the {@link EgressRing}; acknowledgements and rejections go to
 * the session that offered the event (found by correlation id), outputs are counted per tenant and go
 * to the live connections of the rep they are for, in their tenant only ({@link OutputTarget},
 * {@link RepDirectory}). Each record lands in its session's {@link SessionInbox}; at the end of the pass
 * every session touched is delivered to once: rendered, written and flushed here when it lives on this
 * loop, by one task on its own loop otherwise. Nothing waits for a client: a rep that is behind is cut
 * off by its session.
 * <p>
 * A pass takes at most {@link #PASS_LIMIT} records and then lets the loop serve its sockets before the
 * next, so a burst of outputs cannot starve reading.
 */
public final class DeliveryAgent implements MessageHandler
{
    static final int PASS_LIMIT = 256;

    private final EgressRing ring;
    private final Doorbell doorbell;
    private final SessionRegistry registry;
    private final RepDirectory directory;
    private final TenantActivity tenants;
    private final ErrorHandler errorHandler;
    private final IoEventLoop loop;
    private final OutputTarget target = new OutputTarget();
    private final Runnable passTask = this::passAndContinue;
    private SessionInbox[] touched = new SessionInbox[64];
    private int touchedCount;
    private long pass;
    private IoRegistration registration;

    private DeliveryAgent(
        final EgressRing ring, final Doorbell doorbell, final SessionServices services, final IoEventLoop loop)
    {
        this.ring = ring;
        this.doorbell = doorbell;
        this.registry = services.registry();
        this.directory = services.repDirectory();
        this.tenants = services.counters().tenants();
        this.errorHandler = services.errorHandler();
        this.loop = loop;
    }

    /**
     * Watch the doorbell on {@code loop} and take what the engine has left so far. Not on {@code loop}.
     */
    public static DeliveryAgent start(
        final EgressRing ring, final Doorbell doorbell, final SessionServices services, final IoEventLoop loop)
    {
        final DeliveryAgent agent = new DeliveryAgent(ring, doorbell, services, loop);
        agent.registration = loop.register(new DoorbellHandle(doorbell.source(), agent)).syncUninterruptibly().getNow();
        loop.submit(() ->
        {
            agent.registration.submit(NioIoOps.READ);
            agent.passAndContinue();
        }).syncUninterruptibly();

        return agent;
    }

    /**
     * Shutdown, once the engine has closed: deliver everything still in the ring, and wait for it.
     * Not on the delivery loop.
     */
    public void drain()
    {
        loop.submit(() ->
        {
            while (pass() > 0 || !ring.isEmpty())
            {
                continue;
            }
        }).awaitUninterruptibly();
    }

    /**
     * Stop watching the doorbell. Not on the delivery loop.
     */
    public void close()
    {
        loop.submit(registration::cancel).awaitUninterruptibly();
    }

    /**
     * The doorbell rang: take the wake-up, then drain.
     */
    void onDoorbell()
    {
        doorbell.answer();
        passAndContinue();
    }

    public void onMessage(final int type, final MutableDirectBuffer buffer, final int index, final int length)
    {
        try
        {
            switch (type)
            {
                case EgressRecord.ACK:
                case EgressRecord.DUPLICATE:
                {
                    final long correlationId = EgressRecord.correlationId(buffer, index);
                    final SessionInbox inbox = inboxOf(correlationId);
                    if (null != inbox)
                    {
                        inbox.onJournaled(SessionRegistry.request(correlationId), EgressRecord.sequence(buffer, index),
                            EgressRecord.DUPLICATE == type);
                    }
                    break;
                }

                case EgressRecord.REJECTED:
                {
                    final long correlationId = EgressRecord.correlationId(buffer, index);
                    final SessionInbox inbox = inboxOf(correlationId);
                    if (null != inbox)
                    {
                        inbox.onRejected(SessionRegistry.request(correlationId), EgressRecord.reason(buffer, index));
                    }
                    break;
                }

                case EgressRecord.OUTPUT:
                    onOutput(buffer, index + EgressRecord.MESSAGE_OFFSET, length - EgressRecord.MESSAGE_OFFSET);
                    break;

                case EgressRecord.OUTPUT_TOO_LARGE:
                    errorHandler.onError(new IllegalStateException("output (template " +
                        buffer.getInt(index + EgressRecord.TOO_LARGE_TEMPLATE_OFFSET) + ") of " +
                        buffer.getInt(index + EgressRecord.TOO_LARGE_LENGTH_OFFSET) + " bytes is larger than the " +
                        "egress ring carries (" + ring.maxOutputLength() + "): not delivered; raise gateway.egressRingBytes"));
                    break;

                default:
                    break;
            }
        }
        catch (final Throwable ex)
        {
            errorHandler.onError(ex);
        }
    }

    private void onOutput(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        tenants.onOutput(buffer, offset, length);
        if (!target.wrap(buffer, offset, length))
        {
            return;
        }

        final Session[] sessions = directory.find(
            buffer, target.tenantOffset(), target.tenantLength(), target.repOffset(), target.repLength());
        if (null != sessions)
        {
            for (final Session session : sessions)
            {
                final SessionInbox inbox = session.inbox();
                // Taken or not: a rep left behind is cut off by its session when it is delivered to.
                inbox.onOutput(buffer, offset, length);
                touch(inbox);
            }
        }
    }

    private SessionInbox inboxOf(final long correlationId)
    {
        final Session session = registry.find(SessionRegistry.connectionId(correlationId));
        if (null == session)
        {
            return null;
        }

        final SessionInbox inbox = session.inbox();
        touch(inbox);
        return inbox;
    }

    private void touch(final SessionInbox inbox)
    {
        if (inbox.touch(pass))
        {
            if (touchedCount == touched.length)
            {
                touched = Arrays.copyOf(touched, touchedCount * 2);
            }
            touched[touchedCount++] = inbox;
        }
    }

    /**
     * A pass, and another later if it stopped at its limit. A pass that stopped at a record still being
     * written (two engine threads) needs none: its writer rings the doorbell once it is done.
     */
    private void passAndContinue()
    {
        if (pass() >= PASS_LIMIT)
        {
            loop.execute(passTask);
        }
    }

    /**
     * Route up to {@link #PASS_LIMIT} records, then deliver to every session they touched. A read stops
     * where the ring wraps (or at a padding record), so it reads again while it makes progress.
     *
     * @return how many records were taken.
     */
    private int pass()
    {
        pass++;
        int records = 0;
        while (records < PASS_LIMIT)
        {
            final long before = ring.consumerPosition();
            records += ring.read(this, PASS_LIMIT - records);
            if (ring.consumerPosition() == before)
            {
                break;
            }
        }
        for (int i = 0; i < touchedCount; i++)
        {
            final SessionInbox inbox = touched[i];
            touched[i] = null;
            try
            {
                inbox.deliver();
            }
            catch (final Throwable ex)
            {
                errorHandler.onError(ex);
            }
        }
        touchedCount = 0;

        return records;
    }
}
