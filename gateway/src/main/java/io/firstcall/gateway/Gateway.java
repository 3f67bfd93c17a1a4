package io.firstcall.gateway;

import io.firstcall.Engine;
import io.firstcall.EngineContext;

/**
 * The firstcall server: launches the engine and the Netty listeners in front of it.
 * STUB: the gateway-core work replaces the body; the signatures below are the contract.
 */
public final class Gateway implements AutoCloseable
{
    private final Engine engine;

    private Gateway(final GatewayContext gatewayCtx, final EngineContext engineCtx)
    {
        engine = Engine.launch(engineCtx);
    }

    /**
     * Launch the engine (recovering its journals), then bind the JSON, SBE and HTTP listeners.
     */
    public static Gateway launch(final GatewayContext gatewayCtx, final EngineContext engineCtx)
    {
        gatewayCtx.conclude();
        return new Gateway(gatewayCtx, engineCtx);
    }

    public Engine engine()
    {
        return engine;
    }

    public int jsonPort()
    {
        return -1;
    }

    public int sbePort()
    {
        return -1;
    }

    public int httpPort()
    {
        return -1;
    }

    /**
     * Stop accepting, drain the ring, flush the journals, close every connection.
     */
    public void close()
    {
        engine.close();
    }
}
