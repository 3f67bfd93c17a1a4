package io.firstcall.gateway.json;

import io.firstcall.codec.CallOutcome;
import io.firstcall.codec.QualificationResult;
import io.firstcall.event.EventWriter;
import io.firstcall.event.InputSamples;
import io.firstcall.render.InputRenderer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every client input the journal holds renders as a JSON line that the gateway's own decoder turns
 * back into the same SBE message, byte for byte: what `firstcall dump` prints is what was sent.
 */
class InputRendererRoundTripTest
{
    private static final byte[] TENANT = "acme".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldDecodeEveryRenderedClientInputBackToTheSameMessage()
    {
        final List<byte[]> messages = new ArrayList<>();
        for (int templateId = 1; templateId <= 12; templateId++)
        {
            messages.add(InputSamples.full(templateId));
        }
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[8192]));
        writer.times(1_764_000_000_123L, 5_000L);
        messages.add(copy(writer, writer.form("acme", "f-1", "L1", "demo_request")));
        messages.add(copy(writer, writer.lead("acme", "u-1", "L1", "", "", "", "", "", -1, "", null)));
        messages.add(copy(writer, writer.call("acme", "c-1", "L1", "ana", CallOutcome.STARTED)));
        messages.add(copy(writer, writer.qualify("acme", "q-1", "L1", "ana", QualificationResult.DISQUALIFIED, "")));
        messages.add(copy(writer, writer.opportunity("acme", "o-1", "L1", "ana", 5L)));
        messages.add(copy(writer, writer.opportunity("acme", "o-2", "L1", "ana", 100_000_00L)));

        final InputRenderer renderer = new InputRenderer();
        final JsonEventDecoder decoder = new JsonEventDecoder();
        final UnsafeBuffer decoded = new UnsafeBuffer(new byte[JsonEventDecoder.MAX_ENCODED_LENGTH]);
        for (final byte[] message : messages)
        {
            final int length = renderer.render(new UnsafeBuffer(message), 0, message.length);
            final byte[] line = Arrays.copyOf(renderer.buffer().byteArray(), length - 1);
            final long receiveTimeNs = new UnsafeBuffer(message).getLong(16, java.nio.ByteOrder.LITTLE_ENDIAN);
            final int decodedLength = decoder.decode(line, 0, line.length, TENANT, receiveTimeNs, decoded, 0);
            assertEquals(message.length, decodedLength,
                () -> new String(line, StandardCharsets.UTF_8) + ": " + decoder.errorMessage());
            assertArrayEquals(message, Arrays.copyOf(decoded.byteArray(), decodedLength), new String(line, StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldRenderAFormAsTheProtocolShowsIt()
    {
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[4096]));
        writer.times(1_764_134_130_000L, 0);
        final int length = writer.form("demo", "e-101", "L2", "demo_request");
        final InputRenderer renderer = new InputRenderer();
        final int lineLength = renderer.render(writer.buffer(), 0, length);
        assertEquals("{\"type\":\"form\",\"id\":\"e-101\",\"lead\":\"L2\",\"form\":\"demo_request\",\"at\":\"2025-11-26T05:15:30.000Z\"}\n",
            new String(renderer.buffer().byteArray(), 0, lineLength, StandardCharsets.UTF_8));
    }

    private static byte[] copy(final EventWriter writer, final int length)
    {
        final byte[] copy = new byte[length];
        writer.buffer().getBytes(0, copy);
        return copy;
    }
}
