package io.firstcall.engine;

import org.agrona.DirectBuffer;

/**
 * Where a {@link StateMachine} sends its output events, each one SBE message. The sink copies
 * what it keeps: the buffer may be reused as soon as the call returns.
 */
@FunctionalInterface
public interface OutputSink
{
    void onOutput(DirectBuffer buffer, int offset, int length);
}
