package io.firstcall.gateway.http;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The JVM's own metrics (GC pauses, memory, threads, class loading, CPU) from
 * {@code prometheus-metrics-instrumentation-jvm}, in one registry per process: they describe the
 * process, and registering them adds GC notification listeners that are never removed, so they are
 * registered once, on first use, however many gateways and HTTP connections there are.
 */
final class JvmCollectors
{
    private JvmCollectors()
    {
    }

    static MetricSnapshots scrape()
    {
        return Holder.REGISTRY.scrape();
    }

    /**
     * Initialised on first scrape, by the JVM's class initialisation lock.
     */
    private static final class Holder
    {
        static final PrometheusRegistry REGISTRY = new PrometheusRegistry();

        static
        {
            JvmMetrics.builder().register(REGISTRY);
        }
    }
}
