package io.firstcall.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * JSON lines protocol v1, written by hand into a byte array:
 * <pre>
 * {"type":"form","id":"r1-2-9","lead":"hr1-2-9","form":"demo_request","owner":"r1"}
 * {"type":"visit","id":"r1-2-10","lead":"c10","page":"/features"}
 * {"type":"form","id":"r1-2-11","lead":"c11","form":"ebook_download"}
 * </pre>
 */
final class JsonWire implements WireFormat
{
    private static final byte[] FORM_ID = LoadEvents.bytes("{\"type\":\"form\",\"id\":\"");
    private static final byte[] VISIT_ID = LoadEvents.bytes("{\"type\":\"visit\",\"id\":\"");
    private static final byte[] LEAD = LoadEvents.bytes("\",\"lead\":\"");
    private static final byte[] FORM = LoadEvents.bytes("\",\"form\":\"");
    private static final byte[] OWNER = LoadEvents.bytes("\",\"owner\":\"");
    private static final byte[] PAGE = LoadEvents.bytes("\",\"page\":\"");
    private static final byte[] END = LoadEvents.bytes("\"}\n");

    public String name()
    {
        return "json";
    }

    public boolean framed()
    {
        return false;
    }

    public int hello(final byte[] dst, final String tenant, final String token)
    {
        final byte[] line = ("{\"type\":\"hello\",\"tenant\":\"" + tenant + "\",\"token\":\"" + token + "\"}\n")
            .getBytes(StandardCharsets.UTF_8);
        System.arraycopy(line, 0, dst, 0, line.length);
        return line.length;
    }

    public int encode(final byte[] dst, final int offset, final LoadEvents events, final int phase, final long index)
    {
        final int kind = events.kind(index);
        int position = Ascii.put(dst, offset, LoadEvents.VISIT == kind ? VISIT_ID : FORM_ID);
        position += events.eventId(dst, position, phase, index);
        position = Ascii.put(dst, position, LEAD);
        position += events.leadId(dst, position, phase, index);
        switch (kind)
        {
            case LoadEvents.HOT:
                position = Ascii.put(dst, position, FORM);
                position = Ascii.put(dst, position, LoadEvents.HOT_FORM);
                position = Ascii.put(dst, position, OWNER);
                position = Ascii.put(dst, position, events.owner(index));
                break;

            case LoadEvents.VISIT:
                position = Ascii.put(dst, position, PAGE);
                position = Ascii.put(dst, position, events.page(index));
                break;

            default:
                position = Ascii.put(dst, position, FORM);
                position = Ascii.put(dst, position, LoadEvents.EBOOK_FORM);
                break;
        }
        position = Ascii.put(dst, position, END);
        return position - offset;
    }
}
