package io.firstcall.gateway.cli;

import io.firstcall.engine.StateMachine;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;
import io.firstcall.snapshot.Snapshottable;
import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * A state machine that writes snapshots, for the command line's snapshot verification: it counts
 * events by template and sums their sequences. With {@code driftOnLoad} a loaded instance is off by
 * one, as a machine that does not restore exactly would be.
 */
final class CountingMachine implements StateMachine, Snapshottable
{
    private final long[] byTemplate = new long[32];
    private final boolean driftOnLoad;
    private long sequenceSum;

    CountingMachine(final boolean driftOnLoad)
    {
        this.driftOnLoad = driftOnLoad;
    }

    public void onEvent(final DirectBuffer message, final long sequence, final long timestampNs)
    {
        byTemplate[message.getShort(2, ByteOrder.LITTLE_ENDIAN) & 31]++;
        sequenceSum += sequence;
    }

    public int snapshotSchemaId()
    {
        return 42;
    }

    public int snapshotSchemaVersion()
    {
        return 1;
    }

    public void writeSnapshot(final SnapshotWriter writer)
    {
        writer.putLong(sequenceSum);
        for (final long count : byTemplate)
        {
            writer.putLong(count);
        }
    }

    public void readSnapshot(final SnapshotReader reader)
    {
        sequenceSum = reader.getLong() + (driftOnLoad ? 1 : 0);
        for (int i = 0; i < byTemplate.length; i++)
        {
            byTemplate[i] = reader.getLong();
        }
    }
}
