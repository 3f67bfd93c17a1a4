package io.firstcall.audit;

import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProjectionAgentTest
{
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    private long nowNs;

    @Test
    void shouldFeedEveryProjectionTheSameEntriesInJournalOrderAndAskThemToPublish()
    {
        try (Journal input = ChronicleJournal.open(dir.resolve("input"));
            Journal output = ChronicleJournal.open(dir.resolve("output")))
        {
            append(input, 1, 'a');
            append(output, 1, 'x');
            append(output, 1, 'y');
            append(input, 2, 'b');
            final Recording first = new Recording();
            final Recording second = new Recording();
            final ProjectionAgent agent = new ProjectionAgent(input, output, List.of(first, second), () -> nowNs, 100 * MS);
            agent.onStart();

            assertEquals(4, agent.doWork());
            assertEquals(List.of(), first.published, "entries kept coming: not caught up, interval not passed");
            assertEquals(0, agent.doWork());
            assertEquals(List.of("in 1 a", "out 1 x", "out 1 y", "in 2 b"), first.entries);
            assertEquals(first.entries, second.entries);
            assertEquals(List.of(true), first.published, "caught up: publish");
            assertEquals(List.of(true), second.published);

            assertEquals(0, agent.doWork());
            assertEquals(1, first.published.size(), "nothing new: nothing to publish");
            append(output, 2, 'z');
            nowNs += 100 * MS;
            assertEquals(1, agent.doWork());
            assertEquals(List.of(true, false), first.published, "the interval passed while entries came");
            agent.onClose();
        }
    }

    private static void append(final Journal journal, final long sequence, final char body)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[RecordHeader.LENGTH + 1]);
        RecordHeader.write(buffer, 0, sequence, sequence * MS);
        buffer.putByte(RecordHeader.LENGTH, (byte)body);
        journal.append(buffer, 0, buffer.capacity());
    }

    private static final class Recording implements LiveProjection
    {
        final List<String> entries = new ArrayList<>();
        final List<Boolean> published = new ArrayList<>();

        public void onInput(final long sequence, final long timestampNs, final DirectBuffer message, final int offset, final int length)
        {
            entries.add("in " + sequence + " " + (char)message.getByte(offset));
        }

        public void onOutput(
            final long causeSequence, final long causeTimestampNs, final DirectBuffer message, final int offset, final int length)
        {
            entries.add("out " + causeSequence + " " + (char)message.getByte(offset));
        }

        public void publish(final long nowNs, final boolean caughtUp)
        {
            published.add(caughtUp);
        }
    }
}
