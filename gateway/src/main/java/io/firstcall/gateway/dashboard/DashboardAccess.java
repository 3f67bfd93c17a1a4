package io.firstcall.gateway.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.firstcall.gateway.TenantAccess;
import io.firstcall.gateway.http.OpsAccess;
import io.firstcall.gateway.http.OpsPrincipal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Who a dashboard hello authenticates as, from the tokens the gateway already has: the operator's
 * token (every tenant), a tenant's ops token (its manager), or a rep's token with their tenant and rep
 * id (the tenant's rep token, or the rep's own when they have one, exactly as a rep's hello on the
 * JSON lines port). Tokens are compared in constant time, and an unknown tenant is refused like a
 * wrong token. The token travels in the WebSocket's first message, never in a URL.
 */
final class DashboardAccess
{
    private final OpsAccess ops;
    private final Map<String, TenantAccess> tenants;

    DashboardAccess(final OpsAccess ops, final Map<String, TenantAccess> tenants)
    {
        this.ops = ops;
        this.tenants = Map.copyOf(tenants);
    }

    /**
     * @param hello {@code {"type":"hello","role":"dashboard","token":..}}, with {@code "tenant"} and
     *              {@code "rep"} for a rep.
     * @return the viewer, or null when the hello does not authenticate.
     */
    Viewer authenticate(final JsonNode hello)
    {
        final String token = text(hello, "token");
        final String tenant = text(hello, "tenant");
        final String rep = text(hello, "rep");
        if (null == token)
        {
            return null;
        }
        if (null != rep)
        {
            final TenantAccess access = null == tenant ? null : tenants.get(tenant);
            if (null == access)
            {
                return null;
            }
            final boolean same = MessageDigest.isEqual(
                access.repToken(rep).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
            return same ? Viewer.rep(tenant, rep) : null;
        }
        final OpsPrincipal principal = ops.principal(token);
        if (null == principal)
        {
            return null;
        }
        if (principal.isOperator())
        {
            return Viewer.OPERATOR;
        }
        return null == tenant || tenant.equals(principal.tenant()) ? Viewer.manager(principal.tenant()) : null;
    }

    private static String text(final JsonNode hello, final String field)
    {
        final JsonNode value = hello.get(field);
        return null == value || !value.isTextual() || value.asText().isEmpty() ? null : value.asText();
    }
}
