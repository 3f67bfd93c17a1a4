package io.firstcall.gateway.egress;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.GatewayCounters;
import io.firstcall.gateway.support.Conditions;
import io.firstcall.pipeline.AckListener;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's side of delivery: what it copies into the ring, and how it waits, never dropping an
 * acknowledgement, when the ring is full.
 */
class EgressRingTest
{
    private static final int TINY = EgressRing.MIN_CAPACITY;

    private final GatewayCounters counters = new GatewayCounters();
    private final Doorbell doorbell = Doorbell.open(counters.get(GatewayCounter.DOORBELL_RINGS));
    private final List<String> records = new ArrayList<>();
    private final MessageHandler recorder = this::record;

    @AfterEach
    void close()
    {
        doorbell.close();
    }

    @Test
    void shouldCarryAcksRejectionsAndOutputsInOrderButNotEngineEvents()
    {
        final EgressRing ring = ring(TINY, false);
        final UnsafeBuffer output = new UnsafeBuffer(new byte[]{9, 0, 101, 0, 7, 0, 2, 0, 42});

        ring.acks().onJournaled(1L << 24, 7, false);
        ring.acks().onJournaled(-1, 8, false);
        ring.acks().onJournaled((1L << 24) + 1, 3, true);
        ring.acks().onRejected((2L << 24) + 5, AckListener.RejectReason.DISK_SPACE_LOW);
        ring.outputs().onOutput(output, 0, output.capacity(), 8);

        assertEquals(4, ring.read(recorder, 100));
        assertEquals(List.of(
            "ack 16777216 7", "duplicate 16777217 3", "rejected 33554437 DISK_SPACE_LOW", "output 8 template 101 9 bytes"),
            records);
    }

    @Test
    void shouldRingOncePerBatch() throws IOException
    {
        final EgressRing ring = ring(TINY, false);
        ring.acks().onJournaled(1, 1, false);
        ring.acks().onJournaled(2, 2, false);
        assertEquals(0, bytesInPipe(), "nothing until the batch ends");

        ring.outputs().endOfBatch();
        assertEquals(0, bytesInPipe(), "no output in the batch");
        ring.acks().endOfBatch();
        ring.acks().endOfBatch();

        assertEquals(1, bytesInPipe());
        assertEquals(1, counters.value(GatewayCounter.DOORBELL_RINGS));
    }

    @Test
    void shouldWakeNobodyForABatchOfEngineEventsOnly() throws IOException
    {
        final EgressRing ring = ring(TINY, false);
        ring.acks().onJournaled(-1, 1, false);
        ring.acks().endOfBatch();
        ring.outputs().endOfBatch();

        assertEquals(0, bytesInPipe(), "a tick has nobody to answer");
        assertTrue(ring.isEmpty());
    }

    @Test
    void shouldWaitForRoomWhenFullAndLoseNoAcknowledgement() throws Exception
    {
        final EgressRing ring = ring(TINY, false);
        final int acks = 1_000;
        final Thread engine = new Thread(() ->
        {
            for (int i = 0; i < acks; i++)
            {
                ring.acks().onJournaled(i, i, false);
            }
        }, "engine");
        engine.start();

        Conditions.await("the engine waiting on the full ring", () -> counters.value(GatewayCounter.EGRESS_RING_FULL) > 0);
        assertTrue(engine.isAlive(), "it waits, it does not drop");
        Conditions.await("the doorbell rung before waiting, mid-batch", () -> bytesInPipeUnchecked() > 0);

        final long deadlineNs = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (records.size() < acks)
        {
            assertTrue(System.nanoTime() < deadlineNs, "only " + records.size() + " acks arrived");
            ring.read(recorder, 64);
        }
        engine.join(TimeUnit.SECONDS.toMillis(10));

        for (int i = 0; i < acks; i++)
        {
            assertEquals("ack " + i + " " + i, records.get(i));
        }
        assertEquals(0, counters.value(GatewayCounter.EGRESS_DROPPED));
    }

    @Test
    void shouldStopWaitingOnceClosedSoShutdownNeverHangs() throws Exception
    {
        final EgressRing ring = ring(TINY, true);
        final Thread engine = new Thread(() ->
        {
            for (int i = 0; i < 1_000; i++)
            {
                ring.acks().onJournaled(i, i, false);
            }
        }, "engine");
        engine.start();
        Conditions.await("the engine waiting on the full ring", () -> counters.value(GatewayCounter.EGRESS_RING_FULL) > 0);

        ring.close();

        engine.join(TimeUnit.SECONDS.toMillis(10));
        assertTrue(!engine.isAlive(), "the engine went on");
        assertTrue(counters.value(GatewayCounter.EGRESS_DROPPED) > 0);
    }

    @Test
    void shouldReplaceAnOutputTooLargeForTheRingWithANotice()
    {
        final EgressRing ring = ring(TINY, false);
        final UnsafeBuffer output = new UnsafeBuffer(new byte[ring.maxOutputLength() + 1]);
        output.putShort(2, (short)111);

        ring.outputs().onOutput(output, 0, output.capacity(), 5);

        ring.read(recorder, 10);
        assertEquals(List.of("too large 5 template 111 " + output.capacity() + " bytes"), records);
    }

    private EgressRing ring(final int capacity, final boolean manyProducers)
    {
        return new EgressRing(capacity, manyProducers, doorbell,
            counters.get(GatewayCounter.EGRESS_RING_FULL), counters.get(GatewayCounter.EGRESS_DROPPED));
    }

    private void record(final int type, final MutableDirectBuffer buffer, final int index, final int length)
    {
        switch (type)
        {
            case EgressRecord.ACK:
                records.add("ack " + EgressRecord.correlationId(buffer, index) + " " + EgressRecord.sequence(buffer, index));
                break;
            case EgressRecord.DUPLICATE:
                records.add("duplicate " + EgressRecord.correlationId(buffer, index) + " " +
                    EgressRecord.sequence(buffer, index));
                break;
            case EgressRecord.REJECTED:
                records.add("rejected " + EgressRecord.correlationId(buffer, index) + " " +
                    EgressRecord.reason(buffer, index));
                break;
            case EgressRecord.OUTPUT:
                records.add("output " + EgressRecord.inputSequence(buffer, index) + " template " +
                    template(buffer, index + EgressRecord.MESSAGE_OFFSET) + " " +
                    (length - EgressRecord.MESSAGE_OFFSET) + " bytes");
                break;
            case EgressRecord.OUTPUT_TOO_LARGE:
                records.add("too large " + EgressRecord.inputSequence(buffer, index) + " template " +
                    buffer.getInt(index + EgressRecord.TOO_LARGE_TEMPLATE_OFFSET) + " " +
                    buffer.getInt(index + EgressRecord.TOO_LARGE_LENGTH_OFFSET) + " bytes");
                break;
            default:
                records.add("unknown " + type);
        }
    }

    private static int template(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + 2) & 0xFFFF;
    }

    private int bytesInPipe() throws IOException
    {
        int total = 0;
        final ByteBuffer buffer = ByteBuffer.allocate(16);
        int read;
        while ((read = doorbell.source().read(buffer.clear())) > 0)
        {
            total += read;
        }
        return total;
    }

    private int bytesInPipeUnchecked()
    {
        try
        {
            return bytesInPipe();
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
    }
}
