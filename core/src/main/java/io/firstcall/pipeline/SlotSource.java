package io.firstcall.pipeline;

/**
 * Where a stage finds the slot for a sequence: the Disruptor's ring, or a baseline's own queue.
 */
@FunctionalInterface
interface SlotSource
{
    RingSlot get(long sequence);
}
