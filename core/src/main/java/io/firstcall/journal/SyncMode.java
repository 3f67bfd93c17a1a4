package io.firstcall.journal;

/**
 * What "journaled" means before an event is acknowledged.
 */
public enum SyncMode
{
    /**
     * Appended to the memory-mapped journal: survives a crash of the process, not of the machine.
     */
    NONE,

    /**
     * Appended and msync'd once per batch, before the batch is acknowledged: survives power loss.
     */
    BATCH
}
