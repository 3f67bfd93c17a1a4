package io.firstcall.gateway.session;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The session end of a connection, whatever its transport: holds the connection's {@link Session}
 * once opened and hands it the channel events every transport treats alike (idle and half-close,
 * writability, the connection going away). Subclasses open the session when their transport is
 * ready and decode its messages. One per connection.
 */
public abstract class SessionChannelHandler extends ChannelInboundHandlerAdapter
{
    private final SessionServices services;
    private Session session;

    protected SessionChannelHandler(final SessionServices services)
    {
        this.services = services;
    }

    protected final SessionServices services()
    {
        return services;
    }

    /**
     * @return the session, or null before it is opened or when the gateway refused it.
     */
    protected final Session session()
    {
        return session;
    }

    /**
     * Open the session of a connection that has just opened: its hello deadline starts now.
     *
     * @return the new session, or null when the gateway refuses the connection (it has then been told why).
     */
    protected final Session openSession(
        final ChannelHandlerContext ctx, final SessionTransport transport, final int eventBufferBytes)
    {
        session = services.openSession(ctx.channel(), transport, eventBufferBytes);
        return session;
    }

    /**
     * Open the session of a connection that began waiting for its hello earlier.
     *
     * @return the new session, or null when the gateway refuses the connection (it has then been told why).
     */
    protected final Session openSession(
        final ChannelHandlerContext ctx,
        final SessionTransport transport,
        final int eventBufferBytes,
        final PendingHello pending)
    {
        session = services.openSession(ctx.channel(), transport, eventBufferBytes, pending);
        return session;
    }

    public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt)
    {
        if (null == session || !ChannelEvents.onUserEvent(session, evt))
        {
            ctx.fireUserEventTriggered(evt);
        }
    }

    public final void channelWritabilityChanged(final ChannelHandlerContext ctx)
    {
        if (null != session)
        {
            session.onWritabilityChanged();
        }
        ctx.fireChannelWritabilityChanged();
    }

    public final void channelInactive(final ChannelHandlerContext ctx)
    {
        if (null != session)
        {
            session.onInactive();
        }
        ctx.fireChannelInactive();
    }
}
