package io.firstcall.audit;

import io.firstcall.codec.CallActivityDecoder;
import io.firstcall.codec.EmailSentDecoder;
import io.firstcall.codec.OpportunityCreatedDecoder;
import io.firstcall.codec.QualificationDecoder;
import io.firstcall.codec.RepPresenceDecoder;
import io.firstcall.codec.SmsSentDecoder;
import io.firstcall.event.InputEnvelope;
import io.firstcall.event.InputTypes;
import org.agrona.DirectBuffer;

/**
 * The tenant, lead and rep an input names, found without decoding it whole: every input's variable
 * data starts with tenant and eventId, and every input about a lead carries the lead next (the schema
 * keeps it so); inputs a rep sends carry the rep after the lead, a presence change right after the
 * event id. Offsets are into the wrapped buffer; a field the input does not have has length -1.
 */
public final class InputFields
{
    public static final int NONE = -1;

    private final InputEnvelope envelope = new InputEnvelope();
    private DirectBuffer buffer;
    private int leadOffset;
    private int leadLength;
    private int repOffset;
    private int repLength;

    /**
     * @return false when the message is not a readable input (a journal entry the engine rejected).
     */
    public boolean wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        leadLength = NONE;
        repLength = NONE;
        if (!envelope.wrap(buffer, offset, length))
        {
            return false;
        }
        final int limit = offset + length;
        final int templateId = envelope.templateId();
        final int afterId = envelope.eventIdOffset() + envelope.eventIdLength();
        if (RepPresenceDecoder.TEMPLATE_ID == templateId)
        {
            return readRep(afterId, limit);
        }
        if (InputTypes.TICK == templateId || InputTypes.CONFIG == templateId)
        {
            return true;
        }
        if (afterId + 1 > limit)
        {
            return false;
        }
        leadLength = buffer.getByte(afterId) & 0xFF;
        leadOffset = afterId + 1;
        if (leadOffset + leadLength > limit)
        {
            leadLength = NONE;
            return false;
        }
        return !carriesRep(templateId) || readRep(leadOffset + leadLength, limit);
    }

    public int templateId()
    {
        return envelope.templateId();
    }

    public long eventTimeMs()
    {
        return envelope.eventTimeMs();
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    public int tenantOffset()
    {
        return envelope.tenantOffset();
    }

    public int tenantLength()
    {
        return envelope.tenantLength();
    }

    public int eventIdOffset()
    {
        return envelope.eventIdOffset();
    }

    public int eventIdLength()
    {
        return envelope.eventIdLength();
    }

    public int leadOffset()
    {
        return leadOffset;
    }

    /**
     * @return the lead id's length, {@link #NONE} when the input names no lead.
     */
    public int leadLength()
    {
        return leadLength;
    }

    public int repOffset()
    {
        return repOffset;
    }

    /**
     * @return the rep id's length, {@link #NONE} when the input names no rep.
     */
    public int repLength()
    {
        return repLength;
    }

    private boolean readRep(final int at, final int limit)
    {
        if (at + 1 > limit)
        {
            return false;
        }
        repLength = buffer.getByte(at) & 0xFF;
        repOffset = at + 1;
        if (repOffset + repLength > limit)
        {
            repLength = NONE;
            return false;
        }
        return true;
    }

    private static boolean carriesRep(final int templateId)
    {
        return CallActivityDecoder.TEMPLATE_ID == templateId || EmailSentDecoder.TEMPLATE_ID == templateId ||
            SmsSentDecoder.TEMPLATE_ID == templateId || QualificationDecoder.TEMPLATE_ID == templateId ||
            OpportunityCreatedDecoder.TEMPLATE_ID == templateId;
    }
}
