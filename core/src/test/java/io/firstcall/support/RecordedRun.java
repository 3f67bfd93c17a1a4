package io.firstcall.support;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.engine.CapturedOutputs;
import io.firstcall.event.EventWriter;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import io.firstcall.journal.RecordHeader;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Records a workload through the real engine (a manual clock stepping 2 ms per reading, no timer
 * ticks but those the workload sends) into a data directory, and reads its output journal back.
 */
public final class RecordedRun
{
    /**
     * Writes event {@code i} with {@code writer} and returns its length.
     */
    @FunctionalInterface
    public interface Workload
    {
        int event(EventWriter writer, int i);
    }

    private RecordedRun()
    {
    }

    public static void record(final Path dir, final Map<String, String> tenants, final int events, final Workload workload)
    {
        final RecordingAcks acks = new RecordingAcks();
        final ManualClock clock = new ManualClock(TimeUnit.DAYS.toNanos(20_000), TimeUnit.MILLISECONDS.toNanos(2));
        final EngineContext ctx = new EngineContext()
            .dataDir(dir)
            .clock(clock)
            .ticksEnabled(false)
            .ackListener(acks);
        tenants.forEach(ctx::tenant);
        final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[16 * 1024]));
        try (Engine engine = Engine.launch(ctx))
        {
            for (int i = 0; i < events; i++)
            {
                final int length = workload.event(writer, i);
                while (!engine.publisher().offer(writer.buffer(), 0, length, i, clock.nanoTime()))
                {
                    Thread.onSpinWait();
                }
            }
            acks.awaitCount(events);
        }
    }

    /**
     * @return every output in the directory's output journal, as {@link CapturedOutputs} lines.
     */
    public static List<String> outputLines(final Path dir)
    {
        final CapturedOutputs captured = new CapturedOutputs();
        try (Journal outputs = ChronicleJournal.open(dir.resolve("output")); JournalReader reader = outputs.openReader())
        {
            int read = 0;
            while (reader.readNext((buffer, offset, length, position) ->
                captured.onOutput(buffer, offset + RecordHeader.LENGTH, length - RecordHeader.LENGTH)))
            {
                read++;
            }
            assertEquals(read, captured.lines().size());
        }
        return captured.lines();
    }
}
