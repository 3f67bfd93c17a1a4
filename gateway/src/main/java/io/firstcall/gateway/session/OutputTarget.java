package io.firstcall.gateway.session;

import io.firstcall.codec.AlertDecoder;
import io.firstcall.codec.AlertWithdrawnDecoder;
import io.firstcall.codec.AssignmentDecoder;
import io.firstcall.codec.ClaimRejectedDecoder;
import io.firstcall.codec.EscalationDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.codec.TaskDueDecoder;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Flyweight that finds who an output message is for: its tenant and its rep, without decoding the rest.
 * <pre>
 *  +----------------------------+  offset
 *  | SBE message header (8)     |  blockLength, templateId, schemaId, version
 *  +----------------------------+  offset + 8
 *  | fixed block                |
 *  +----------------------------+  offset + 8 + blockLength
 *  | groups (Alert only)        |  each: blockLength uint16, count uint16, then per entry its
 *  |                            |  fixed block and its var strings
 *  +----------------------------+
 *  | var 0: tenant (uint8 len)  |
 *  | var 1: lead                |
 *  | var 2: rep   (fromRep)     |
 *  | var 3: ...   (to)          |
 *  +----------------------------+
 * </pre>
 * Alert, AlertWithdrawn, Assignment, ClaimRejected and TaskDue go to their {@code rep} (var 2);
 * Escalation goes to its {@code to} (var 3). Decisions and anything else go to nobody.
 */
final class OutputTarget
{
    private static final int NO_RECIPIENT = -1;
    private static final int REP_FIELD = 2;
    private static final int ESCALATION_TO_FIELD = 3;
    private static final int GROUP_HEADER_LENGTH = 4;

    /**
     * The var strings in each entry of the Alert's groups, in schema order: criteria (name),
     * firmographic (none), signals (name), activity (detail).
     */
    private static final int[] ALERT_GROUP_VAR_FIELDS = {1, 0, 1, 1};

    private int tenantOffset;
    private int tenantLength;
    private int repOffset;
    private int repLength;

    /**
     * @return true when the message is for one rep; its tenant and rep are then in the accessors.
     */
    boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return false;
        }

        final int templateId = buffer.getShort(offset + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int recipientField = recipientField(templateId);
        if (NO_RECIPIENT == recipientField)
        {
            return false;
        }

        final int blockLength = buffer.getShort(offset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int limit = offset + length;
        int position = offset + MessageHeaderDecoder.ENCODED_LENGTH + blockLength;
        if (AlertDecoder.TEMPLATE_ID == templateId)
        {
            for (final int varFields : ALERT_GROUP_VAR_FIELDS)
            {
                position = skipGroup(buffer, position, limit, varFields);
                if (position < 0)
                {
                    return false;
                }
            }
        }
        for (int field = 0; field <= recipientField; field++)
        {
            if (position >= limit)
            {
                return false;
            }
            final int fieldLength = buffer.getByte(position) & 0xFF;
            final int fieldOffset = position + 1;
            position = fieldOffset + fieldLength;
            if (position > limit)
            {
                return false;
            }

            if (0 == field)
            {
                tenantOffset = fieldOffset;
                tenantLength = fieldLength;
            }
            else if (recipientField == field)
            {
                repOffset = fieldOffset;
                repLength = fieldLength;
            }
        }

        return repLength > 0 && tenantLength > 0;
    }

    int tenantOffset()
    {
        return tenantOffset;
    }

    int tenantLength()
    {
        return tenantLength;
    }

    int repOffset()
    {
        return repOffset;
    }

    int repLength()
    {
        return repLength;
    }

    /**
     * @return the position after the group at {@code position}, or -1 when it runs past {@code limit}.
     */
    private static int skipGroup(final DirectBuffer buffer, final int position, final int limit, final int varFields)
    {
        if (position + GROUP_HEADER_LENGTH > limit)
        {
            return -1;
        }
        final int entryLength = buffer.getShort(position, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        final int count = buffer.getShort(position + 2, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
        int next = position + GROUP_HEADER_LENGTH;
        for (int i = 0; i < count; i++)
        {
            next += entryLength;
            for (int field = 0; field < varFields; field++)
            {
                if (next >= limit)
                {
                    return -1;
                }
                next += 1 + (buffer.getByte(next) & 0xFF);
            }
            if (next > limit)
            {
                return -1;
            }
        }
        return next;
    }

    private static int recipientField(final int templateId)
    {
        switch (templateId)
        {
            case AlertDecoder.TEMPLATE_ID:
            case AlertWithdrawnDecoder.TEMPLATE_ID:
            case AssignmentDecoder.TEMPLATE_ID:
            case ClaimRejectedDecoder.TEMPLATE_ID:
            case TaskDueDecoder.TEMPLATE_ID:
                return REP_FIELD;

            case EscalationDecoder.TEMPLATE_ID:
                return ESCALATION_TO_FIELD;

            default:
                return NO_RECIPIENT;
        }
    }
}
