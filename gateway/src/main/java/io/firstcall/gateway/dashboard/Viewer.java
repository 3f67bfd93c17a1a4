package io.firstcall.gateway.dashboard;

import java.util.Objects;

/**
 * Who a dashboard connection was authenticated as: the operator (every tenant, and the engine's
 * latency), a tenant's manager (that tenant's board, reps and figures) or one rep (their own queue and
 * their own row only).
 */
final class Viewer
{
    static final Viewer OPERATOR = new Viewer(null, null);

    private final String tenant;
    private final String rep;

    private Viewer(final String tenant, final String rep)
    {
        this.tenant = tenant;
        this.rep = rep;
    }

    static Viewer manager(final String tenant)
    {
        return new Viewer(Objects.requireNonNull(tenant, "tenant"), null);
    }

    static Viewer rep(final String tenant, final String rep)
    {
        return new Viewer(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(rep, "rep"));
    }

    boolean isOperator()
    {
        return null == tenant;
    }

    boolean isRep()
    {
        return null != rep;
    }

    /**
     * @return the tenant, or null for the operator.
     */
    String tenant()
    {
        return tenant;
    }

    /**
     * @return the rep, or null for a manager or the operator.
     */
    String rep()
    {
        return rep;
    }

    boolean seesTenant(final String other)
    {
        return null == tenant || tenant.equals(other);
    }

    /**
     * @return the role named in the welcome: operator, manager or rep.
     */
    String role()
    {
        return isOperator() ? "operator" : isRep() ? "rep" : "manager";
    }
}
