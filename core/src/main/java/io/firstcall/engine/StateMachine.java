package io.firstcall.engine;

import org.agrona.DirectBuffer;

/**
 * The business logic as a plain state machine (BRIEF principle 8): journaled events in, output
 * events out through an {@link OutputSink}. Implementations read no clock, thread or socket; the
 * only time they know is the journaled timestamp handed to them, so the same journal in gives
 * the same outputs, byte for byte.
 */
@FunctionalInterface
public interface StateMachine
{
    /**
     * Apply one journaled input event.
     *
     * @param buffer      holding the SBE message (message header first). The engine, its recovery and
     *                    the replayer hand a view that ends where the message ends, so no read can
     *                    reach another event's bytes; the message itself may still be invalid.
     * @param offset      of the SBE message header.
     * @param length      of the SBE message.
     * @param sequence    the event's input journal sequence.
     * @param timestampNs the engine time the event was journaled at, epoch nanoseconds.
     */
    void onEvent(DirectBuffer buffer, int offset, int length, long sequence, long timestampNs);
}
