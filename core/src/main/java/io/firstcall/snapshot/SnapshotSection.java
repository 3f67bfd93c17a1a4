package io.firstcall.snapshot;

/**
 * The sections of a snapshot's body, in the order they are written. Never reorder: the order is
 * part of the file format ({@link SnapshotHeader#FORMAT_VERSION}).
 */
public enum SnapshotSection
{
    /**
     * The journal stage's counters: the next input sequence and the last engine time.
     */
    PIPELINE,

    /**
     * The de-duplication window: every (tenant, event id) still inside its horizon.
     */
    DEDUP,

    /**
     * The state machine's own state ({@link Snapshottable}).
     */
    MACHINE
}
