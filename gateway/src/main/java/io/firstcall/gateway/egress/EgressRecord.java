package io.firstcall.gateway.egress;

import io.firstcall.pipeline.AckListener;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The records the engine leaves in the {@link EgressRing} for the gateway, after Agrona's own record
 * header (length, type). All fields little-endian, as Agrona's buffers write them.
 * <pre>
 *  ACK, DUPLICATE   +--------------------------+-----------------------+
 *                   | correlation id (int64)   | journal sequence (64) |   16 bytes; a duplicate's
 *                   +--------------------------+-----------------------+   sequence is the original's
 *  REJECTED         +--------------------------+-----------------------+
 *                   | correlation id (int64)   | reason ordinal (32)   |   12 bytes
 *                   +--------------------------+-----------------------+
 *  OUTPUT           +--------------------------+-----------------------------------------+
 *                   | input sequence (int64)   | SBE output message, header first ...    |
 *                   +--------------------------+-----------------------------------------+
 *  OUTPUT_TOO_LARGE +--------------------------+-----------------------+-----------------+
 *                   | input sequence (int64)   | message length (32)   | template (32)   |  not delivered
 *                   +--------------------------+-----------------------+-----------------+
 * </pre>
 */
public final class EgressRecord
{
    public static final int ACK = 1;
    public static final int DUPLICATE = 2;
    public static final int REJECTED = 3;
    public static final int OUTPUT = 4;
    public static final int OUTPUT_TOO_LARGE = 5;

    public static final int CORRELATION_ID_OFFSET = 0;
    public static final int SEQUENCE_OFFSET = 8;
    public static final int REASON_OFFSET = 8;
    public static final int INPUT_SEQUENCE_OFFSET = 0;
    public static final int MESSAGE_OFFSET = 8;
    public static final int TOO_LARGE_LENGTH_OFFSET = 8;
    public static final int TOO_LARGE_TEMPLATE_OFFSET = 12;

    static final int ACK_LENGTH = 16;
    static final int REJECTED_LENGTH = 12;
    static final int TOO_LARGE_LENGTH = 16;

    private static final AckListener.RejectReason[] REASONS = AckListener.RejectReason.values();

    private EgressRecord()
    {
    }

    public static long correlationId(final DirectBuffer buffer, final int index)
    {
        return buffer.getLong(index + CORRELATION_ID_OFFSET);
    }

    public static long sequence(final DirectBuffer buffer, final int index)
    {
        return buffer.getLong(index + SEQUENCE_OFFSET);
    }

    public static AckListener.RejectReason reason(final DirectBuffer buffer, final int index)
    {
        return REASONS[buffer.getInt(index + REASON_OFFSET)];
    }

    public static long inputSequence(final DirectBuffer buffer, final int index)
    {
        return buffer.getLong(index + INPUT_SEQUENCE_OFFSET);
    }

    static void putAck(final MutableDirectBuffer buffer, final int index, final long correlationId, final long sequence)
    {
        buffer.putLong(index + CORRELATION_ID_OFFSET, correlationId);
        buffer.putLong(index + SEQUENCE_OFFSET, sequence);
    }

    static void putRejected(
        final MutableDirectBuffer buffer, final int index, final long correlationId, final AckListener.RejectReason reason)
    {
        buffer.putLong(index + CORRELATION_ID_OFFSET, correlationId);
        buffer.putInt(index + REASON_OFFSET, reason.ordinal());
    }
}
