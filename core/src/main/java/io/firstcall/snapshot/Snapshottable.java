package io.firstcall.snapshot;

/**
 * State that can be written whole to a snapshot and loaded back. A state machine implementing it
 * lets the engine restart from its newest snapshot and replay only the journal after it
 * (docs/architecture.md, "Snapshots").
 * <p>
 * The contract:
 * <ul>
 *   <li>{@link #writeSnapshot} writes every piece of state that can influence a later output,
 *   canonically: the same state gives the same bytes, whatever history led to it.</li>
 *   <li>{@link #readSnapshot} is called once, on a freshly constructed instance, and leaves it in
 *   exactly the state that was written: processing the same journal tail afterwards produces the
 *   same outputs, and a new snapshot the same bytes, as the instance that wrote it.</li>
 *   <li>{@link #snapshotSchemaId} and {@link #snapshotSchemaVersion} name the layout; a snapshot
 *   with another id or version is skipped on restart (and the journal replayed instead), so bump
 *   the version whenever the layout or its meaning changes.</li>
 * </ul>
 */
public interface Snapshottable
{
    /**
     * @return which kind of state this is, so one machine never loads another's snapshot.
     */
    int snapshotSchemaId();

    /**
     * @return the version of the layout {@link #writeSnapshot} writes.
     */
    int snapshotSchemaVersion();

    void writeSnapshot(SnapshotWriter writer);

    /**
     * @throws SnapshotFormatException when the bytes do not hold a state this version can load.
     */
    void readSnapshot(SnapshotReader reader);
}
