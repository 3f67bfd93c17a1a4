package io.firstcall.recovery;

import io.firstcall.engine.StateMachine;
import io.firstcall.engine.output.OutputBatch;
import io.firstcall.event.InputEnvelope;
import io.firstcall.event.InputTypes;
import io.firstcall.journal.EntryHandler;
import io.firstcall.journal.RecordHeader;
import io.firstcall.pipeline.DedupWindow;
import io.firstcall.replay.InputReplayer;
import io.firstcall.replay.OutputsObserver;
import io.firstcall.snapshot.SnapshotContent;
import io.firstcall.snapshot.SnapshotFile;
import io.firstcall.snapshot.SnapshotFormatException;
import io.firstcall.snapshot.SnapshotHeader;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotSection;
import io.firstcall.snapshot.SnapshotWriter;
import io.firstcall.snapshot.Snapshottable;
import io.firstcall.snapshot.StateDigest;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;

/**
 * Everything a snapshot holds, as one object: the journal stage's counters (next sequence, last
 * engine time), the de-duplication window and the state machine, plus where in the input journal
 * that state stands. Applying a journal entry advances all of them together, as the live engine
 * does; writing it gives the snapshot's sections.
 */
final class EngineState implements SnapshotContent, EntryHandler
{
    private final InputReplayer replayer;
    private final DedupWindow dedup;
    private final ErrorHandler errorHandler;
    private final InputEnvelope envelope = new InputEnvelope();
    private long nextSequence;
    private long lastTimestampNs;
    private long lastPosition = -1;
    private long applied;
    private Thread indexer;
    private Throwable indexerFailure;

    /**
     * @param outputs the batch the machine was built with.
     */
    EngineState(final StateMachine machine, final OutputBatch outputs, final DedupWindow dedup, final ErrorHandler errorHandler)
    {
        this.replayer = new InputReplayer(machine, outputs, OutputsObserver.NONE);
        this.dedup = dedup;
        this.errorHandler = errorHandler;
    }

    StateMachine machine()
    {
        return replayer.stateMachine();
    }

    DedupWindow dedup()
    {
        return dedup;
    }

    /**
     * @param observer told the outputs of each entry applied from now on.
     */
    void observer(final OutputsObserver observer)
    {
        replayer.observer(observer);
    }

    long nextSequence()
    {
        return nextSequence;
    }

    long lastTimestampNs()
    {
        return lastTimestampNs;
    }

    /**
     * @return the input journal position of the last entry applied (or loaded), -1 before any.
     */
    long lastPosition()
    {
        return lastPosition;
    }

    /**
     * @return entries applied since this state was built or loaded.
     */
    long applied()
    {
        return applied;
    }

    /**
     * Apply one input journal entry: the de-duplication window remembers its key, the state machine
     * decides it; an exception from the machine is handed on and the next entry goes on, as live.
     */
    public void onEntry(final DirectBuffer buffer, final int offset, final int length, final long position)
    {
        final long sequence = RecordHeader.sequence(buffer, offset);
        final long timestampNs = RecordHeader.timestampNs(buffer, offset);
        final int messageOffset = offset + RecordHeader.LENGTH;
        final int messageLength = length - RecordHeader.LENGTH;
        if (envelope.wrap(buffer, messageOffset, messageLength) && InputTypes.TICK != envelope.templateId() &&
            envelope.eventIdLength() > 0)
        {
            dedup.restore(envelope, envelope.keyHash(), position, timestampNs);
        }
        try
        {
            // Exactly the message, as the live decision stage hands it: nothing outside it can be read.
            replayer.apply(buffer, offset, length);
        }
        catch (final Throwable ex)
        {
            errorHandler.onError(ex);
        }
        nextSequence = sequence + 1;
        lastTimestampNs = timestampNs;
        lastPosition = position;
        applied++;
    }

    /**
     * Set where this state stands without replaying: the live engine's, taken from its journal.
     */
    void standAt(final long lastSequence, final long timestampNs, final long position)
    {
        nextSequence = lastSequence + 1;
        lastTimestampNs = timestampNs;
        lastPosition = position;
    }

    /**
     * @return a header for a snapshot of this state: where it stands, and what a restart from it reads.
     */
    SnapshotHeader header(final long outputPosition)
    {
        final Snapshottable snapshottable = (Snapshottable)machine();
        return new SnapshotHeader()
            .schema(snapshottable.snapshotSchemaId(), snapshottable.snapshotSchemaVersion())
            .sequence(nextSequence - 1)
            .engineTimeNs(lastTimestampNs)
            .inputPosition(lastPosition)
            .outputPosition(outputPosition)
            .retainInputFrom(Math.min(lastPosition, dedup.oldestPosition(lastTimestampNs)));
    }

    /**
     * Load a checked snapshot file into this new state.
     *
     * @throws SnapshotFormatException when the file does not read back as the header says.
     */
    void load(final SnapshotFile file)
    {
        try
        {
            file.load(this);
        }
        finally
        {
            awaitIndexer();
        }
        final SnapshotHeader header = file.header();
        if (nextSequence != header.sequence() + 1 || lastTimestampNs != header.engineTimeNs())
        {
            throw new SnapshotFormatException("the pipeline section (next sequence " + nextSequence + ", engine time " +
                lastTimestampNs + ") disagrees with the header (" + header + ")");
        }
        lastPosition = header.inputPosition();
    }

    /**
     * Index the loaded ids on a thread of their own while the state machine's section loads: with a
     * million ids the index is the one part of a restart that grows with the journal (it stops growing
     * at the dedup cap), and at start the other core is idle.
     */
    private void startIndexer()
    {
        indexer = new Thread(() ->
        {
            try
            {
                dedup.indexRestored();
            }
            catch (final Throwable ex)
            {
                indexerFailure = ex;
            }
        }, "firstcall-dedup-index");
        indexer.setDaemon(true);
        indexer.start();
    }

    private void awaitIndexer()
    {
        final Thread indexer = this.indexer;
        if (null == indexer)
        {
            return;
        }
        this.indexer = null;
        boolean interrupted = false;
        while (true)
        {
            try
            {
                indexer.join();
                break;
            }
            catch (final InterruptedException ex)
            {
                // The window's memory is the indexer's until it ends: wait it out, then keep the interrupt.
                interrupted = true;
            }
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
        if (null != indexerFailure)
        {
            throw new IllegalStateException("indexing the loaded dedup window failed", indexerFailure);
        }
    }

    /**
     * @return the SHA-256 of this state's canonical bytes, as a snapshot of it would record.
     */
    byte[] digest()
    {
        return StateDigest.of(this);
    }

    public void writeSection(final SnapshotSection section, final SnapshotWriter writer)
    {
        switch (section)
        {
            case PIPELINE:
                writer.putLong(nextSequence).putLong(lastTimestampNs);
                break;

            case DEDUP:
                dedup.writeSnapshot(writer, lastTimestampNs);
                break;

            default:
                ((Snapshottable)machine()).writeSnapshot(writer);
                break;
        }
    }

    public void readSection(final SnapshotSection section, final SnapshotReader reader)
    {
        switch (section)
        {
            case PIPELINE:
                nextSequence = reader.getLong();
                lastTimestampNs = reader.getLong();
                break;

            case DEDUP:
                dedup.readSnapshot(reader);
                startIndexer();
                break;

            default:
                ((Snapshottable)machine()).readSnapshot(reader);
                break;
        }
    }
}
