package io.firstcall.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.TenantAccess;
import io.firstcall.gateway.http.OpsAccess;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardAccessTest
{
    private final GatewayContext context = new GatewayContext()
        .opsToken("operator-secret")
        .tenant(new TenantAccess("acme", "acme-source", "acme-reps", Map.of("vip", "vip-own"), "acme-manager"))
        .tenant(new TenantAccess("globex", "globex-source", "globex-reps", Map.of(), "globex-manager"));
    private final DashboardAccess access = new DashboardAccess(new OpsAccess(context), context.tenants());

    @Test
    void shouldAuthenticateTheOperatorAndATenantsManager()
    {
        assertTrue(viewer("{\"token\":\"operator-secret\"}").isOperator());
        final Viewer manager = viewer("{\"token\":\"acme-manager\"}");
        assertEquals("manager", manager.role());
        assertEquals("acme", manager.tenant());
        assertEquals("acme", viewer("{\"token\":\"acme-manager\",\"tenant\":\"acme\"}").tenant());
    }

    @Test
    void shouldAuthenticateARepWithTheirTenantsRepTokenOrTheirOwn()
    {
        final Viewer rep = viewer("{\"token\":\"acme-reps\",\"tenant\":\"acme\",\"rep\":\"r1\"}");
        assertEquals("rep", rep.role());
        assertEquals("r1", rep.rep());
        assertEquals("vip", viewer("{\"token\":\"vip-own\",\"tenant\":\"acme\",\"rep\":\"vip\"}").rep());
    }

    @Test
    void shouldRefuseWhatDoesNotAuthenticate()
    {
        assertNull(viewer("{\"token\":\"wrong\"}"));
        assertNull(viewer("{}"));
        assertNull(viewer("{\"token\":\"\"}"));
        assertNull(viewer("{\"token\":\"acme-manager\",\"tenant\":\"globex\"}"), "a manager token for another tenant");
        assertNull(viewer("{\"token\":\"acme-reps\",\"rep\":\"r1\"}"), "a rep token without its tenant");
        assertNull(viewer("{\"token\":\"acme-reps\",\"tenant\":\"globex\",\"rep\":\"r1\"}"), "another tenant's reps");
        assertNull(viewer("{\"token\":\"acme-reps\",\"tenant\":\"acme\",\"rep\":\"vip\"}"), "vip has a token of their own");
        assertNull(viewer("{\"token\":\"acme-source\"}"), "a source token is no dashboard token");
        assertNull(viewer("{\"token\":\"acme-reps\"}"), "a rep token alone names no rep");
        assertNull(viewer("{\"token\":\"acme-reps\",\"tenant\":\"nope\",\"rep\":\"r1\"}"));
    }

    private Viewer viewer(final String hello)
    {
        final JsonNode node = BoardScript.json(hello);
        return access.authenticate(node);
    }
}
