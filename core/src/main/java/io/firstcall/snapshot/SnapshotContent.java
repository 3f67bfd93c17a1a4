package io.firstcall.snapshot;

/**
 * The whole state a snapshot holds, section by section ({@link SnapshotSection}); the engine's
 * implementation puts the journal stage's counters, the de-duplication window and the state
 * machine together.
 */
public interface SnapshotContent
{
    void writeSection(SnapshotSection section, SnapshotWriter writer);

    /**
     * Read a section back; it must consume exactly the bytes {@link #writeSection} wrote.
     */
    void readSection(SnapshotSection section, SnapshotReader reader);
}
