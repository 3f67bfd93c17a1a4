package io.firstcall.gateway.fuzz;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One client event as the protocol describes it: a JSON type and its fields by their JSON names, each
 * value a String (text, choices, ISO times), a Long (integers, epoch milliseconds) or a {@link Num}
 * (a number literal kept as written). It renders as a JSON line or as the SBE message the gateway
 * makes of that line.
 */
final class Event
{
    static final String[] STATUS = {"available", "busy", "offline"};
    static final String[] OUTCOME = {"started", "connected", "no_answer", "voicemail"};
    static final String[] RESULT = {"qualified", "disqualified"};
    /**
     * What the gateway writes for employees not given: the null value of the schema's HeadCount type.
     */
    static final int NO_EMPLOYEES = Integer.MIN_VALUE;

    /** A JSON number literal written exactly as given. */
    record Num(String literal)
    {
        public String toString()
        {
            return literal;
        }
    }

    /**
     * Any JSON text written exactly as given, valid or not. Put as "type" it replaces the event's type;
     * a null "type" leaves the member out.
     */
    record Raw(String json)
    {
        public String toString()
        {
            return json;
        }
    }

    private final String type;
    private final LinkedHashMap<String, Object> fields = new LinkedHashMap<>();

    Event(final String type)
    {
        this.type = type;
    }

    String type()
    {
        return type;
    }

    Event put(final String name, final Object value)
    {
        fields.put(name, value);
        return this;
    }

    Object get(final String name)
    {
        return fields.get(name);
    }

    Event remove(final String name)
    {
        fields.remove(name);
        return this;
    }

    String id()
    {
        return (String)fields.get("id");
    }

    Map<String, Object> fields()
    {
        return fields;
    }

    Event copy()
    {
        final Event copy = new Event(type);
        copy.fields.putAll(fields);
        return copy;
    }

    /**
     * @return the JSON object, members in a random order ("type" mostly first), some characters escaped
     * at random; no newline.
     */
    String json(final SplittableRandom random)
    {
        final List<Map.Entry<String, Object>> entries = new ArrayList<>(fields.size() + 1);
        final Object typeValue = fields.containsKey("type") ? fields.get("type") : type;
        for (final Map.Entry<String, Object> entry : fields.entrySet())
        {
            if (!"type".equals(entry.getKey()))
            {
                entries.add(entry);
            }
        }
        for (int i = entries.size(); i > 1; i--)
        {
            final int j = random.nextInt(i);
            final Map.Entry<String, Object> swap = entries.get(i - 1);
            entries.set(i - 1, entries.get(j));
            entries.set(j, swap);
        }
        if (!fields.containsKey("type") || null != typeValue)
        {
            entries.add(random.nextInt(4) == 0 ? random.nextInt(entries.size() + 1) : 0, Map.entry("type", typeValue));
        }
        final StringBuilder out = new StringBuilder(256).append('{');
        for (final Map.Entry<String, Object> entry : entries)
        {
            if (out.length() > 1)
            {
                out.append(',');
            }
            JsonText.member(out, entry.getKey(), entry.getValue(), random);
        }
        return out.append('}').toString();
    }

    /**
     * @return the SBE message (header included) of this event for {@code tenant}, as the gateway
     * encodes it: every text of the template in schema order, empty when absent; employees {@link #NO_EMPLOYEES}
     * when absent.
     */
    byte[] sbe(final String tenant, final long eventTimeMs, final long receiveTimeNs)
    {
        final InputLayout.Template template = InputLayout.byJsonType(type);
        final ByteBuffer block = ByteBuffer.allocate(template.blockLength()).order(ByteOrder.LITTLE_ENDIAN);
        block.putLong(0, eventTimeMs).putLong(InputLayout.RECEIVE_TIME_OFFSET, receiveTimeNs);
        for (final InputLayout.Fixed fixed : template.fixed())
        {
            putFixed(block, fixed);
        }
        final List<byte[]> texts = new ArrayList<>();
        for (final InputLayout.Text text : template.texts())
        {
            texts.add(textBytes(text.name(), tenant));
        }
        return SbeBytes.message(template.blockLength(), template.id(), InputLayout.SCHEMA_ID,
            InputLayout.SCHEMA_VERSION, block.array(), texts);
    }

    /**
     * @return the event time this event carries, in epoch milliseconds, or {@code defaultMs} without "at".
     */
    long eventTimeMs(final long defaultMs)
    {
        final Object at = fields.get("at");
        if (null == at)
        {
            return defaultMs;
        }
        return at instanceof Long ? (Long)at : Instant.parse((String)at).toEpochMilli();
    }

    private void putFixed(final ByteBuffer block, final InputLayout.Fixed fixed)
    {
        switch (fixed.name())
        {
            case "employees":
                block.putInt(fixed.offset(), fields.containsKey("employees") ?
                    ((Long)fields.get("employees")).intValue() : NO_EMPLOYEES);
                break;
            case "score":
                block.putInt(fixed.offset(), ((Long)fields.get("score")).intValue());
                break;
            case "status":
                block.put(fixed.offset(), (byte)indexOf(STATUS, (String)fields.get("status")));
                break;
            case "outcome":
                block.put(fixed.offset(), (byte)indexOf(OUTCOME, (String)fields.get("outcome")));
                break;
            case "result":
                block.put(fixed.offset(), (byte)indexOf(RESULT, (String)fields.get("result")));
                break;
            case "amountCents":
                block.putLong(fixed.offset(), cents(((Num)fields.get("amount")).literal()));
                break;
            default:
                throw new IllegalStateException("no value for " + fixed.name());
        }
    }

    private byte[] textBytes(final String sbeName, final String tenant)
    {
        final Object value = "tenant".equals(sbeName) ? tenant : fields.get("eventId".equals(sbeName) ? "id" : sbeName);
        return null == value ? new byte[0] : ((String)value).getBytes(StandardCharsets.UTF_8);
    }

    static long cents(final String literal)
    {
        return new BigDecimal(literal).movePointRight(2).longValueExact();
    }

    static int indexOf(final String[] choices, final String value)
    {
        for (int i = 0; i < choices.length; i++)
        {
            if (choices[i].equals(value))
            {
                return i;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
