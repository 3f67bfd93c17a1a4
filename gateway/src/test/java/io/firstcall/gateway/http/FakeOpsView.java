package io.firstcall.gateway.http;

import io.firstcall.Engine;
import io.firstcall.gateway.OpsView;
import io.firstcall.gateway.metrics.TenantActivity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjLongConsumer;

/**
 * An {@link OpsView} over a real engine, with health, gateway counters and gauges set by the test,
 * and the per-tenant counts of one tenant, acme.
 */
final class FakeOpsView implements OpsView
{
    private final Engine engine;
    private final Map<String, Long> gatewayCounters = new LinkedHashMap<>();
    private final Map<String, Long> gatewayGauges = new LinkedHashMap<>();
    private final TenantActivity tenantActivity = new TenantActivity(List.of("acme"));
    private volatile boolean isHealthy = true;
    private volatile RuntimeException gatewayCounterFailure;

    FakeOpsView(final Engine engine)
    {
        this.engine = engine;
    }

    FakeOpsView healthy(final boolean isHealthy)
    {
        this.isHealthy = isHealthy;
        return this;
    }

    FakeOpsView gatewayCounter(final String name, final long value)
    {
        gatewayCounters.put(name, value);
        return this;
    }

    FakeOpsView gatewayGauge(final String name, final long value)
    {
        gatewayGauges.put(name, value);
        return this;
    }

    /**
     * @param failure thrown from {@link #forEachGatewayCounter} from now on.
     */
    FakeOpsView failGatewayCounters(final RuntimeException failure)
    {
        gatewayCounterFailure = failure;
        return this;
    }

    public Engine engine()
    {
        return engine;
    }

    public List<String> healthProblems()
    {
        return isHealthy ? List.of() : List.of("test: made unhealthy");
    }

    public void forEachGatewayCounter(final ObjLongConsumer<String> consumer)
    {
        if (null != gatewayCounterFailure)
        {
            throw gatewayCounterFailure;
        }
        gatewayCounters.forEach(consumer::accept);
    }

    public void forEachGatewayGauge(final ObjLongConsumer<String> consumer)
    {
        gatewayGauges.forEach(consumer::accept);
    }

    public TenantActivity tenantActivity()
    {
        return tenantActivity;
    }
}
