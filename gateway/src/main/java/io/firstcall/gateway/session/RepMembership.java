package io.firstcall.gateway.session;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.json.Hello;
import io.netty.channel.Channel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannelConfig;

/**
 * What makes a session a rep's: its bounded outbox, its place in the rep directory, and the channel
 * limits that tell a rep who does not read from one who is just busy. Event loop only.
 */
final class RepMembership
{
    private final RepDirectory directory;
    private final Hello hello;
    private final Channel channel;
    private final RepOutbox outbox;

    /**
     * Bound the channel's buffering to {@code repBufferBytes} and make the outbox; not yet in the directory.
     */
    RepMembership(
        final SessionServices services,
        final Hello hello,
        final Channel channel,
        final SessionTransport transport)
    {
        final int repBufferBytes = services.context().repBufferBytes();
        channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(repBufferBytes / 2, repBufferBytes));
        if (channel.config() instanceof SocketChannelConfig)
        {
            // A fixed send buffer turns kernel auto-tuning off, so a rep that stops reading is noticed after
            // about repBufferBytes more, not after megabytes of kernel buffer.
            ((SocketChannelConfig)channel.config()).setSendBufferSize(repBufferBytes);
        }

        this.directory = services.repDirectory();
        this.hello = hello;
        this.channel = channel;
        this.outbox = new RepOutbox(
            repBufferBytes, channel, transport, LoopResources.current().pushRenderer(),
            services.counters().get(GatewayCounter.PUSHES_SENT));
    }

    RepOutbox outbox()
    {
        return outbox;
    }

    /**
     * Start receiving the rep's pushes.
     */
    void join(final Session session)
    {
        directory.add(hello.tenantBytes(), hello.repBytes(), session);
    }

    void leave(final Session session)
    {
        directory.remove(hello.tenantBytes(), hello.repBytes(), session);
    }

    /**
     * Render and write (without flushing) the pushes waiting in the outbox.
     *
     * @return how many were written.
     */
    int drain()
    {
        return outbox.drain();
    }

    /**
     * @return true when the rep is not keeping up: its outbox overflowed or its channel is over the mark.
     */
    boolean isBehind()
    {
        return outbox.overflowed() || !channel.isWritable();
    }
}
