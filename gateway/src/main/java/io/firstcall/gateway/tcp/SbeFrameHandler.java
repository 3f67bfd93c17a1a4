package io.firstcall.gateway.tcp;

import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.event.InputEnvelope;
import io.firstcall.event.InputTypes;
import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.json.Hello;
import io.firstcall.gateway.json.JsonErrorCode;
import io.firstcall.gateway.json.JsonEventDecoder;
import io.firstcall.gateway.session.ChannelEvents;
import io.firstcall.gateway.session.GatewayErrorCode;
import io.firstcall.gateway.session.LoopResources;
import io.firstcall.gateway.session.Session;
import io.firstcall.gateway.session.SessionChannelHandler;
import io.firstcall.gateway.session.SessionServices;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The session end of an SBE connection. The first frame is a JSON hello (sources only); every later
 * frame is one SBE input message, checked before it is offered: a well-formed firstcall input
 * (else the connection is closed), a client event type, the connection's own tenant, and an event id
 * of 1..64 bytes (else the event is answered with an error and the connection stays open). The
 * gateway stamps its receive time into the message. One per connection.
 */
final class SbeFrameHandler extends SessionChannelHandler
{
    private static final int MAX_EVENT_ID_BYTES = 64;
    /** receiveTimeNs is the second int64 of every input's fixed block. */
    private static final int RECEIVE_TIME_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH + 8;

    private final InputEnvelope envelope = new InputEnvelope();

    SbeFrameHandler(final SessionServices services)
    {
        super(services);
    }

    public void channelActive(final ChannelHandlerContext ctx)
    {
        final int eventBufferBytes = Math.min(
            services().context().maxFrameBytes(), services().publisher().maxMessageLength());
        openSession(ctx, FrameTransport.INSTANCE, eventBufferBytes);
        ctx.fireChannelActive();
    }

    public void channelRead(final ChannelHandlerContext ctx, final Object msg)
    {
        final Session session = session();
        final ByteBuf frame = (ByteBuf)msg;
        try
        {
            if (null != session && frame.isReadable() && session.isTakingLines())
            {
                if (session.isStalled())
                {
                    throw new IllegalStateException("a frame arrived while an event waits for ring space");
                }

                if (session.isAuthenticated())
                {
                    onEvent(frame, services().clock().nanoTime());
                }
                else
                {
                    onHello(frame);
                }
            }
        }
        finally
        {
            frame.release();
        }
    }

    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause)
    {
        final Session session = session();
        ChannelEvents.onException(services(), ctx, session, cause, GatewayErrorCode.FRAME_TOO_LONG);
    }

    private void onHello(final ByteBuf frame)
    {
        final Session session = session();
        final int length = frame.readableBytes();
        final byte[] bytes = LoopResources.current().scratch(length);
        frame.getBytes(frame.readerIndex(), bytes, 0, length);

        // Once per connection, so the decoder is not kept.
        final JsonEventDecoder decoder = new JsonEventDecoder();
        final Hello hello = decoder.decodeHello(bytes, 0, length);
        if (null == hello)
        {
            session.fail(decoder, GatewayCounter.HELLO_FAILURES);
        }
        else
        {
            session.accept(hello, false);
        }
    }

    private void onEvent(final ByteBuf frame, final long receivedNs)
    {
        final Session session = session();
        final int length = frame.readableBytes();
        final MutableDirectBuffer buffer = session.eventBuffer();
        if (length > buffer.capacity())
        {
            session.fail(GatewayErrorCode.FRAME_TOO_LONG.wireName(), null,
                "longer than an engine ring slot of " + buffer.capacity() + " bytes", GatewayCounter.LIMIT_BREACHES);
            return;
        }

        frame.getBytes(frame.readerIndex(), buffer.byteArray(), 0, length);
        if (!envelope.wrap(buffer, 0, length))
        {
            session.fail(GatewayErrorCode.MALFORMED_FRAME.wireName(), null, "not a firstcall SBE input message",
                GatewayCounter.PROTOCOL_ERRORS);
            return;
        }

        final byte[] bytes = buffer.byteArray();
        final int idOffset = envelope.eventIdOffset();
        final int idLength = envelope.eventIdLength() <= MAX_EVENT_ID_BYTES ? envelope.eventIdLength() : 0;
        final byte[] tenant = session.hello().tenantBytes();
        if (InputTypes.CONFIG == envelope.templateId() || InputTypes.TICK == envelope.templateId())
        {
            session.reject(bytes, idOffset, idLength, JsonErrorCode.FORBIDDEN_TYPE.wireName(), "templateId",
                "ConfigChange and TimerTick are engine events");
        }
        else if (!sameBytes(bytes, envelope.tenantOffset(), envelope.tenantLength(), tenant))
        {
            session.reject(bytes, idOffset, idLength, GatewayErrorCode.WRONG_TENANT.wireName(), "tenant",
                "must be this connection's tenant");
        }
        else if (0 == envelope.eventIdLength())
        {
            session.reject(bytes, idOffset, 0, JsonErrorCode.MISSING_FIELD.wireName(), "eventId", "is required");
        }
        else if (0 == idLength)
        {
            session.reject(bytes, idOffset, 0, JsonErrorCode.FIELD_TOO_LONG.wireName(), "eventId",
                "must be at most " + MAX_EVENT_ID_BYTES + " bytes");
        }
        else
        {
            buffer.putLong(RECEIVE_TIME_OFFSET, receivedNs, ByteOrder.LITTLE_ENDIAN);
            session.publish(length, bytes, idOffset, idLength, receivedNs);
        }
    }

    private static boolean sameBytes(final byte[] bytes, final int offset, final int length, final byte[] expected)
    {
        if (length != expected.length)
        {
            return false;
        }

        for (int i = 0; i < length; i++)
        {
            if (bytes[offset + i] != expected[i])
            {
                return false;
            }
        }

        return true;
    }
}
