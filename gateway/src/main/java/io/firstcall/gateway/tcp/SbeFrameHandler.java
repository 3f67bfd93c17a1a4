package io.firstcall.gateway.tcp;

import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.event.InputFault;
import io.firstcall.event.InputTypes;
import io.firstcall.event.InputValidator;
import io.firstcall.event.Utf8;
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
 * frame is one SBE input message, checked whole by the {@link InputValidator} before it is offered.
 * A frame whose envelope (header, tenant, eventId) cannot be read is {@code malformed_frame} and
 * closes the connection: the sender is not speaking this protocol. Otherwise the frame boundary and
 * the event id are known, so a bad message is answered like a bad JSON field and the connection stays
 * open: an engine event type is {@code forbidden_type}, another tenant {@code wrong_tenant}, and the
 * validator's fault maps to {@code truncated_message}, {@code trailing_bytes}, {@code unsupported_version},
 * {@code missing_field}, {@code field_too_long} or {@code invalid_field}, naming the field. The reply
 * repeats the event id only when it is 1..64 bytes of valid UTF-8. The gateway stamps its receive time
 * into an accepted message. One per connection.
 */
final class SbeFrameHandler extends SessionChannelHandler
{
    private static final int MAX_EVENT_ID_BYTES = 64;
    /** receiveTimeNs is the second int64 of every input's fixed block. */
    private static final int RECEIVE_TIME_OFFSET = MessageHeaderDecoder.ENCODED_LENGTH + 8;

    private final InputValidator validator = new InputValidator();

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
        final InputFault fault = validator.validate(buffer, 0, length);
        if (InputFault.MALFORMED == fault)
        {
            session.fail(GatewayErrorCode.MALFORMED_FRAME.wireName(), validator.field(), validator.message(),
                GatewayCounter.PROTOCOL_ERRORS);
            return;
        }

        final byte[] bytes = buffer.byteArray();
        final int idOffset = validator.eventIdOffset();
        final int idLength = echoableIdLength(buffer, idOffset, validator.eventIdLength());
        final int templateId = validator.templateId();
        if (InputTypes.CONFIG == templateId || InputTypes.TICK == templateId)
        {
            session.reject(bytes, idOffset, idLength, JsonErrorCode.FORBIDDEN_TYPE.wireName(), "templateId",
                "templateId: ConfigChange and TimerTick are engine events");
        }
        else if (!sameBytes(bytes, validator.tenantOffset(), validator.tenantLength(), session.hello().tenantBytes()))
        {
            session.reject(bytes, idOffset, idLength, GatewayErrorCode.WRONG_TENANT.wireName(), "tenant",
                "tenant: must be this connection's tenant");
        }
        else if (InputFault.NONE != fault)
        {
            session.reject(bytes, idOffset, idLength, code(fault), validator.field(), validator.message());
        }
        else
        {
            buffer.putLong(RECEIVE_TIME_OFFSET, receivedNs, ByteOrder.LITTLE_ENDIAN);
            session.publish(length, bytes, idOffset, idLength, receivedNs);
        }
    }

    /**
     * @return the event id's length when a reply may repeat it (1..64 bytes of valid UTF-8), else 0.
     */
    private static int echoableIdLength(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        return length <= MAX_EVENT_ID_BYTES && Utf8.isValid(buffer, offset, length) ? length : 0;
    }

    private static String code(final InputFault fault)
    {
        switch (fault)
        {
            case TRUNCATED:
                return GatewayErrorCode.TRUNCATED_MESSAGE.wireName();
            case TRAILING_BYTES:
                return GatewayErrorCode.TRAILING_BYTES.wireName();
            case UNSUPPORTED_VERSION:
                return GatewayErrorCode.UNSUPPORTED_VERSION.wireName();
            case TOO_SHORT:
                return JsonErrorCode.MISSING_FIELD.wireName();
            case TOO_LONG:
                return JsonErrorCode.FIELD_TOO_LONG.wireName();
            default:
                // An enum value its enum does not define, text that is not UTF-8, a block too short.
                return JsonErrorCode.INVALID_FIELD.wireName();
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
