package io.firstcall.pipeline;

import io.firstcall.replay.RecordSink;

/**
 * Rebuilds the engine's state from its journals before the engine takes its first event. The
 * pipeline runs it once, on the thread that decides and appends outputs, so the outputs it finds
 * missing from the output journal's tail are appended by the one thread that ever appends to it.
 */
public interface Recovery
{
    /**
     * Nothing to recover: empty journals.
     */
    Recovery NONE = new Recovery()
    {
        public void recover(final RecordSink outputRepair)
        {
        }

        public long nextSequence()
        {
            return 0;
        }

        public long lastTimestampNs()
        {
            return 0;
        }
    };

    /**
     * Replay the journals into the state machine.
     *
     * @param outputRepair appends an output record (with its {@link io.firstcall.journal.RecordHeader})
     *                     that the output journal lacks; never delivers it.
     */
    void recover(RecordSink outputRepair);

    /**
     * @return the journal sequence the next event gets; read after {@link #recover}.
     */
    long nextSequence();

    /**
     * @return the engine time of the last journaled event, or 0; read after {@link #recover}.
     */
    long lastTimestampNs();
}
