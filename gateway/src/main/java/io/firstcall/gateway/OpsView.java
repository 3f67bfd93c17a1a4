package io.firstcall.gateway;

import io.firstcall.Engine;
import io.firstcall.audit.SpeedToLeadSnapshot;
import io.firstcall.gateway.metrics.TenantActivity;

import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * What the HTTP operations endpoints may see of a running server. Called from an I/O thread while
 * the server runs, so implementations read only thread-safe state.
 */
public interface OpsView
{
    Engine engine();

    /**
     * @return what keeps the server from doing its job, each as one sentence for operators; empty when healthy.
     */
    List<String> healthProblems();

    default boolean healthy()
    {
        return healthProblems().isEmpty();
    }

    /**
     * @param consumer given each gateway count's (a value that only rises) lower_snake name and current value.
     */
    void forEachGatewayCounter(ObjLongConsumer<String> consumer);

    /**
     * @param consumer given each gateway gauge's (a level that rises and falls, such as open
     *                 connections) lower_snake name and current value.
     */
    void forEachGatewayGauge(ObjLongConsumer<String> consumer);

    /**
     * @return the per-tenant counts (connections, events, alerts, claims, ...) and the time to claim.
     */
    TenantActivity tenantActivity();

    /**
     * @return the latest live speed-to-lead figures, or null when there are none.
     */
    default SpeedToLeadSnapshot speedToLead()
    {
        return null;
    }
}
