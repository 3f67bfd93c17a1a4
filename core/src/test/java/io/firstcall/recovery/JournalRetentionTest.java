package io.firstcall.recovery;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.status.EngineCounter;
import io.firstcall.support.ProbeRun;
import io.firstcall.support.ProbeStateMachine;
import io.firstcall.support.RecordingAcks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.firstcall.support.ProbeRun.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journal retention: cycle files no kept snapshot needs move to data/archive/ at start, when asked.
 */
class JournalRetentionTest
{
    static final long HOUR_MS = TimeUnit.HOURS.toMillis(1);

    @TempDir
    Path dir;

    private final AtomicLong wallMs = new AtomicLong(TimeUnit.DAYS.toMillis(20_000));

    @Test
    void shouldArchiveOnlyCyclesNoSnapshotNeedsAndResumeFromTheSnapshot() throws IOException
    {
        final ProbeRun run = fourHoursOfJournal();

        try (Engine engine = Engine.launch(context(run, "archive")))
        {
            assertEquals(6, counter(engine, EngineCounter.JOURNAL_FILES_ARCHIVED));
            assertEquals(400, counter(engine, EngineCounter.SNAPSHOT_LOADED_EVENTS));
            assertEquals(0, engine.recoveredEvents());
            run.offer(engine, run.event(397), 10_000);
            run.acks().awaitCount(1);
            final RecordingAcks.Ack retry = run.acks().acks().get(0);
            assertTrue(retry.duplicate, "ids inside the horizon stay answerable: their cycle was kept");
            run.publish(engine, 400, 50);
        }
        assertEquals(3, cycleFiles(dir.resolve("archive").resolve("input")).size());
        assertEquals(3, cycleFiles(dir.resolve("archive").resolve("output")).size());
        assertEquals(2, cycleFiles(dir.resolve("input")).size(), "the snapshot's hour and the next");

        for (final String journal : new String[]{ "input", "output" })
        {
            for (final Path file : cycleFiles(dir.resolve("archive").resolve(journal)))
            {
                Files.move(file, dir.resolve(journal).resolve(file.getFileName()));
            }
        }
        try (Journal input = ChronicleJournal.open(dir.resolve("input")); Journal output = ChronicleJournal.open(dir.resolve("output")))
        {
            final SnapshotVerification verification = SnapshotVerifier.verify(
                input, output, ProbeStateMachine::new, run.store(), Throwable::printStackTrace);
            assertTrue(verification.outputsIdentical() && verification.statesIdentical(), verification.toString());
            assertEquals(450, verification.fullEvents(), "moving the files back restores the whole journal");
        }
    }

    @Test
    void shouldKeepEveryFileByDefault() throws IOException
    {
        final ProbeRun run = fourHoursOfJournal();

        try (Engine engine = Engine.launch(context(run, "keep")))
        {
            assertEquals(0, counter(engine, EngineCounter.JOURNAL_FILES_ARCHIVED));
        }
        assertFalse(Files.exists(dir.resolve("archive")));
        assertEquals(4, cycleFiles(dir.resolve("input")).size());
    }

    @Test
    void shouldRefuseAFullReplayOfAnArchivedJournal() throws IOException
    {
        final ProbeRun run = fourHoursOfJournal();
        try (Engine engine = Engine.launch(context(run, "archive")))
        {
            assertEquals(6, counter(engine, EngineCounter.JOURNAL_FILES_ARCHIVED));
        }
        for (final Path snapshot : run.store().list())
        {
            Files.delete(snapshot);
        }

        final IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Engine.launch(context(run, "keep")));
        assertTrue(refused.getMessage().startsWith("older cycle files of the input journal were archived"), refused.getMessage());
    }

    /**
     * Four hourly cycle files of 100 events each (four engine minutes per hour), then a shutdown
     * snapshot; ids are remembered for two engine minutes, so only the last hour holds live ones.
     */
    private ProbeRun fourHoursOfJournal()
    {
        final ProbeRun run = new ProbeRun(dir);
        try (Engine engine = Engine.launch(context(run, "keep")))
        {
            for (int hour = 0; hour < 4; hour++)
            {
                run.publish(engine, hour * 100, 100);
                final long decided = (hour + 1) * 100L;
                // Outputs follow acks: let them land in this hour's output file before the hour turns.
                RecordingAcks.await(() -> counter(engine, EngineCounter.EVENTS_PROCESSED) == decided, "decided");
                wallMs.addAndGet(HOUR_MS);
            }
        }
        assertEquals(4, cycleFiles(dir.resolve("input")).size());
        return run;
    }

    private EngineContext context(final ProbeRun run, final String retention)
    {
        return run.context()
            .journalFactory(directory -> ChronicleJournal.open(directory, wallMs::get))
            .dedupHorizonMs(TimeUnit.MINUTES.toMillis(2))
            .journalRetention(retention);
    }

    private static List<Path> cycleFiles(final Path directory)
    {
        final List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.cq4"))
        {
            entries.forEach(files::add);
        }
        catch (final IOException ex)
        {
            throw new AssertionError(ex);
        }
        return files;
    }
}
