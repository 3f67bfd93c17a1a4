package io.firstcall.gateway.session;

import io.firstcall.gateway.GatewayCounter;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One connection's wait for its hello, from the moment it opened: its place in {@link PendingHellos}
 * and its deadline. It ends one way only: the connection says hello ({@link #resolve()}), closes,
 * reaches its deadline, or is pushed out by a newer connection; the last two are handed to the
 * transport's {@link Expiry}, which can answer in the transport's own terms. Event loop of the channel,
 * except the list links, which {@link PendingHellos} guards.
 */
public final class PendingHello
{
    /**
     * What a transport does with a connection whose wait for a hello ended without one.
     */
    @FunctionalInterface
    public interface Expiry
    {
        /**
         * Answer the connection with {@code code} when its transport can, close it, and count it in
         * {@code counter} (unless it was closing already).
         */
        void onHelloExpired(GatewayErrorCode code, String message, GatewayCounter counter);
    }

    // The list links: PendingHellos reads and writes them under its lock only.
    PendingHello older;
    PendingHello newer;
    boolean linked;

    private final PendingHellos pendingHellos;
    private final Channel channel;
    private ScheduledFuture<?> deadline;
    private Expiry expiry;
    private boolean done;

    PendingHello(final PendingHellos pendingHellos, final Channel channel)
    {
        this.pendingHellos = pendingHellos;
        this.channel = channel;
    }

    /**
     * @param expiry replaces the one before, e.g. when an HTTP connection becomes a WebSocket session.
     */
    public void expiry(final Expiry expiry)
    {
        this.expiry = expiry;
    }

    /**
     * The connection said hello (on the HTTP port: sent its first request) or closed; it no longer
     * counts against {@code max.unauthenticated}. Idempotent.
     */
    public void resolve()
    {
        if (!done)
        {
            done = true;
            deadline.cancel(false);
            pendingHellos.remove(this);
        }
    }

    void start(final long timeoutMs)
    {
        deadline = channel.eventLoop().schedule(this::onDeadline, timeoutMs, TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener((ChannelFutureListener)(future) -> resolve());
    }

    /**
     * {@link PendingHellos} has already taken it off its list (any thread): expire it on its own loop.
     */
    void evictOnItsLoop()
    {
        try
        {
            channel.eventLoop().execute(this::onEvicted);
        }
        catch (final RejectedExecutionException ex)
        {
            // Its event loop is shutting down, and closes the channel itself.
        }
    }

    private void onDeadline()
    {
        if (!done)
        {
            done = true;
            pendingHellos.remove(this);
            expire(GatewayErrorCode.HELLO_TIMEOUT, pendingHellos.timeoutMessage(), GatewayCounter.HELLO_TIMEOUTS);
        }
    }

    private void onEvicted()
    {
        if (!done)
        {
            done = true;
            deadline.cancel(false);
            expire(GatewayErrorCode.TOO_MANY_UNAUTHENTICATED, pendingHellos.evictionMessage(),
                GatewayCounter.UNAUTHENTICATED_EVICTIONS);
        }
    }

    private void expire(final GatewayErrorCode code, final String message, final GatewayCounter counter)
    {
        if (null != expiry)
        {
            expiry.onHelloExpired(code, message, counter);
        }
        else if (channel.isActive())
        {
            pendingHellos.counters().increment(counter);
            channel.close();
        }
    }
}
