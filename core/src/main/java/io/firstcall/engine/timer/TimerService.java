package io.firstcall.engine.timer;

import io.firstcall.snapshot.SnapshotFormatException;
import io.firstcall.snapshot.SnapshotReader;
import io.firstcall.snapshot.SnapshotWriter;
import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * Deadlines in engine time (journaled nanoseconds). Timers expire only when {@link #onTick} is
 * called for a journaled tick event, so on replay they fire at exactly the same journal positions.
 * Each timer carries a long payload for its owner.
 * <p>
 * An indexed binary min-heap ordered by (deadline, timer id), with ids from a counter that is part
 * of the state. Everything that decides which timer fires when, and in which order, is therefore
 * in {@link #writeSnapshot}'s output, unlike a timer wheel whose ids and order within a tick come
 * from its internals. Timers with the same deadline fire in the order they were scheduled.
 * <p>
 * Storage is slot based: a timer lives in a slot (deadline, id, payload, heap index) and the heap
 * holds slot numbers, so sifting moves ints and never touches the id map. Slots are recycled
 * through a free stack, so scheduling and cancelling allocate nothing once the arrays have grown
 * to the most timers ever pending at once.
 */
public final class TimerService
{
    private static final long MISSING = -1;
    private static final int INITIAL_CAPACITY = 64;

    private final Long2LongHashMap slotById = new Long2LongHashMap(MISSING);
    private long[] deadlines = new long[INITIAL_CAPACITY];
    private long[] ids = new long[INITIAL_CAPACITY];
    private long[] payloads = new long[INITIAL_CAPACITY];
    private int[] heapIndexBySlot = new int[INITIAL_CAPACITY];
    private int[] heap = new int[INITIAL_CAPACITY];
    private int[] freeSlots = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int slotsUsed;
    private int size;
    private long nextTimerId;

    /**
     * Kept for callers written against a timer wheel, which had to be told engine time before a
     * schedule: a heap needs no notion of the current time, so this does nothing.
     */
    public void observe(final long nowNs)
    {
    }

    /**
     * @return the timer id, for {@link #cancel}: ids increase by one per schedule, from 0.
     */
    public long schedule(final long deadlineNs, final long payload)
    {
        final long timerId = nextTimerId++;
        final int slot = allocateSlot();
        deadlines[slot] = deadlineNs;
        ids[slot] = timerId;
        payloads[slot] = payload;
        slotById.put(timerId, slot);
        heap[size] = slot;
        heapIndexBySlot[slot] = size;
        siftUp(size++);
        return timerId;
    }

    /**
     * @return true when the timer was pending; it will not fire.
     */
    public boolean cancel(final long timerId)
    {
        final long slot = slotById.remove(timerId);
        if (MISSING == slot)
        {
            return false;
        }
        removeAt(heapIndexBySlot[(int)slot]);
        return true;
    }

    public long pending()
    {
        return size;
    }

    /**
     * Fire every timer whose deadline is at or before {@code nowNs}, earliest deadline first and, for
     * equal deadlines, in the order they were scheduled. A timer scheduled by a listener with a
     * deadline at or before {@code nowNs} fires in the same tick.
     *
     * @return how many fired.
     */
    public int onTick(final long nowNs, final TimerListener listener)
    {
        int fired = 0;
        while (size > 0 && deadlines[heap[0]] <= nowNs)
        {
            final int slot = heap[0];
            final long payload = payloads[slot];
            slotById.remove(ids[slot]);
            removeAt(0);
            fired++;
            listener.onTimer(payload, nowNs);
        }
        return fired;
    }

    /**
     * Write the id counter and every pending timer in id order: the same pending set always gives
     * the same bytes, whatever order of schedules and cancels built the heap.
     */
    public void writeSnapshot(final SnapshotWriter writer)
    {
        final long[] pendingIds = new long[size];
        for (int i = 0; i < size; i++)
        {
            pendingIds[i] = ids[heap[i]];
        }
        Arrays.sort(pendingIds);

        writer.putLong(nextTimerId).putInt(size);
        for (final long timerId : pendingIds)
        {
            final int slot = (int)slotById.get(timerId);
            writer.putLong(timerId).putLong(deadlines[slot]).putLong(payloads[slot]);
        }
    }

    /**
     * Replace this service's state with a snapshot's.
     */
    public void readSnapshot(final SnapshotReader reader)
    {
        clear();
        final long counter = reader.getLong();
        final int count = reader.getCount(Integer.MAX_VALUE - 8);
        long previousId = -1;
        for (int i = 0; i < count; i++)
        {
            final long timerId = reader.getLong();
            if (timerId <= previousId || timerId >= counter)
            {
                throw new SnapshotFormatException("timer id " + timerId + " out of order or not below the counter " + counter);
            }
            previousId = timerId;
            final long deadlineNs = reader.getLong();
            final long payload = reader.getLong();
            final int slot = allocateSlot();
            deadlines[slot] = deadlineNs;
            ids[slot] = timerId;
            payloads[slot] = payload;
            slotById.put(timerId, slot);
            heap[size] = slot;
            heapIndexBySlot[slot] = size;
            siftUp(size++);
        }
        nextTimerId = counter;
    }

    private void clear()
    {
        slotById.clear();
        size = 0;
        freeCount = 0;
        slotsUsed = 0;
        nextTimerId = 0;
    }

    private int allocateSlot()
    {
        if (freeCount > 0)
        {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == deadlines.length)
        {
            grow();
        }
        return slotsUsed++;
    }

    private void grow()
    {
        final int capacity = deadlines.length * 2;
        deadlines = Arrays.copyOf(deadlines, capacity);
        ids = Arrays.copyOf(ids, capacity);
        payloads = Arrays.copyOf(payloads, capacity);
        heapIndexBySlot = Arrays.copyOf(heapIndexBySlot, capacity);
        heap = Arrays.copyOf(heap, capacity);
        freeSlots = Arrays.copyOf(freeSlots, capacity);
    }

    private void removeAt(final int index)
    {
        final int removedSlot = heap[index];
        freeSlots[freeCount++] = removedSlot;
        final int last = --size;
        if (index != last)
        {
            final int movedSlot = heap[last];
            heap[index] = movedSlot;
            heapIndexBySlot[movedSlot] = index;
            if (index > 0 && before(movedSlot, heap[(index - 1) >>> 1]))
            {
                siftUp(index);
            }
            else
            {
                siftDown(index);
            }
        }
    }

    private void siftUp(final int start)
    {
        int index = start;
        final int slot = heap[index];
        while (index > 0)
        {
            final int parentIndex = (index - 1) >>> 1;
            final int parentSlot = heap[parentIndex];
            if (!before(slot, parentSlot))
            {
                break;
            }
            heap[index] = parentSlot;
            heapIndexBySlot[parentSlot] = index;
            index = parentIndex;
        }
        heap[index] = slot;
        heapIndexBySlot[slot] = index;
    }

    private void siftDown(final int start)
    {
        int index = start;
        final int slot = heap[index];
        final int half = size >>> 1;
        while (index < half)
        {
            int childIndex = 2 * index + 1;
            int childSlot = heap[childIndex];
            final int rightIndex = childIndex + 1;
            if (rightIndex < size && before(heap[rightIndex], childSlot))
            {
                childIndex = rightIndex;
                childSlot = heap[rightIndex];
            }
            if (!before(childSlot, slot))
            {
                break;
            }
            heap[index] = childSlot;
            heapIndexBySlot[childSlot] = index;
            index = childIndex;
        }
        heap[index] = slot;
        heapIndexBySlot[slot] = index;
    }

    /**
     * The heap's total order: deadline, then id (unique), so equal deadlines fire in schedule order.
     */
    private boolean before(final int slotA, final int slotB)
    {
        final long deadlineA = deadlines[slotA];
        final long deadlineB = deadlines[slotB];
        return deadlineA < deadlineB || (deadlineA == deadlineB && ids[slotA] < ids[slotB]);
    }

    @FunctionalInterface
    public interface TimerListener
    {
        void onTimer(long payload, long nowNs);
    }
}
