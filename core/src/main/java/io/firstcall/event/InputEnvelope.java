package io.firstcall.event;

import io.firstcall.codec.MessageHeaderDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Flyweight over the part every input message shares, whatever its type: the SBE message header,
 * the two leading fixed fields (eventTimeMs, receiveTimeNs) and the first two variable-length
 * fields (tenant, eventId). The schema keeps this shape for every input so the journal stage can
 * read an idempotency key without decoding the whole message.
 * <pre>
 *  +----------------------------+  offset
 *  | SBE message header (8)     |
 *  +----------------------------+  offset + 8
 *  | eventTimeMs   int64        |
 *  | receiveTimeNs int64        |
 *  | ... rest of fixed block    |
 *  +----------------------------+  offset + 8 + blockLength
 *  | tenant  (uint8 len, bytes) |
 *  | eventId (uint8 len, bytes) |
 *  | ... other var data         |
 *  +----------------------------+
 * </pre>
 */
public final class InputEnvelope
{
    public static final int MIN_BLOCK_LENGTH = 16;
    private static final int EVENT_TIME_OFFSET = 0;
    private static final int RECEIVE_TIME_OFFSET = 8;

    private DirectBuffer buffer;
    private int offset;
    private int templateId;
    private int bodyOffset;
    private int tenantOffset;
    private int tenantLength;
    private int eventIdOffset;
    private int eventIdLength;

    /**
     * Wrap a message and check that its shared part lies inside {@code length}.
     *
     * @return false when the bytes are not a well-formed firstcall input.
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        if (length < MessageHeaderDecoder.ENCODED_LENGTH + MIN_BLOCK_LENGTH + 2)
        {
            return false;
        }

        final int blockLength = buffer.getShort(offset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        templateId = buffer.getShort(offset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int schemaId = buffer.getShort(offset + 4, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        if (schemaId != MessageHeaderDecoder.SCHEMA_ID || blockLength < MIN_BLOCK_LENGTH || !InputTypes.isInput(templateId))
        {
            return false;
        }

        bodyOffset = offset + MessageHeaderDecoder.ENCODED_LENGTH;
        final int limit = offset + length;
        tenantOffset = bodyOffset + blockLength + 1;
        if (tenantOffset > limit)
        {
            return false;
        }
        tenantLength = buffer.getByte(tenantOffset - 1) & 0xFF;
        eventIdOffset = tenantOffset + tenantLength + 1;
        if (eventIdOffset > limit)
        {
            return false;
        }
        eventIdLength = buffer.getByte(eventIdOffset - 1) & 0xFF;
        return eventIdOffset + eventIdLength <= limit;
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    public int offset()
    {
        return offset;
    }

    public int templateId()
    {
        return templateId;
    }

    public long eventTimeMs()
    {
        return buffer.getLong(bodyOffset + EVENT_TIME_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public long receiveTimeNs()
    {
        return buffer.getLong(bodyOffset + RECEIVE_TIME_OFFSET, ByteOrder.LITTLE_ENDIAN);
    }

    public int tenantOffset()
    {
        return tenantOffset;
    }

    public int tenantLength()
    {
        return tenantLength;
    }

    public int eventIdOffset()
    {
        return eventIdOffset;
    }

    public int eventIdLength()
    {
        return eventIdLength;
    }

    /**
     * @return true when both tenant and event id equal those of {@code other}.
     */
    public boolean sameKey(final InputEnvelope other)
    {
        return tenantLength == other.tenantLength &&
            eventIdLength == other.eventIdLength &&
            Bytes.equal(buffer, tenantOffset, other.buffer, other.tenantOffset, tenantLength) &&
            Bytes.equal(buffer, eventIdOffset, other.buffer, other.eventIdOffset, eventIdLength);
    }

    /**
     * @return a 64-bit hash of (tenant, eventId), stable across runs.
     */
    public long keyHash()
    {
        long hash = Bytes.hash(Bytes.HASH_SEED, buffer, tenantOffset, tenantLength);
        hash = Bytes.hash(hash ^ 0xFF, buffer, eventIdOffset, eventIdLength);
        return Bytes.mix(hash);
    }
}
