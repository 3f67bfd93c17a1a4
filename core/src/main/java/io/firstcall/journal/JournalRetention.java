package io.firstcall.journal;

/**
 * What happens to journal cycle files no snapshot needs any more.
 */
public enum JournalRetention
{
    /**
     * Keep every file: a full replay and any audit stay possible from the journals alone.
     */
    KEEP,

    /**
     * At start, before the journals open, move cycle files older than every kept snapshot needs to
     * {@code data/archive/input/} and {@code data/archive/output/}.
     */
    ARCHIVE
}
