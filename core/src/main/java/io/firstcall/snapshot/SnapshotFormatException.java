package io.firstcall.snapshot;

/**
 * A snapshot's bytes do not read as the state they claim to hold.
 */
public final class SnapshotFormatException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public SnapshotFormatException(final String message)
    {
        super(message);
    }
}
