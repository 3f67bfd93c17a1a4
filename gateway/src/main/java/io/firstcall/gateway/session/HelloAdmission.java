package io.firstcall.gateway.session;

import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.json.Hello;

/**
 * Whether a hello gets a session in: a known tenant and the right token, a role the port takes, a
 * gateway still open, then a free slot of {@code max.connections}, claimed from the registry. The checks
 * run in that order, so only a client that authenticated learns that the gateway is full. A refused
 * hello is answered with why, counted, and its connection closed. Event loop; the claim takes the
 * registry's lock, once per connection.
 */
final class HelloAdmission
{
    private HelloAdmission()
    {
    }

    /**
     * @return the session's new connection id, its registry slot claimed but not yet activated; or
     * {@link Session#NO_CONNECTION_ID} when refused, the session then failing.
     */
    static long admit(final SessionServices services, final Session session, final Hello hello, final boolean repAllowed)
    {
        if (!services.authenticator().accepts(hello))
        {
            session.fail(GatewayErrorCode.UNAUTHORIZED.wireName(), null, "unknown tenant or wrong token",
                GatewayCounter.HELLO_FAILURES);
            return Session.NO_CONNECTION_ID;
        }
        if (hello.isRep() && !repAllowed)
        {
            session.fail(GatewayErrorCode.FORBIDDEN_ROLE.wireName(), "role",
                "this port takes sources only; reps connect to the JSON lines port or the WebSocket",
                GatewayCounter.HELLO_FAILURES);
            return Session.NO_CONNECTION_ID;
        }
        if (services.isShuttingDown())
        {
            session.fail(GatewayErrorCode.SHUTTING_DOWN.wireName(), null, "the gateway is shutting down", null);
            return Session.NO_CONNECTION_ID;
        }

        final long connectionId = services.registry().claim();
        if (connectionId < 0)
        {
            session.fail(GatewayErrorCode.TOO_MANY_CONNECTIONS.wireName(), null,
                "the gateway is at its limit of " + services.context().maxConnections() + " authenticated connections",
                GatewayCounter.LIMIT_BREACHES);
            return Session.NO_CONNECTION_ID;
        }

        return connectionId;
    }
}
