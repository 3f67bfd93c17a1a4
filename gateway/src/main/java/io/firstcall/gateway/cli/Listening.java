package io.firstcall.gateway.cli;

import io.firstcall.gateway.Gateway;
import io.firstcall.gateway.config.FirstcallConfig;
import io.firstcall.gateway.config.TenantConfig;

import java.util.StringJoiner;

/**
 * The one line {@code run} and {@code demo} print once the server is up.
 */
final class Listening
{
    private Listening()
    {
    }

    static String line(final Gateway gateway, final FirstcallConfig config)
    {
        final StringJoiner tenants = new StringJoiner(",");
        for (final TenantConfig tenant : config.tenants())
        {
            tenants.add(tenant.id());
        }
        return "firstcall listening on " + config.gateway().host() + (gateway.isTlsEnabled() ? " (TLS)" : "") +
            ": json " + gateway.jsonPort() + ", sbe " + gateway.sbePort() + ", http " + gateway.httpPort() +
            "; data " + config.engine().dataDir().toAbsolutePath().normalize() +
            "; tenants " + tenants + "; config " + config.origin();
    }
}
