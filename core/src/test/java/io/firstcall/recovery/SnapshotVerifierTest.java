package io.firstcall.recovery;

import io.firstcall.Engine;
import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.journal.ChronicleJournal;
import io.firstcall.journal.Journal;
import io.firstcall.journal.RecordHeader;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;
import io.firstcall.snapshot.Snapshottable;
import io.firstcall.support.ProbeRun;
import io.firstcall.support.ProbeStateMachine;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code firstcall replay --verify-snapshot}'s audit: snapshot plus tail against a full replay.
 */
class SnapshotVerifierTest
{
    @TempDir
    Path dir;

    private ProbeRun run;

    /**
     * A shutdown snapshot at sequence 499, then 300 events journaled with snapshots off: a tail of 300.
     */
    @BeforeEach
    void record()
    {
        run = new ProbeRun(dir);
        try (Engine engine = Engine.launch(run.context()))
        {
            run.publish(engine, 0, 500);
        }
        try (Engine engine = Engine.launch(run.context().snapshots(false)))
        {
            run.publish(engine, 500, 300);
        }
    }

    @Test
    void shouldFindTheSameOutputsAndStateFromTheSnapshotAndTailAsFromAFullReplay()
    {
        final SnapshotVerification verification = verify(ProbeStateMachine::new);

        assertTrue(verification.outputsIdentical(), verification.toString());
        assertTrue(verification.statesIdentical(), verification.toString());
        assertEquals(800, verification.fullEvents());
        assertEquals(300, verification.tailEvents());
        assertTrue(verification.toString().startsWith("SNAPSHOT IDENTICAL: snapshot-00000000000000000499.fcs (seq 499)"),
            verification.toString());
    }

    @Test
    void shouldReportAStateThatALoadDoesNotRestoreExactly()
    {
        final SnapshotVerification verification = verify(outputs -> new LoadMarked(new ProbeStateMachine(outputs)));

        assertTrue(verification.outputsIdentical(), verification.toString());
        assertFalse(verification.statesIdentical(), verification.toString());
        assertTrue(verification.toString().contains("(STATE DIFFERS)"), verification.toString());
    }

    @Test
    void shouldReportOutputsTheJournalDoesNotHold()
    {
        try (Journal outputs = ChronicleJournal.open(dir.resolve("output")))
        {
            final UnsafeBuffer forged = new UnsafeBuffer(new byte[RecordHeader.LENGTH + 16]);
            RecordHeader.write(forged, 0, 799, 1);
            outputs.append(forged, 0, forged.capacity());
        }

        final SnapshotVerification verification = verify(ProbeStateMachine::new);

        assertFalse(verification.outputsIdentical(), verification.toString());
        assertTrue(verification.statesIdentical(), verification.toString());
    }

    @Test
    void shouldSayWhenThereIsNothingToVerify() throws Exception
    {
        final SnapshotVerification unsupported = verify(outputs -> (message, sequence, timestampNs) -> { });
        assertEquals("NOT VERIFIED: the state machine does not write snapshots: nothing to verify", unsupported.toString());

        for (final Path snapshot : run.store().list())
        {
            Files.delete(snapshot);
        }
        final SnapshotVerification none = verify(ProbeStateMachine::new);
        assertTrue(none.toString().startsWith("NOT VERIFIED: no usable snapshot in "), none.toString());
        assertFalse(none.outputsIdentical());
    }

    private SnapshotVerification verify(final Function<OutputBatch, StateMachine> factory)
    {
        try (Journal input = ChronicleJournal.open(dir.resolve("input")); Journal output = ChronicleJournal.open(dir.resolve("output")))
        {
            return SnapshotVerifier.verify(input, output, factory, run.store(), Throwable::printStackTrace);
        }
    }

    /**
     * A machine whose state records whether it was loaded: a load that does not restore exactly.
     */
    private static final class LoadMarked implements StateMachine, Snapshottable
    {
        private final ProbeStateMachine machine;
        private boolean loaded;

        LoadMarked(final ProbeStateMachine machine)
        {
            this.machine = machine;
        }

        public void onEvent(final DirectBuffer message, final long sequence, final long timestampNs)
        {
            machine.onEvent(message, sequence, timestampNs);
        }

        public int snapshotSchemaId()
        {
            return machine.snapshotSchemaId();
        }

        public int snapshotSchemaVersion()
        {
            return machine.snapshotSchemaVersion();
        }

        public void writeSnapshot(final SnapshotWriter writer)
        {
            machine.writeSnapshot(writer);
            writer.putBoolean(loaded);
        }

        public void readSnapshot(final SnapshotReader reader)
        {
            machine.readSnapshot(reader);
            loaded = true;
        }
    }
}
