package io.firstcall.gateway.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.firstcall.engine.tenant.InvalidConfigException;
import io.firstcall.engine.tenant.TenantRules;
import io.firstcall.engine.tenant.TenantRulesCache;
import io.firstcall.engine.tenant.TenantRulesParser;
import io.firstcall.gateway.TenantAccess;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code tenants} section: a list of {@code {id, token, repToken, repTokens, opsToken, rules}}.
 * Each tenant's {@code rules} mapping is written back out as its own YAML document, with
 * {@code tenant:} filled from {@code id}, and parsed by the engine's one {@link TenantRulesParser}
 * here, once, into the engine's {@link TenantRulesCache}: a bad rule stops the start (or
 * {@code check-config}) with the tenant named, and the engine thread applies the parsed rules without
 * parsing again.
 */
final class TenantsSection
{
    static final Set<String> KEYS =
        new LinkedHashSet<>(List.of("id", "token", "repToken", "repTokens", "opsToken", "rules"));

    /**
     * Bounds of the hello line (docs/protocol.md): a tenant or token longer than these could never log in.
     */
    static final int MAX_TENANT_BYTES = 32;
    static final int MAX_TOKEN_BYTES = 254;
    static final int MAX_REP_BYTES = 64;

    /**
     * Block style, no "---" marker: the document is journaled and hashed into the tenant's config
     * version, so the same file must always produce the same bytes.
     */
    private static final YAMLMapper WRITER = new YAMLMapper(YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .build());

    private TenantsSection()
    {
    }

    /**
     * @param rules where each tenant's rules are parsed and kept for the engine.
     */
    static List<TenantConfig> parse(final JsonNode tenants, final TenantRulesCache rules)
    {
        if (!tenants.isArray() || tenants.isEmpty())
        {
            throw new ConfigException("tenants: must be a list of at least one tenant {id, token, repToken, rules}, got " +
                YamlValues.describe(tenants));
        }

        final List<TenantConfig> result = new ArrayList<>();
        final Set<String> ids = new HashSet<>();
        for (int i = 0; i < tenants.size(); i++)
        {
            final TenantConfig tenant = parseOne(tenants.get(i), "tenants[" + i + "]", rules);
            if (!ids.add(tenant.id()))
            {
                throw new ConfigException("tenants[" + i + "].id: tenant '" + tenant.id() + "' is defined twice");
            }
            result.add(tenant);
        }
        return result;
    }

    private static TenantConfig parseOne(final JsonNode node, final String path, final TenantRulesCache cache)
    {
        YamlValues.requireMapping(node, path);
        YamlValues.checkKeys(node, path + ".", KEYS);
        final String id = YamlValues.text(required(node, "id", path), path + ".id", MAX_TENANT_BYTES);
        final String token = YamlValues.secretText(required(node, "token", path), path + ".token", MAX_TOKEN_BYTES);
        final String repToken =
            YamlValues.secretText(required(node, "repToken", path), path + ".repToken", MAX_TOKEN_BYTES);

        final String document = rulesDocument(node.get("rules"), id, path + ".rules");
        final TenantRules rules;
        try
        {
            rules = cache.parse(id, document);
        }
        catch (final InvalidConfigException ex)
        {
            throw new ConfigException(path + ".rules." + ex.getMessage() + " (tenant '" + id + "')", ex);
        }

        final JsonNode opsNode = node.get("opsToken");
        final String opsToken = null == opsNode ? null : YamlValues.secretText(opsNode, path + ".opsToken", MAX_TOKEN_BYTES);
        final Map<String, String> repTokens = repTokens(node.get("repTokens"), path + ".repTokens");
        return new TenantConfig(new TenantAccess(id, token, repToken, repTokens, opsToken), document, rules);
    }

    /**
     * @return each listed rep's own token: {@code {rep id: token}}; empty when absent.
     */
    private static Map<String, String> repTokens(final JsonNode node, final String path)
    {
        final Map<String, String> tokens = new LinkedHashMap<>();
        if (null == node || node.isNull())
        {
            return tokens;
        }
        YamlValues.requireMapping(node, path);
        for (final Map.Entry<String, JsonNode> entry : node.properties())
        {
            final int idBytes = entry.getKey().getBytes(StandardCharsets.UTF_8).length;
            if (idBytes < 1 || idBytes > MAX_REP_BYTES)
            {
                throw new ConfigException(path + ": rep id '" + entry.getKey() + "' must be 1.." + MAX_REP_BYTES + " bytes");
            }
            tokens.put(entry.getKey(),
                YamlValues.secretText(entry.getValue(), path + "." + entry.getKey(), MAX_TOKEN_BYTES));
        }
        return tokens;
    }

    /**
     * @return the rules as one YAML document starting with {@code tenant: <id>}; absent rules mean the defaults.
     */
    private static String rulesDocument(final JsonNode rules, final String id, final String path)
    {
        final ObjectNode document = WRITER.createObjectNode();
        document.put("tenant", id);
        if (null != rules && !rules.isNull())
        {
            YamlValues.requireMapping(rules, path);
            final JsonNode tenant = rules.get("tenant");
            if (null != tenant && !(tenant.isTextual() && id.equals(tenant.asText())))
            {
                throw new ConfigException(path + ".tenant: must be the tenant's id '" + id + "' or left out, got " +
                    YamlValues.describe(tenant));
            }
            for (final Map.Entry<String, JsonNode> field : rules.properties())
            {
                if (!"tenant".equals(field.getKey()))
                {
                    document.set(field.getKey(), field.getValue());
                }
            }
        }

        try
        {
            return WRITER.writeValueAsString(document);
        }
        catch (final JsonProcessingException ex)
        {
            throw new ConfigException(path + ": cannot be written back as YAML: " + ex.getOriginalMessage(), ex);
        }
    }

    private static JsonNode required(final JsonNode node, final String key, final String path)
    {
        final JsonNode value = node.get(key);
        if (null == value)
        {
            throw new ConfigException(path + "." + key + ": required");
        }
        return value;
    }
}
