package io.firstcall.gateway.http;

import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.TenantAccess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks bearer tokens on the HTTP port against the configured ones: the operator's
 * ({@code gateway.ops.token}) and each tenant's {@code opsToken}; for the WebSocket also the tokens a
 * hello may carry. Every candidate is compared in constant time, so the time taken says nothing about
 * how much of a token was right. Built once at launch; thread-safe.
 */
public final class OpsAccess
{
    private static final String BEARER = "bearer ";

    private final List<Candidate> opsTokens = new ArrayList<>();
    private final List<Candidate> sessionTokens = new ArrayList<>();
    private final boolean openHealth;
    private final boolean openMetrics;

    private record Candidate(byte[] token, OpsPrincipal principal)
    {
    }

    public OpsAccess(final GatewayContext context)
    {
        openHealth = context.opsOpenHealth();
        openMetrics = context.opsOpenMetrics();
        if (null != context.opsToken())
        {
            opsTokens.add(new Candidate(bytes(context.opsToken()), OpsPrincipal.OPERATOR));
        }
        for (final TenantAccess tenant : context.tenants().values())
        {
            final OpsPrincipal principal = OpsPrincipal.tenant(tenant.tenant());
            if (null != tenant.opsToken())
            {
                opsTokens.add(new Candidate(bytes(tenant.opsToken()), principal));
            }
            sessionTokens.add(new Candidate(bytes(tenant.sourceToken()), principal));
            sessionTokens.add(new Candidate(bytes(tenant.repToken()), principal));
            for (final String repToken : tenant.repTokens().values())
            {
                sessionTokens.add(new Candidate(bytes(repToken), principal));
            }
        }
    }

    /**
     * @return whether {@code path} answers without a token.
     */
    boolean isOpen(final String path)
    {
        return (openHealth && HttpOpsHandler.HEALTH_PATH.equals(path)) ||
            (openMetrics && HttpOpsHandler.METRICS_PATH.equals(path));
    }

    /**
     * @param authorization the request's Authorization header, or null.
     * @return who presented the token, or null when it is missing or matches no ops token.
     */
    OpsPrincipal authenticate(final String authorization)
    {
        return match(token(authorization), opsTokens);
    }

    /**
     * The dashboard's hello carries its token in the message, not in a header.
     *
     * @param token an operator's or a tenant's ops token.
     * @return who it belongs to, or null when it matches no ops token.
     */
    public OpsPrincipal principal(final String token)
    {
        return null == token || token.isEmpty() ? null : match(bytes(token), opsTokens);
    }

    /**
     * A WebSocket upgrade may carry its token in the header or, as always, in the hello. A header that
     * is sent must hold a token of the gateway: an ops token, or a tenant's source or rep token.
     *
     * @param authorization the upgrade request's Authorization header, or null.
     * @return true when the upgrade may go ahead (the hello then authenticates the session).
     */
    public boolean admitsWebSocket(final String authorization)
    {
        if (null == authorization)
        {
            return true;
        }
        final byte[] token = token(authorization);
        return null != match(token, opsTokens) || null != match(token, sessionTokens);
    }

    private static OpsPrincipal match(final byte[] token, final List<Candidate> candidates)
    {
        if (null == token)
        {
            return null;
        }
        OpsPrincipal found = null;
        for (final Candidate candidate : candidates)
        {
            // No early exit: every candidate costs the same whether or not an earlier one matched.
            if (MessageDigest.isEqual(candidate.token(), token) && null == found)
            {
                found = candidate.principal();
            }
        }
        return found;
    }

    private static byte[] token(final String authorization)
    {
        if (null == authorization || authorization.length() <= BEARER.length() ||
            !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length()))
        {
            return null;
        }
        final String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : bytes(token);
    }

    private static byte[] bytes(final String token)
    {
        return token.getBytes(StandardCharsets.UTF_8);
    }
}
