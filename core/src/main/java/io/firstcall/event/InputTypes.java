package io.firstcall.event;

import io.firstcall.codec.ConfigChangeDecoder;
import io.firstcall.codec.TimerTickDecoder;
import io.firstcall.codec.LeadUpsertDecoder;

/**
 * The template ids of input messages (1..14 in the schema) and which of them are special.
 */
public final class InputTypes
{
    public static final int FIRST = LeadUpsertDecoder.TEMPLATE_ID;
    public static final int LAST = TimerTickDecoder.TEMPLATE_ID;
    public static final int TICK = TimerTickDecoder.TEMPLATE_ID;
    public static final int CONFIG = ConfigChangeDecoder.TEMPLATE_ID;

    private InputTypes()
    {
    }

    public static boolean isInput(final int templateId)
    {
        return templateId >= FIRST && templateId <= LAST;
    }
}
