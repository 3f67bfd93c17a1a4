package io.firstcall.event;

import io.firstcall.codec.CallOutcome;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.IntSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputEnvelopeTest
{
    private final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096]));
    private final InputEnvelope envelope = new InputEnvelope();

    @Test
    void shouldReadSharedFieldsOfEveryInputType()
    {
        writer.times(1_700_000_000_000L, 1_700_000_000_000_000_123L);
        assertTrue(envelope.wrap(writer.buffer(), 0, writer.lead("acme", "id-1", "L1", "e", "n", "c", "i", "r", 5, "s", "o")));
        assertEquals(1_700_000_000_000L, envelope.eventTimeMs());
        assertEquals(1_700_000_000_000_000_123L, envelope.receiveTimeNs());
        assertEquals("acme", text(envelope.tenantOffset(), envelope.tenantLength()));
        assertEquals("id-1", text(envelope.eventIdOffset(), envelope.eventIdLength()));

        final List<IntSupplier> events = List.of(
            () -> writer.form("acme", "id-2", "L1", "demo"),
            () -> writer.visit("acme", "id-3", "L1", "/p"),
            () -> writer.call("acme", "id-4", "L1", "r1", CallOutcome.STARTED),
            () -> writer.converted("acme", "id-5", "L1"),
            () -> writer.config("acme", "id-6", "tenant: acme\n"));
        for (final IntSupplier event : events)
        {
            assertTrue(envelope.wrap(writer.buffer(), 0, event.getAsInt()));
            assertEquals("acme", text(envelope.tenantOffset(), envelope.tenantLength()));
            assertTrue(text(envelope.eventIdOffset(), envelope.eventIdLength()).startsWith("id-"));
        }
    }

    @Test
    void shouldRejectTruncatedOrForeignBytes()
    {
        final int length = writer.visit("acme", "id-1", "L1", "/p");
        assertFalse(envelope.wrap(writer.buffer(), 0, 20));
        assertFalse(envelope.wrap(writer.buffer(), 0, length - 8 - 4));
        writer.buffer().putShort(4, (short)99);
        assertFalse(envelope.wrap(writer.buffer(), 0, length));
        assertFalse(envelope.wrap(new UnsafeBuffer(new byte[64]), 0, 64));
    }

    @Test
    void shouldHashKeysStablyAndDistinguishTenantFromId()
    {
        final InputEnvelope other = new InputEnvelope();
        final EventWriter otherWriter = new EventWriter(new UnsafeBuffer(new byte[4096]));
        envelope.wrap(writer.buffer(), 0, writer.visit("ab", "c", "L1", "/p"));
        other.wrap(otherWriter.buffer(), 0, otherWriter.visit("a", "bc", "L1", "/p"));

        assertNotEquals(envelope.keyHash(), other.keyHash());
        assertFalse(envelope.sameKey(other));

        other.wrap(otherWriter.buffer(), 0, otherWriter.form("ab", "c", "L2", "demo"));
        assertEquals(envelope.keyHash(), other.keyHash());
        assertTrue(envelope.sameKey(other));
    }

    private String text(final int offset, final int length)
    {
        return writer.buffer().getStringWithoutLengthUtf8(offset, length);
    }
}
