package io.firstcall.recovery;

import io.firstcall.Engine;
import io.firstcall.EngineContext;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.snapshot.SnapshotFile;
import io.firstcall.status.EngineCounter;
import io.firstcall.support.FaultyJournal;
import io.firstcall.support.ProbeRun;
import io.firstcall.support.ProbeStateMachine;
import io.firstcall.support.RecordingAcks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import static io.firstcall.support.ProbeRun.counter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snapshots and a failing output journal: a snapshot must never claim outputs the journal lacks,
 * or the next start could not append them.
 */
class SnapshotJournalFaultsTest
{
    @TempDir
    Path dir;

    private FaultyJournal output;

    @Test
    void shouldWriteNoShutdownSnapshotOverOutputsThatWereNotJournaledAndRepairThemOnRestart()
    {
        final ProbeRun run = new ProbeRun(dir);
        try (Engine engine = Engine.launch(context(run)))
        {
            run.publish(engine, 0, 300);
        }
        try (Engine engine = Engine.launch(context(run)))
        {
            run.publish(engine, 300, 50);
            RecordingAcks.await(() -> counter(engine, EngineCounter.EVENTS_PROCESSED) == 50, "decided");
            output.failAppends(() -> new UncheckedIOException(new IOException("Input/output error")));
            run.publish(engine, 350, 50);
            RecordingAcks.await(() -> counter(engine, EngineCounter.OUTPUTS_NOT_JOURNALED) > 0, "outputs not journaled");
        }
        assertEquals(299, SnapshotFile.open(run.store().list().get(0)).header().sequence(), "no snapshot over the gap");
        assertTrue(run.log().lines().stream().anyMatch(l -> l.startsWith("WARNING no shutdown snapshot: ")),
            run.log().lines().toString());

        try (Engine engine = Engine.launch(context(run)))
        {
            assertEquals(300, counter(engine, EngineCounter.SNAPSHOT_LOADED_EVENTS));
            assertEquals(100, engine.recoveredEvents());
            assertEquals(0, counter(engine, EngineCounter.REPLAY_DIVERGENCES));
        }
        try (Journal input = ChronicleJournal.open(dir.resolve("input")); Journal outputs = ChronicleJournal.open(dir.resolve("output")))
        {
            final SnapshotVerification verification = SnapshotVerifier.verify(
                input, outputs, ProbeStateMachine::new, run.store(), Throwable::printStackTrace);
            assertTrue(verification.outputsIdentical() && verification.statesIdentical(), verification.toString());
        }
    }

    private EngineContext context(final ProbeRun run)
    {
        return run.context().journalFactory(path ->
        {
            final Journal journal = ChronicleJournal.open(path);
            if (path.endsWith("output"))
            {
                output = new FaultyJournal(journal);
                return output;
            }
            return journal;
        });
    }
}
