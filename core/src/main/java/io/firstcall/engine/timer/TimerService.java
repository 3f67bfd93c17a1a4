package io.firstcall.engine.timer;

import org.agrona.DeadlineTimerWheel;
import org.agrona.collections.Long2LongHashMap;

import java.util.concurrent.TimeUnit;

/**
 * Deadlines in engine time (journaled nanoseconds), over Agrona's {@link DeadlineTimerWheel}.
 * Timers expire only when {@link #onTick} is called for a journaled tick event, so on replay they
 * fire at exactly the same journal positions. Each timer carries a long payload for its owner.
 * <p>
 * The wheel advances one tick per poll while timers are pending, so a tick polls until the wheel
 * has caught up; with none pending it jumps straight to the current time, and across a gap longer
 * than a turn of the wheel it turns once (expiring everything due) and then jumps. Timers due in
 * the same tick fire in wheel order, which is the same on every replay of the journal.
 */
public final class TimerService
{
    /**
     * 2^24 ns, about 17 ms. A timer fires on the first journaled tick at or after its deadline,
     * whatever the resolution: the resolution only sets how many spokes a tick walks. Ticks come
     * every 100 ms by default, so a finer wheel would walk ~100 spokes per tick for nothing (it
     * was 1 ms and took a fifth of a hot lead's time in StateMachineBenchmark).
     */
    public static final long TICK_RESOLUTION_NS = 1L << 24;
    public static final int TICKS_PER_WHEEL = 1024;
    private static final long WHEEL_SPAN_NS = TICK_RESOLUTION_NS * TICKS_PER_WHEEL;

    private final DeadlineTimerWheel wheel = new DeadlineTimerWheel(
        TimeUnit.NANOSECONDS, 0, TICK_RESOLUTION_NS, TICKS_PER_WHEEL);
    private final Long2LongHashMap payloadByTimerId = new Long2LongHashMap(-1);
    private final DeadlineTimerWheel.TimerHandler expiryHandler = this::onExpiry;
    private TimerListener listener;

    /**
     * Note engine time before an event schedules anything, so a new deadline lands in the right spoke.
     */
    public void observe(final long nowNs)
    {
        if (0 == wheel.timerCount())
        {
            wheel.currentTickTime(nowNs);
        }
    }

    /**
     * @return the timer id, for {@link #cancel}.
     */
    public long schedule(final long deadlineNs, final long payload)
    {
        final long timerId = wheel.scheduleTimer(deadlineNs);
        payloadByTimerId.put(timerId, payload);
        return timerId;
    }

    public boolean cancel(final long timerId)
    {
        if (wheel.cancelTimer(timerId))
        {
            payloadByTimerId.remove(timerId);
            return true;
        }
        return false;
    }

    public long pending()
    {
        return wheel.timerCount();
    }

    /**
     * Fire every timer whose deadline is at or before {@code nowNs}.
     *
     * @return how many fired.
     */
    public int onTick(final long nowNs, final TimerListener listener)
    {
        this.listener = listener;
        int fired = 0;
        if (wheel.timerCount() > 0 && nowNs - wheel.currentTickTime() > WHEEL_SPAN_NS)
        {
            // A gap longer than a turn of the wheel (a restart, an idle night): one turn visits every
            // spoke and so expires every due timer, then the wheel jumps to now. Without this a long-lived
            // timer (score decay is days) would make the tick walk the gap 1 ms at a time.
            for (int i = 0; i < TICKS_PER_WHEEL && wheel.timerCount() > 0; i++)
            {
                fired += wheel.poll(nowNs, expiryHandler, Integer.MAX_VALUE);
            }
            wheel.currentTickTime(nowNs);
        }
        while (wheel.timerCount() > 0 && nowNs >= wheel.currentTickTime())
        {
            fired += wheel.poll(nowNs, expiryHandler, Integer.MAX_VALUE);
        }
        fired += wheel.poll(nowNs, expiryHandler, Integer.MAX_VALUE);
        observe(nowNs);
        this.listener = null;
        return fired;
    }

    private boolean onExpiry(final TimeUnit timeUnit, final long nowNs, final long timerId)
    {
        final long payload = payloadByTimerId.remove(timerId);
        listener.onTimer(payload, nowNs);
        return true;
    }

    @FunctionalInterface
    public interface TimerListener
    {
        void onTimer(long payload, long nowNs);
    }
}
