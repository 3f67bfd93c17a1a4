package io.firstcall.gateway.session;

import io.firstcall.gateway.TenantAccess;
import io.firstcall.gateway.json.Hello;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Checks a hello against the configured tenants: a source presents the tenant's source token, a rep
 * their own token when they have one, else the tenant's rep token. Tokens are compared in constant
 * time, and an unknown tenant is refused the same way as a wrong token, so a caller learns nothing
 * about which tenants exist. Runs once per connection, so it may allocate.
 */
final class Authenticator
{
    private final Map<String, TenantAccess> tenants;

    Authenticator(final Map<String, TenantAccess> tenants)
    {
        this.tenants = Map.copyOf(tenants);
    }

    boolean accepts(final Hello hello)
    {
        final TenantAccess access = tenants.get(hello.tenant());
        if (null == access)
        {
            return false;
        }

        final String expected = hello.isRep() ? access.repToken(hello.rep()) : access.sourceToken();
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), hello.token().getBytes(StandardCharsets.UTF_8));
    }
}
