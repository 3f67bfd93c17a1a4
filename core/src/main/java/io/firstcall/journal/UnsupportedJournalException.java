package io.firstcall.journal;

/**
 * A journal this build does not read: written by another journal format version ({@link JournalFormat}),
 * or not a journal. The message names the directory, the version and what to do.
 */
public final class UnsupportedJournalException extends IllegalStateException
{
    private static final long serialVersionUID = 1L;

    public UnsupportedJournalException(final String message)
    {
        super(message);
    }
}
