package io.firstcall.gateway.session;

import io.firstcall.gateway.GatewayCounter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.timeout.IdleStateEvent;

import java.io.IOException;

/**
 * What every transport's session handler does with channel events other than messages: idle, half-close
 * and exceptions. Each failure is answered when the connection can still hear it, counted, and closes
 * the connection.
 */
public final class ChannelEvents
{
    private ChannelEvents()
    {
    }

    /**
     * @return true when the event was the session's to handle.
     */
    public static boolean onUserEvent(final Session session, final Object event)
    {
        if (event instanceof IdleStateEvent)
        {
            session.onIdle();
            return true;
        }
        if (event instanceof ChannelInputShutdownEvent)
        {
            session.onInputShutdown();
            return true;
        }

        return false;
    }

    /**
     * @param session     the connection's session, or null if it was refused one.
     * @param tooLongCode what an over-long line or frame is called on this transport.
     */
    public static void onException(
        final SessionServices services,
        final ChannelHandlerContext ctx,
        final Session session,
        final Throwable cause,
        final GatewayErrorCode tooLongCode)
    {
        if (null == session)
        {
            ctx.close();
        }
        else if (cause instanceof TooLongFrameException)
        {
            session.fail(tooLongCode.wireName(), null, "longer than the limit of " + limit(services, tooLongCode) +
                " bytes", GatewayCounter.LIMIT_BREACHES);
        }
        else if (cause instanceof TruncatedFrameException)
        {
            session.fail(GatewayErrorCode.TRUNCATED_FRAME.wireName(), null, cause.getMessage(),
                GatewayCounter.PROTOCOL_ERRORS);
        }
        else if (cause instanceof CorruptedFrameException)
        {
            session.fail(GatewayErrorCode.MALFORMED_FRAME.wireName(), null, "not a valid frame",
                GatewayCounter.PROTOCOL_ERRORS);
        }
        else if (cause instanceof IOException)
        {
            // The peer reset or broke the connection: nothing to answer.
            services.counters().increment(GatewayCounter.CONNECTION_ERRORS);
            ctx.close();
        }
        else
        {
            services.errorHandler().onError(cause);
            session.abort(GatewayErrorCode.INTERNAL_ERROR, "internal error", GatewayCounter.CONNECTION_ERRORS);
        }
    }

    private static int limit(final SessionServices services, final GatewayErrorCode tooLongCode)
    {
        return GatewayErrorCode.FRAME_TOO_LONG == tooLongCode ?
            services.context().maxFrameBytes() : services.context().maxLineBytes();
    }
}
