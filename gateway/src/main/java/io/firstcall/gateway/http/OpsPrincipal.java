package io.firstcall.gateway.http;

import io.netty.util.AttributeKey;

/**
 * Who an HTTP request was authenticated as: the operator (every tenant) or one tenant. The
 * {@link OpsAuthHandler} leaves it on the channel for the handlers after it, request by request.
 */
public final class OpsPrincipal
{
    /** Set by {@link OpsAuthHandler} before each request it lets through; null on an open path without a token. */
    public static final AttributeKey<OpsPrincipal> KEY = AttributeKey.valueOf("firstcall.opsPrincipal");

    public static final OpsPrincipal OPERATOR = new OpsPrincipal(null);

    private final String tenant;

    private OpsPrincipal(final String tenant)
    {
        this.tenant = tenant;
    }

    static OpsPrincipal tenant(final String tenant)
    {
        return new OpsPrincipal(tenant);
    }

    public boolean isOperator()
    {
        return null == tenant;
    }

    /**
     * @return the tenant, or null for the operator.
     */
    public String tenant()
    {
        return tenant;
    }
}
