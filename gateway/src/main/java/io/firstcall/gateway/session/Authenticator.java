package io.firstcall.gateway.session;

import io.firstcall.gateway.TenantAccess;
import io.firstcall.gateway.json.Hello;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;

/**
 * Checks a hello against the configured tenants: a source presents the tenant's source token, a rep
 * the tenant's rep token. Tokens are compared in constant time, and an unknown tenant is refused the
 * same way as a wrong token, so a caller learns nothing about which tenants exist.
 */
final class Authenticator
{
    private final Map<String, byte[][]> tokensByTenant = new HashMap<>();

    Authenticator(final Map<String, TenantAccess> tenants)
    {
        for (final TenantAccess access : tenants.values())
        {
            tokensByTenant.put(access.tenant(), new byte[][]{
                access.sourceToken().getBytes(StandardCharsets.UTF_8),
                access.repToken().getBytes(StandardCharsets.UTF_8)});
        }
    }

    boolean accepts(final Hello hello)
    {
        final byte[][] tokens = tokensByTenant.get(hello.tenant());
        if (null == tokens)
        {
            return false;
        }

        final byte[] expected = hello.isRep() ? tokens[1] : tokens[0];
        return MessageDigest.isEqual(expected, hello.token().getBytes(StandardCharsets.UTF_8));
    }
}
