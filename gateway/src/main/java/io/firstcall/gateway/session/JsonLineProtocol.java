package io.firstcall.gateway.session;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.json.Hello;
import io.firstcall.gateway.json.JsonErrorCode;
import io.firstcall.gateway.json.JsonEventDecoder;
import io.netty.buffer.ByteBuf;

/**
 * JSON lines protocol v1 for one connection, whatever carries the lines (TCP lines or WebSocket text
 * frames): the first line must be a hello; every later line is an event, decoded to SBE and
 * published. An empty line is a keepalive and is ignored.
 * <p>
 * A bad event is answered and the connection stays open; malformed JSON, a failed hello or a second
 * hello is answered and the connection closed. Event loop only.
 */
public final class JsonLineProtocol
{
    private final Session session;
    private final JsonEventDecoder decoder = new JsonEventDecoder();

    public JsonLineProtocol(final Session session)
    {
        this.session = session;
    }

    /**
     * @param line       one line without its terminator; not released here.
     * @param receivedNs when it arrived, epoch nanoseconds.
     */
    public void onLine(final ByteBuf line, final long receivedNs)
    {
        final int length = line.readableBytes();
        if (0 == length || !session.isTakingLines())
        {
            return;
        }
        if (session.isStalled())
        {
            throw new IllegalStateException("a line arrived while an event waits for ring space");
        }

        final byte[] bytes;
        final int offset;
        if (line.hasArray())
        {
            bytes = line.array();
            offset = line.arrayOffset() + line.readerIndex();
        }
        else
        {
            bytes = LoopResources.current().scratch(length);
            offset = 0;
            line.getBytes(line.readerIndex(), bytes, 0, length);
        }

        if (session.isAuthenticated())
        {
            onEvent(bytes, offset, length, receivedNs);
        }
        else
        {
            onHello(bytes, offset, length);
        }
    }

    private void onHello(final byte[] bytes, final int offset, final int length)
    {
        final Hello hello = decoder.decodeHello(bytes, offset, length);
        if (null == hello)
        {
            session.fail(decoder, GatewayCounter.HELLO_FAILURES);
        }
        else if (session.accept(hello, true))
        {
            decoder.connectionRep(hello.repBytes());
        }
    }

    private void onEvent(final byte[] bytes, final int offset, final int length, final long receivedNs)
    {
        final int encodedLength = decoder.decode(
            bytes, offset, length, session.hello().tenantBytes(), receivedNs, session.eventBuffer(), 0);
        if (JsonEventDecoder.ERROR != encodedLength)
        {
            session.publish(encodedLength, decoder.idBuffer(), decoder.idOffset(), decoder.idLength(), receivedNs);
            return;
        }

        final JsonErrorCode code = decoder.errorCode();
        if (JsonErrorCode.MALFORMED_JSON == code)
        {
            session.fail(decoder, GatewayCounter.PROTOCOL_ERRORS);
        }
        else if (JsonErrorCode.FORBIDDEN_TYPE == code && isHello(bytes, offset, length))
        {
            session.fail(JsonErrorCode.FORBIDDEN_TYPE.wireName(), "type", "type: hello is only valid as the first line",
                GatewayCounter.PROTOCOL_ERRORS);
        }
        else
        {
            session.reject(decoder);
        }
    }

    /**
     * A forbidden type is a protocol violation when it is a second hello and a bad event otherwise
     * (say, a lead on a rep connection). Only the hello decoder tells them apart, so ask it, then
     * decode once more to restore the event's error. Error path only.
     */
    private boolean isHello(final byte[] bytes, final int offset, final int length)
    {
        final boolean hello = null != decoder.decodeHello(bytes, offset, length) ||
            JsonErrorCode.FORBIDDEN_TYPE != decoder.errorCode();
        if (!hello)
        {
            decoder.decode(bytes, offset, length, session.hello().tenantBytes(), 0, session.eventBuffer(), 0);
        }

        return hello;
    }
}
