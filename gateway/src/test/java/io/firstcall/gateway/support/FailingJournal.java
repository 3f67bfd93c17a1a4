package io.firstcall.gateway.support;

import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Wraps a journal so a test can make its appends fail as a full disk does, and work again.
 */
public final class FailingJournal implements Journal
{
    private final Journal delegate;
    private volatile boolean failing;

    public FailingJournal(final Journal delegate)
    {
        this.delegate = delegate;
    }

    public void failing(final boolean failing)
    {
        this.failing = failing;
    }

    public long append(final DirectBuffer buffer, final int offset, final int length)
    {
        if (failing)
        {
            throw new UncheckedIOException("could not make room for an entry: No space left on device",
                new IOException("No space left on device"));
        }
        return delegate.append(buffer, offset, length);
    }

    public void sync()
    {
        delegate.sync();
    }

    public JournalReader openReader()
    {
        return delegate.openReader();
    }

    public boolean isEmpty()
    {
        return delegate.isEmpty();
    }

    public long lastPosition()
    {
        return delegate.lastPosition();
    }

    public void close()
    {
        delegate.close();
    }
}
