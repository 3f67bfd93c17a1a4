package io.firstcall.gateway.session;

import io.firstcall.codec.ActivityKind;
import io.firstcall.codec.AlertEncoder;
import io.firstcall.codec.EscalationEncoder;
import io.firstcall.codec.EscalationLevel;
import io.firstcall.codec.FirmographicComponent;
import io.firstcall.codec.HotCriterion;
import io.firstcall.codec.LeadCreatedEncoder;
import io.firstcall.codec.MessageHeaderEncoder;
import io.firstcall.codec.SignalKind;
import io.firstcall.codec.TaskChannel;
import io.firstcall.codec.TaskDueEncoder;
import io.firstcall.codec.Visibility;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputTargetTest
{
    private static final int OFFSET = 16;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
    private final MessageHeaderEncoder header = new MessageHeaderEncoder();
    private final OutputTarget target = new OutputTarget();

    @Test
    void shouldFindTenantAndRepOfAnAlertAfterItsGroups()
    {
        final int length = alert(2);

        assertTrue(target.wrap(buffer, OFFSET, length));
        assertEquals("acme", text(buffer, target.tenantOffset(), target.tenantLength()));
        assertEquals("r-42", text(buffer, target.repOffset(), target.repLength()));
    }

    @Test
    void shouldFindEscalationRecipientInItsToField()
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + new EscalationEncoder().wrapAndApplyHeader(buffer, OFFSET, header)
            .level(EscalationLevel.BACKUP_REP).tenant("acme").lead("L1").fromRep("r1").to("backup").encodedLength();

        assertTrue(target.wrap(buffer, OFFSET, length));
        assertEquals("backup", text(buffer, target.repOffset(), target.repLength()));
    }

    @Test
    void shouldFindTaskRep()
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + new TaskDueEncoder().wrapAndApplyHeader(buffer, OFFSET, header)
            .channel(TaskChannel.EMAIL).tenant("globex").lead("L1").rep("r7").description("send it").encodedLength();

        assertTrue(target.wrap(buffer, OFFSET, length));
        assertEquals("globex", text(buffer, target.tenantOffset(), target.tenantLength()));
        assertEquals("r7", text(buffer, target.repOffset(), target.repLength()));
    }

    @Test
    void shouldSendDecisionsAndTruncatedMessagesToNobody()
    {
        final int decision = MessageHeaderEncoder.ENCODED_LENGTH + new LeadCreatedEncoder()
            .wrapAndApplyHeader(buffer, OFFSET, header).tenant("acme").lead("L1").encodedLength();
        assertFalse(target.wrap(buffer, OFFSET, decision));

        final int alert = alert(0);
        assertFalse(target.wrap(buffer, OFFSET, alert - 20), "the rep lies beyond the given length");
        assertFalse(target.wrap(buffer, OFFSET, 4));
        final int withGroups = alert(3);
        assertFalse(target.wrap(buffer, OFFSET, withGroups - 200), "a group runs past the given length");
    }

    /**
     * An alert for rep r-42 of tenant acme whose groups hold {@code entries} entries each.
     */
    private int alert(final int entries)
    {
        final AlertEncoder alert = new AlertEncoder().wrapAndApplyHeader(buffer, OFFSET, header).visibility(Visibility.OWNED);
        final AlertEncoder.CriteriaEncoder criteria = alert.criteriaCount(entries);
        for (int i = 0; i < entries; i++)
        {
            criteria.next().criterion(HotCriterion.FORM).threshold(0).name("form-" + i);
        }
        final AlertEncoder.FirmographicEncoder firmographic = alert.firmographicCount(entries);
        for (int i = 0; i < entries; i++)
        {
            firmographic.next().component(FirmographicComponent.REGION).points(i);
        }
        final AlertEncoder.SignalsEncoder signals = alert.signalsCount(entries);
        for (int i = 0; i < entries; i++)
        {
            signals.next().kind(SignalKind.PAGE).points(i).name("page-" + i);
        }
        final AlertEncoder.ActivityEncoder activity = alert.activityCount(entries);
        for (int i = 0; i < entries; i++)
        {
            activity.next().kind(ActivityKind.VISIT).atNs(i).detail("/pricing/" + i);
        }
        alert.tenant("acme").lead("L1").rep("r-42").name("n").email("e").phone("").company("c").industry("")
            .region("").product("").team("west");
        return MessageHeaderEncoder.ENCODED_LENGTH + alert.encodedLength();
    }

    private static String text(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
