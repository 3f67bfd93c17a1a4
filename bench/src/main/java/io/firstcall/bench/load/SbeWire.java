package io.firstcall.bench.load;

import io.firstcall.codec.FormSubmittedEncoder;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.codec.PageVisitedEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The SBE port: a 4-byte little-endian length, then the body. The hello is the JSON hello line's
 * bytes; every event is an SBE input message from the generated encoders, the same events as
 * {@link JsonWire} sends. The gateway stamps its own receive time into each message.
 */
final class SbeWire implements WireFormat
{
    private static final byte[] EMPTY = new byte[0];
    private static final int PREFIX = 4;

    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final FormSubmittedEncoder form = new FormSubmittedEncoder();
    private final PageVisitedEncoder visit = new PageVisitedEncoder();
    private final UnsafeBuffer buffer = new UnsafeBuffer(EMPTY);
    private final byte[] tenant;
    private final byte[] id = new byte[64];
    private final byte[] lead = new byte[64];

    SbeWire(final String tenant)
    {
        this.tenant = tenant.getBytes(StandardCharsets.UTF_8);
    }

    public String name()
    {
        return "sbe";
    }

    public boolean framed()
    {
        return true;
    }

    public int hello(final byte[] dst, final String tenantId, final String token)
    {
        final byte[] body = ("{\"type\":\"hello\",\"tenant\":\"" + tenantId + "\",\"token\":\"" + token + "\"}")
            .getBytes(StandardCharsets.UTF_8);
        buffer.wrap(dst);
        buffer.putInt(0, body.length, ByteOrder.LITTLE_ENDIAN);
        buffer.putBytes(PREFIX, body);
        return PREFIX + body.length;
    }

    public int encode(final byte[] dst, final int offset, final LoadEvents events, final int phase, final long index)
    {
        buffer.wrap(dst);
        final int idLength = events.eventId(id, 0, phase, index);
        final int leadLength = events.leadId(lead, 0, phase, index);
        final long nowMs = System.currentTimeMillis();
        final int kind = events.kind(index);
        final int bodyLength;
        if (LoadEvents.VISIT == kind)
        {
            final byte[] page = events.page(index);
            visit.wrapAndApplyHeader(buffer, offset + PREFIX, header)
                .eventTimeMs(nowMs).receiveTimeNs(0)
                .putTenant(tenant, 0, tenant.length).putEventId(id, 0, idLength).putLead(lead, 0, leadLength)
                .putPage(page, 0, page.length);
            bodyLength = MessageHeaderEncoder.ENCODED_LENGTH + visit.encodedLength();
        }
        else
        {
            final byte[] formKind = LoadEvents.HOT == kind ? LoadEvents.HOT_FORM : LoadEvents.EBOOK_FORM;
            final byte[] owner = LoadEvents.HOT == kind ? events.owner(index) : EMPTY;
            form.wrapAndApplyHeader(buffer, offset + PREFIX, header)
                .eventTimeMs(nowMs).receiveTimeNs(0).employees(FormSubmittedEncoder.employeesNullValue())
                .putTenant(tenant, 0, tenant.length).putEventId(id, 0, idLength).putLead(lead, 0, leadLength)
                .putForm(formKind, 0, formKind.length)
                .putEmail(EMPTY, 0, 0).putPhone(EMPTY, 0, 0).putName(EMPTY, 0, 0).putCompany(EMPTY, 0, 0)
                .putIndustry(EMPTY, 0, 0).putRegion(EMPTY, 0, 0).putProduct(EMPTY, 0, 0).putSource(EMPTY, 0, 0)
                .putOwner(owner, 0, owner.length).putTimezone(EMPTY, 0, 0);
            bodyLength = MessageHeaderEncoder.ENCODED_LENGTH + form.encodedLength();
        }
        buffer.putInt(offset, bodyLength, ByteOrder.LITTLE_ENDIAN);
        return PREFIX + bodyLength;
    }
}
