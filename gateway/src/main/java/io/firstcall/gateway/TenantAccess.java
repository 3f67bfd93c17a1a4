package io.firstcall.gateway;

import java.util.Objects;

/**
 * Who may connect for a tenant: the token lead sources present, and the token reps present
 * (with their rep id) in the hello line.
 */
public final class TenantAccess
{
    private final String tenant;
    private final String sourceToken;
    private final String repToken;

    public TenantAccess(final String tenant, final String sourceToken, final String repToken)
    {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.sourceToken = Objects.requireNonNull(sourceToken, "sourceToken");
        this.repToken = Objects.requireNonNull(repToken, "repToken");
    }

    public String tenant()
    {
        return tenant;
    }

    public String sourceToken()
    {
        return sourceToken;
    }

    public String repToken()
    {
        return repToken;
    }
}
