package io.firstcall.gateway.config;

import io.firstcall.engine.tenant.TenantRules;
import io.firstcall.gateway.TenantAccess;

/**
 * One tenant of a configuration file: who may connect for it and its rules, both as the YAML
 * document the engine journals and as the rules that document parses to.
 */
public final class TenantConfig
{
    private final TenantAccess access;
    private final String rulesDocument;
    private final TenantRules rules;

    TenantConfig(final TenantAccess access, final String rulesDocument, final TenantRules rules)
    {
        this.access = access;
        this.rulesDocument = rulesDocument;
        this.rules = rules;
    }

    public String id()
    {
        return access.tenant();
    }

    public TenantAccess access()
    {
        return access;
    }

    /**
     * @return the rules re-serialised as one YAML document, with {@code tenant:} filled in.
     */
    public String rulesDocument()
    {
        return rulesDocument;
    }

    public TenantRules rules()
    {
        return rules;
    }
}
