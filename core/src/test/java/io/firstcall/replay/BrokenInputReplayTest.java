package io.firstcall.replay;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.codec.InputRejectedDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.engine.LeadStateMachine;
import io.firstcall.event.EventWriter;
import io.firstcall.event.InputSamples;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import io.firstcall.status.EngineCounter;
import io.firstcall.support.ManualClock;
import io.firstcall.support.RecordingAcks;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken inputs that reach the journal without the gateway (an older build, a tool, a damaged file)
 * run the same live, at recovery and in replay: each is one InputRejected decision and nothing else,
 * even when every ring slot still holds a full-size event of another tenant.
 */
class BrokenInputReplayTest
{
    static final int FULL_SIZE_EVENTS = 4_500;
    static final String ACME = "tenant: acme\nhot:\n  forms: [demo_request]\nclaim:\n  managerQueue: acme-managers\n";
    static final String BETA = "tenant: beta\nhot:\n  forms: [demo_request]\nclaim:\n  managerQueue: beta-managers\n";
    static final long START_NS = TimeUnit.DAYS.toNanos(20_000);

    @TempDir
    Path dir;

    @Test
    void shouldDecideBrokenInputsLiveExactlyAsReplayDoesWhateverTheRingSlotsHeld()
    {
        final List<InputSamples.Broken> broken = InputSamples.broken("acme", "live-");
        final RecordingAcks acks = new RecordingAcks();
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[16 * 1024]));
        try (Engine engine = Engine.launch(context(dir).ackListener(acks)))
        {
            for (int i = 0; i < FULL_SIZE_EVENTS; i++)
            {
                offer(engine, writer.buffer(), fullSizeBetaForm(writer, i), i);
            }
            acks.awaitCount(FULL_SIZE_EVENTS);
            for (int i = 0; i < broken.size(); i++)
            {
                final byte[] message = broken.get(i).message();
                offer(engine, new UnsafeBuffer(message), message.length, FULL_SIZE_EVENTS + i);
            }
            acks.awaitCount(FULL_SIZE_EVENTS + broken.size());
            assertEquals(0, engine.counters().value(EngineCounter.ERRORS));
        }

        final Set<Long> brokenSequences = brokenSequences(acks, broken.size());
        assertEquals(broken.size(), brokenSequences.size(), "every broken input journaled once");
        assertOnlyRejectionsFrom(brokenSequences, dir);
        assertReplaysIdentically(dir, FULL_SIZE_EVENTS + broken.size());
    }

    @Test
    void shouldRecoverAndReplayAJournalHoldingBrokenInputsIdentically()
    {
        final List<byte[]> written = new ArrayList<>();
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[16 * 1024]));
        written.add(copy(writer, writer.config("acme", "", ACME)));
        written.add(copy(writer, writer.config("beta", "", BETA)));
        for (int i = 0; i < FULL_SIZE_EVENTS; i++)
        {
            written.add(copy(writer, fullSizeBetaForm(writer, i)));
        }
        final int firstBroken = written.size();
        for (final InputSamples.Broken sample : InputSamples.broken("acme", "journal-"))
        {
            written.add(sample.message());
        }
        final byte[] form = InputSamples.full(2, "acme", "env-1", "L1");
        for (int length = 0; length < InputSamples.dataFieldOffset(form, "lead"); length++)
        {
            written.add(Arrays.copyOf(form, length));
        }
        written.add("not SBE at all, not even close".getBytes(StandardCharsets.US_ASCII));
        appendStraightToTheJournal(dir, written);

        try (Engine engine = Engine.launch(context(dir).ackListener(new RecordingAcks())))
        {
            assertEquals(written.size(), engine.recoveredEvents());
            assertEquals(0, engine.counters().value(EngineCounter.ERRORS));
            assertEquals(0, engine.counters().value(EngineCounter.REPLAY_DIVERGENCES));
        }

        final Set<Long> brokenSequences = new HashSet<>();
        for (long sequence = firstBroken; sequence < written.size(); sequence++)
        {
            brokenSequences.add(sequence);
        }
        assertOnlyRejectionsFrom(brokenSequences, dir);
        assertReplaysIdentically(dir, written.size());
    }

    private static EngineContext context(final Path dir)
    {
        return new EngineContext()
            .dataDir(dir)
            .clock(new ManualClock(START_NS, TimeUnit.MILLISECONDS.toNanos(1)))
            .ticksEnabled(false)
            .tenant("acme", ACME)
            .tenant("beta", BETA);
    }

    /**
     * A demo request of tenant beta with every profile field near its 254-byte bound.
     */
    private static int fullSizeBetaForm(final EventWriter writer, final int i)
    {
        final byte[] message = InputSamples.full(2, "beta", "beta-" + i, "B" + i);
        byte[] filled = message;
        for (final String field : new String[] {"email", "phone", "name", "company", "industry", "region", "product",
            "source", "timezone"})
        {
            filled = InputSamples.withText(filled, field, ("beta-" + field + "-" + i + "-").repeat(40).substring(0, 250));
        }
        writer.buffer().putBytes(0, filled);
        return filled.length;
    }

    private static void offer(final Engine engine, final DirectBuffer buffer, final int length, final long id)
    {
        while (!engine.publisher().offer(buffer, 0, length, id, START_NS))
        {
            Thread.onSpinWait();
        }
    }

    private static byte[] copy(final EventWriter writer, final int length)
    {
        final byte[] message = new byte[length];
        writer.buffer().getBytes(0, message);
        return message;
    }

    private static void appendStraightToTheJournal(final Path dir, final List<byte[]> messages)
    {
        try (Journal input = ChronicleJournal.open(dir.resolve("input")))
        {
            final UnsafeBuffer record = new UnsafeBuffer(new byte[16 * 1024]);
            for (int i = 0; i < messages.size(); i++)
            {
                final byte[] message = messages.get(i);
                RecordHeader.write(record, 0, i, START_NS + i);
                record.putBytes(RecordHeader.LENGTH, message);
                input.append(record, 0, RecordHeader.LENGTH + message.length);
            }
        }
    }

    private static Set<Long> brokenSequences(final RecordingAcks acks, final int count)
    {
        final Set<Long> sequences = new HashSet<>();
        for (final RecordingAcks.Ack ack : acks.acks())
        {
            if (ack.correlationId >= FULL_SIZE_EVENTS && null == ack.rejected && !ack.duplicate)
            {
                sequences.add(ack.sequence);
            }
        }
        return sequences;
    }

    /**
     * Every input in {@code brokenSequences} caused exactly one output, an InputRejected decision,
     * and no output of acme names a beta lead.
     */
    private static void assertOnlyRejectionsFrom(final Set<Long> brokenSequences, final Path dir)
    {
        final Map<Long, List<Integer>> kindsBySequence = new HashMap<>();
        final MessageHeaderDecoder header = new MessageHeaderDecoder();
        final List<String> leaks = new ArrayList<>();
        try (Journal output = ChronicleJournal.open(dir.resolve("output")); JournalReader reader = output.openReader())
        {
            while (reader.readNext((buffer, offset, length, position) ->
            {
                final long cause = RecordHeader.sequence(buffer, offset);
                final int messageOffset = offset + RecordHeader.LENGTH;
                header.wrap(buffer, messageOffset);
                final int kind = header.templateId();
                if (brokenSequences.contains(cause))
                {
                    kindsBySequence.computeIfAbsent(cause, k -> new ArrayList<>()).add(kind);
                }
                final byte[] bytes = new byte[length];
                buffer.getBytes(offset, bytes);
                final String text = new String(bytes, StandardCharsets.ISO_8859_1);
                if (text.contains("acme") && text.contains("beta-"))
                {
                    leaks.add("output caused by " + cause);
                }
            }))
            {
                continue;
            }
        }

        assertEquals(brokenSequences.size(), kindsBySequence.size(), "one output per broken input");
        for (final Map.Entry<Long, List<Integer>> entry : kindsBySequence.entrySet())
        {
            assertEquals(List.of(InputRejectedDecoder.TEMPLATE_ID), entry.getValue(), "outputs of input " + entry.getKey());
        }
        assertTrue(leaks.isEmpty(), leaks.toString());
    }

    private static void assertReplaysIdentically(final Path dir, final long events)
    {
        try (Journal inputs = ChronicleJournal.open(dir.resolve("input"));
            Journal outputs = ChronicleJournal.open(dir.resolve("output")))
        {
            final ReplayReport report = JournalReplayer.replay(inputs, outputs, LeadStateMachine::new);
            assertTrue(report.identical(), report.toString());
            assertTrue(report.eventsReplayed() >= events, report.toString());
            assertFalse(0 == report.outputsCompared());
        }
    }
}
