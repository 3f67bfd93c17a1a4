package io.firstcall.gateway.session;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRegistryTest
{
    @Test
    void shouldClaimUpToTheLimitWithDistinctIds()
    {
        final SessionRegistry registry = new SessionRegistry(3);
        final Set<Long> ids = new HashSet<>();
        for (int i = 0; i < 3; i++)
        {
            ids.add(registry.claim());
        }
        assertEquals(3, ids.size());
        assertEquals(-1, registry.claim());
        assertEquals(3, registry.size());
    }

    @Test
    void shouldGiveAReusedSlotANewConnectionId()
    {
        final SessionRegistry registry = new SessionRegistry(1);
        final long first = registry.claim();
        registry.release(first);
        final long second = registry.claim();

        assertNotEquals(first, second);
        assertEquals(1, registry.size());
        assertNull(registry.find(first), "nothing answers to a released id");
    }

    @Test
    void shouldRoundTripCorrelationIds()
    {
        final long connectionId = (1L << 38) | 5;
        final long correlationId = SessionRegistry.correlationId(connectionId, (1L << 24) + 17);

        assertTrue(correlationId > 0, "never the engine's own -1");
        assertEquals(connectionId, SessionRegistry.connectionId(correlationId));
        assertEquals(17, SessionRegistry.request(correlationId), "request numbers wrap at 2^24");
    }
}
