package io.firstcall.engine;

import org.agrona.DirectBuffer;

/**
 * The business logic as a plain state machine (BRIEF principle 8): journaled events in, typed output
 * events out into the {@code OutputBatch} it was built with. Implementations read no clock, thread
 * or socket and do no I/O; the only time they know is the journaled timestamp handed to them, so
 * the same journal in gives the same outputs, byte for byte. The caller sets the batch's cause
 * ({@code outputs.cause(sequence, timestampNs)}) before each call; timers fired by a tick name that
 * tick as their cause.
 */
@FunctionalInterface
public interface StateMachine
{
    /**
     * Apply one journaled input event.
     *
     * @param message     exactly one journaled input (SBE message, header first): offset 0, capacity ==
     *                    the message's length, so nothing outside it can be read.
     * @param sequence    the event's input journal sequence.
     * @param timestampNs the engine time the event was journaled at, epoch nanoseconds.
     */
    void onEvent(DirectBuffer message, long sequence, long timestampNs);
}
