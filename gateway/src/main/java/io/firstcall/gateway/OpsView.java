package io.firstcall.gateway;

import io.firstcall.Engine;

import java.util.function.Consumer;
import java.util.function.ObjLongConsumer;

/**
 * What the HTTP operations endpoints may see of a running server. Called from an I/O thread while
 * the server runs, so implementations read only thread-safe state.
 */
public interface OpsView
{
    Engine engine();

    boolean healthy();

    /**
     * @param consumer given each gateway counter's lower_snake name and current value.
     */
    void forEachGatewayCounter(ObjLongConsumer<String> consumer);

    /**
     * @param consumer given each configured tenant's id.
     */
    default void forEachTenant(final Consumer<String> consumer)
    {
    }

    /**
     * @param consumer given each of the tenant's own counters (connections_open, events_offered,
     *                 events_rate_limited) by name; nothing for an unknown tenant.
     */
    default void forEachTenantCounter(final String tenant, final ObjLongConsumer<String> consumer)
    {
    }
}
