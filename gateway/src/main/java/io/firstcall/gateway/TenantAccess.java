package io.firstcall.gateway;

import java.util.Map;
import java.util.Objects;

/**
 * Who may connect for a tenant: the token lead sources present, and the token reps present (with
 * their rep id) in the hello line. A rep given a token of their own in {@code repTokens} may connect
 * only with that token, so no other rep of the tenant can connect as them and see their alerts. An
 * ops token lets the tenant read its own figures on the HTTP endpoints, and nothing of another tenant.
 */
public final class TenantAccess
{
    private final String tenant;
    private final String sourceToken;
    private final String repToken;
    private final Map<String, String> repTokens;
    private final String opsToken;

    public TenantAccess(final String tenant, final String sourceToken, final String repToken)
    {
        this(tenant, sourceToken, repToken, Map.of());
    }

    /**
     * @param repTokens tokens of individual reps, by rep id; reps not listed use {@code repToken}.
     */
    public TenantAccess(final String tenant, final String sourceToken, final String repToken, final Map<String, String> repTokens)
    {
        this(tenant, sourceToken, repToken, repTokens, null);
    }

    /**
     * @param opsToken the bearer token that reads this tenant's figures on the HTTP endpoints, or null for none.
     */
    public TenantAccess(
        final String tenant,
        final String sourceToken,
        final String repToken,
        final Map<String, String> repTokens,
        final String opsToken)
    {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.sourceToken = Objects.requireNonNull(sourceToken, "sourceToken");
        this.repToken = Objects.requireNonNull(repToken, "repToken");
        this.repTokens = Map.copyOf(repTokens);
        this.opsToken = opsToken;
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

    /**
     * @return the token rep {@code rep} must present: their own, or the tenant's shared rep token.
     */
    public String repToken(final String rep)
    {
        return repTokens.getOrDefault(rep, repToken);
    }

    public Map<String, String> repTokens()
    {
        return repTokens;
    }

    /**
     * @return the tenant's bearer token for the HTTP endpoints, or null when it has none.
     */
    public String opsToken()
    {
        return opsToken;
    }
}
