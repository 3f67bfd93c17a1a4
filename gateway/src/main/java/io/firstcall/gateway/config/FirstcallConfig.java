package io.firstcall.gateway.config;

import io.firstcall.EngineContext;
import io.firstcall.gateway.GatewayContext;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded configuration: an {@link EngineContext} and a {@link GatewayContext} with every key of
 * the file applied (and the tenants added to both), ready for {@code Gateway.launch}.
 */
public final class FirstcallConfig
{
    private final String origin;
    private final EngineContext engine;
    private final GatewayContext gateway;
    private final List<TenantConfig> tenants;

    FirstcallConfig(
        final String origin, final EngineContext engine, final GatewayContext gateway, final List<TenantConfig> tenants)
    {
        this.origin = origin;
        this.engine = engine;
        this.gateway = gateway;
        this.tenants = List.copyOf(tenants);
    }

    /**
     * @return where the configuration came from: a file path or {@link ConfigLoader#DEFAULT_ORIGIN}.
     */
    public String origin()
    {
        return origin;
    }

    public EngineContext engine()
    {
        return engine;
    }

    public GatewayContext gateway()
    {
        return gateway;
    }

    /**
     * @return the tenants in file order; never empty.
     */
    public List<TenantConfig> tenants()
    {
        return tenants;
    }

    /**
     * Override the data directory, as the command line's {@code --data} does.
     */
    public FirstcallConfig dataDir(final Path dataDir)
    {
        engine.dataDir(dataDir);
        return this;
    }
}
