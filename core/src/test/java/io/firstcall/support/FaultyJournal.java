package io.firstcall.support;

import io.firstcall.journal.Journal;
import io.firstcall.journal.JournalReader;
import org.agrona.DirectBuffer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A journal whose appends and syncs a test can make fail (or silently drop, as a crash would), and
 * which records the threads that append to it. Wraps a real journal.
 */
public final class FaultyJournal implements Journal
{
    private final Journal delegate;
    private final Set<String> appendingThreads = ConcurrentHashMap.newKeySet();
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private volatile Supplier<? extends Throwable> appendFault;
    private volatile Supplier<? extends Throwable> syncFault;
    private volatile boolean dropping;

    public FaultyJournal(final Journal delegate)
    {
        this.delegate = delegate;
    }

    /**
     * @param fault thrown by every append from now on; null to append again.
     */
    public FaultyJournal failAppends(final Supplier<? extends Throwable> fault)
    {
        appendFault = fault;
        return this;
    }

    /**
     * @param fault thrown by every sync from now on; null to sync again.
     */
    public FaultyJournal failSyncs(final Supplier<? extends Throwable> fault)
    {
        syncFault = fault;
        return this;
    }

    /**
     * Pretend appends succeed without writing anything: the process died before they reached the journal.
     */
    public FaultyJournal dropAppends(final boolean dropping)
    {
        this.dropping = dropping;
        return this;
    }

    public Set<String> appendingThreads()
    {
        return appendingThreads;
    }

    /**
     * @return entries really appended through this wrapper.
     */
    public long appended()
    {
        return appended.get();
    }

    /**
     * @return appends tried, failed ones included.
     */
    public long attempts()
    {
        return attempts.get();
    }

    public long append(final DirectBuffer buffer, final int offset, final int length)
    {
        attempts.incrementAndGet();
        appendingThreads.add(Thread.currentThread().getName());
        throwIfSet(appendFault);
        if (dropping)
        {
            return Long.MAX_VALUE - attempts.get();
        }
        final long position = delegate.append(buffer, offset, length);
        appended.incrementAndGet();
        return position;
    }

    public void sync()
    {
        throwIfSet(syncFault);
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

    private static void throwIfSet(final Supplier<? extends Throwable> fault)
    {
        if (null != fault)
        {
            final Throwable throwable = fault.get();
            if (throwable instanceof RuntimeException)
            {
                throw (RuntimeException)throwable;
            }
            throw (Error)throwable;
        }
    }
}
