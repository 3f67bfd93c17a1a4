package io.firstcall.gateway;

import io.firstcall.gateway.metrics.TenantActivity;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.util.Collection;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * One Agrona {@link AtomicCounter} per {@link GatewayCounter}, in memory, and the per-tenant counts
 * ({@link TenantActivity}). Every I/O thread and the engine thread update them, so callers use the
 * atomic {@code increment()}, never the single-writer variants.
 */
public final class GatewayCounters
{
    /** Counter type id for gateway counters in the counters metadata. */
    public static final int GATEWAY_COUNTER_TYPE_ID = 2;

    private static final GatewayCounter[] ALL = GatewayCounter.values();

    private final AtomicCounter[] counters = new AtomicCounter[ALL.length];
    private final TenantActivity tenants;

    /**
     * Counters with no tenant to count for.
     */
    public GatewayCounters()
    {
        this(List.of());
    }

    /**
     * @param tenants the configured tenant ids, each given its own per-tenant counts.
     */
    public GatewayCounters(final Collection<String> tenants)
    {
        this.tenants = new TenantActivity(tenants);
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(
                ALL.length * CountersReader.METADATA_LENGTH, BitUtil.CACHE_LINE_LENGTH)),
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(
                ALL.length * CountersReader.COUNTER_LENGTH, BitUtil.CACHE_LINE_LENGTH)));

        for (final GatewayCounter counter : ALL)
        {
            counters[counter.ordinal()] = manager.newCounter(
                counter.label(), GATEWAY_COUNTER_TYPE_ID, (keyBuffer) -> keyBuffer.putInt(0, counter.id()));
        }
    }

    /**
     * @return the per-tenant counts.
     */
    public TenantActivity tenants()
    {
        return tenants;
    }

    /**
     * @return the counter, to update from any thread with {@code increment()} / {@code decrement()}.
     */
    public AtomicCounter get(final GatewayCounter counter)
    {
        return counters[counter.ordinal()];
    }

    public void increment(final GatewayCounter counter)
    {
        counters[counter.ordinal()].increment();
    }

    /**
     * @return the current value (volatile read).
     */
    public long value(final GatewayCounter counter)
    {
        return counters[counter.ordinal()].get();
    }

    /**
     * Hand the label and current value of every count (not the gauges) to {@code consumer}, in id order.
     */
    public void forEachCount(final ObjLongConsumer<String> consumer)
    {
        forEach(false, consumer);
    }

    /**
     * Hand the label and current value of every gauge ({@link GatewayCounter#isGauge()}) to
     * {@code consumer}, in id order.
     */
    public void forEachGauge(final ObjLongConsumer<String> consumer)
    {
        forEach(true, consumer);
    }

    private void forEach(final boolean isGauge, final ObjLongConsumer<String> consumer)
    {
        for (final GatewayCounter counter : ALL)
        {
            if (counter.isGauge() == isGauge)
            {
                consumer.accept(counter.label(), counters[counter.ordinal()].get());
            }
        }
    }
}
