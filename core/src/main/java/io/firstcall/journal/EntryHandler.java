package io.firstcall.journal;

import org.agrona.DirectBuffer;

@FunctionalInterface
public interface EntryHandler
{
    void onEntry(DirectBuffer buffer, int offset, int length, long position);
}
