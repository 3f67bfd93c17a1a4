package io.firstcall.replay;

import org.agrona.DirectBuffer;

/**
 * Where a replay hands output records (header and message) that have no recorded counterpart.
 */
@FunctionalInterface
public interface RecordSink
{
    RecordSink NONE = (buffer, offset, length) -> {};

    void onRecord(DirectBuffer buffer, int offset, int length);
}
