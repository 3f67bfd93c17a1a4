package io.firstcall.gateway.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * The SBE input messages as docs/protocol.md §6 and the schema's comments describe them, written down
 * here apart from the code under test ({@code InputSchema}, {@code InputValidator}), so the storm's
 * oracle judges the gateway by the documented contract rather than by its own reading of the schema.
 * {@code InputLayoutTest} holds this table against the generated codecs.
 * <pre>
 *   message header (8 bytes, little-endian uint16 each): blockLength, templateId, schemaId, version
 *   fixed block (blockLength bytes): eventTimeMs int64 @0, receiveTimeNs int64 @8, then per template
 *   var data, in order: uint8 length, then that many bytes of UTF-8 (ConfigChange's document: uint16)
 * </pre>
 */
final class InputLayout
{
    static final int HEADER_LENGTH = 8;
    static final int SCHEMA_ID = 7;
    static final int SCHEMA_VERSION = 2;
    /** The two times every input starts with. */
    static final int MIN_BLOCK_LENGTH = 16;
    static final int RECEIVE_TIME_OFFSET = 8;
    static final int CONFIG = 13;
    static final int TICK = 14;

    private static final int ID_BYTES = 64;
    private static final int TEXT_BYTES = 254;

    /**
     * A fixed field after the two times; {@code enumValues} is how many values its enum defines, or 0
     * when it is a plain integer.
     */
    record Fixed(String name, int offset, int size, int enumValues, boolean headCount)
    {
        Fixed(final String name, final int offset, final int size, final int enumValues)
        {
            this(name, offset, size, enumValues, false);
        }
    }

    /**
     * A variable-length text field and its bounds in UTF-8 bytes; {@code headerLength} is its length
     * prefix (1, or 2 for a document).
     */
    record Text(String name, int minBytes, int maxBytes, int headerLength)
    {
    }

    /**
     * One input template: its id, the JSON type that encodes to it (null for the engine's own),
     * fixed block length, extra fixed fields and var data in wire order.
     */
    record Template(int id, String jsonType, int blockLength, List<Fixed> fixed, List<Text> texts)
    {
        Text text(final String name)
        {
            for (final Text text : texts)
            {
                if (text.name().equals(name))
                {
                    return text;
                }
            }
            return null;
        }

        Fixed fixedField(final String name)
        {
            for (final Fixed field : fixed)
            {
                if (field.name().equals(name))
                {
                    return field;
                }
            }
            return null;
        }
    }

    private static final Template[] BY_ID = new Template[TICK + 1];

    static
    {
        final Text tenant = new Text("tenant", 1, 32, 1);
        final Text eventId = new Text("eventId", 1, ID_BYTES, 1);
        final Text lead = new Text("lead", 1, ID_BYTES, 1);
        final Text rep = new Text("rep", 1, ID_BYTES, 1);
        final List<Text> profile = List.of(text("email"), text("phone"), text("name"), text("company"),
            text("industry"), text("region"), text("product"), text("source"), text("owner"), text("timezone"));
        // A head count: 0 or more, or the int32 null value (-2^31) for none (protocol.md §6).
        final Fixed employees = new Fixed("employees", 16, 4, 0, true);

        add(new Template(1, "lead", 20, List.of(employees), concat(List.of(tenant, eventId, lead), profile)));
        add(new Template(2, "form", 20, List.of(employees), concat(List.of(tenant, eventId, lead, text("form")), profile)));
        add(new Template(3, "visit", 16, List.of(),
            List.of(tenant, eventId, new Text("lead", 0, ID_BYTES, 1), text("page"))));
        add(new Template(4, "trial", 16, List.of(), List.of(tenant, eventId, lead, text("milestone"))));
        add(new Template(5, "score", 20, List.of(new Fixed("score", 16, 4, 0)), List.of(tenant, eventId, lead)));
        add(new Template(6, "presence", 17, List.of(new Fixed("status", 16, 1, 3)), List.of(tenant, eventId, rep)));
        add(new Template(7, "call", 17, List.of(new Fixed("outcome", 16, 1, 4)), List.of(tenant, eventId, lead, rep)));
        add(new Template(8, "email", 16, List.of(), List.of(tenant, eventId, lead, rep)));
        add(new Template(9, "sms", 16, List.of(), List.of(tenant, eventId, lead, rep)));
        add(new Template(10, "qualify", 17, List.of(new Fixed("result", 16, 1, 2)),
            List.of(tenant, eventId, lead, rep, text("reason"))));
        add(new Template(11, "opportunity", 24, List.of(new Fixed("amountCents", 16, 8, 0)),
            List.of(tenant, eventId, lead, rep)));
        add(new Template(12, "converted", 16, List.of(), List.of(tenant, eventId, lead)));
        add(new Template(CONFIG, null, 24, List.of(new Fixed("configVersion", 16, 8, 0)),
            List.of(tenant, new Text("eventId", 0, ID_BYTES, 1), new Text("document", 0, 65_534, 2))));
        add(new Template(TICK, null, 16, List.of(), List.of(new Text("tenant", 0, 0, 1), new Text("eventId", 0, 0, 1))));
    }

    private InputLayout()
    {
    }

    /**
     * @return the input template, or null when the id names none.
     */
    static Template template(final int templateId)
    {
        return templateId >= 1 && templateId < BY_ID.length ? BY_ID[templateId] : null;
    }

    /**
     * @return the client template a JSON event type encodes to.
     */
    static Template byJsonType(final String jsonType)
    {
        for (int id = 1; id < CONFIG; id++)
        {
            if (BY_ID[id].jsonType().equals(jsonType))
            {
                return BY_ID[id];
            }
        }
        throw new IllegalArgumentException("not an event type: " + jsonType);
    }

    private static Text text(final String name)
    {
        return new Text(name, 0, TEXT_BYTES, 1);
    }

    private static List<Text> concat(final List<Text> first, final List<Text> second)
    {
        final ArrayList<Text> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    private static void add(final Template template)
    {
        BY_ID[template.id()] = template;
    }
}
