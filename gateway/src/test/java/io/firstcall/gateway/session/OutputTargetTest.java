package io.firstcall.gateway.session;

import io.firstcall.codec.AlertEncoder;
import io.firstcall.codec.DecisionKind;
import io.firstcall.codec.DecisionRecordEncoder;
import io.firstcall.codec.EscalationEncoder;
import io.firstcall.codec.EscalationLevel;
import io.firstcall.codec.MessageHeaderEncoder;
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
    void shouldFindTenantAndRepOfAnAlert()
    {
        final int length = MessageHeaderEncoder.ENCODED_LENGTH + new AlertEncoder().wrapAndApplyHeader(buffer, OFFSET, header)
            .visibility(Visibility.OWNED).tenant("acme").lead("L1").rep("r-42").reasons("x").name("").email("")
            .phone("").company("").activity("").encodedLength();

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
    void shouldSendDecisionRecordsAndTruncatedMessagesToNobody()
    {
        final int decision = MessageHeaderEncoder.ENCODED_LENGTH + new DecisionRecordEncoder()
            .wrapAndApplyHeader(buffer, OFFSET, header).kind(DecisionKind.HOT).tenant("acme").lead("L1").detail("{}")
            .encodedLength();
        assertFalse(target.wrap(buffer, OFFSET, decision));

        final int alert = MessageHeaderEncoder.ENCODED_LENGTH + new AlertEncoder().wrapAndApplyHeader(buffer, OFFSET, header)
            .visibility(Visibility.OWNED).tenant("acme").lead("L1").rep("r-42").reasons("").name("").email("")
            .phone("").company("").activity("").encodedLength();
        assertFalse(target.wrap(buffer, OFFSET, alert - 20), "the rep lies beyond the given length");
        assertFalse(target.wrap(buffer, OFFSET, 4));
    }

    private static String text(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] bytes = new byte[length];
        buffer.getBytes(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
