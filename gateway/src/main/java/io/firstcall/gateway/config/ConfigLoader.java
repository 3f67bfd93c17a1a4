package io.firstcall.gateway.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.firstcall.EngineContext;
import io.firstcall.event.EventWriter;
import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.json.JsonEventDecoder;
import io.firstcall.gateway.tls.ServerTls;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Reads a firstcall configuration file (YAML, see docs/configuration.md) into a
 * {@link FirstcallConfig}. Every key is checked: an unknown key, a value of the wrong type or
 * range, and a tenant whose rules the engine would reject are all {@link ConfigException}s whose
 * message starts with the key's path, e.g. {@code gateway.jsonPrt: unknown key}.
 * <p>
 * Any string value may be {@code ${env:NAME}} or {@code ${file:PATH}}, resolved first (see
 * {@link SecretReferences}).
 * <p>
 * Precedence, highest first: a key present in the file, its {@code firstcall.*} system property,
 * the built-in default. The embedded default file is the exception: there a set system property
 * wins, so {@code -Dfirstcall.gateway.json.port=9000 ... run} still works without a file.
 */
public final class ConfigLoader
{
    /**
     * The classpath resource used when no file is given.
     */
    public static final String DEFAULT_RESOURCE = "firstcall-default.yaml";

    /**
     * {@link FirstcallConfig#origin()} of the embedded default.
     */
    public static final String DEFAULT_ORIGIN = "embedded default";

    static final Set<String> TOP_KEYS = new LinkedHashSet<>(List.of("engine", "gateway", "tenants"));

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ConfigLoader()
    {
    }

    /**
     * @throws ConfigException when the file cannot be read or is not a valid configuration.
     */
    public static FirstcallConfig load(final Path file)
    {
        return load(file, SecretReferences.SYSTEM_ENVIRONMENT);
    }

    /**
     * As {@link #load(Path)}, reading {@code ${env:NAME}} references from {@code environment}.
     */
    static FirstcallConfig load(final Path file, final UnaryOperator<String> environment)
    {
        try (InputStream in = Files.newInputStream(file))
        {
            return load(in, file.toString(), false, environment);
        }
        catch (final NoSuchFileException ex)
        {
            throw new ConfigException("no such file", ex);
        }
        catch (final IOException ex)
        {
            throw new ConfigException("cannot read: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param origin names the source in {@link FirstcallConfig#origin()}.
     * @throws ConfigException when the stream does not hold a valid configuration.
     */
    public static FirstcallConfig load(final InputStream in, final String origin)
    {
        return load(in, origin, false, SecretReferences.SYSTEM_ENVIRONMENT);
    }

    /**
     * @return the embedded default: one tenant "demo" with public tokens, bound to loopback.
     */
    public static FirstcallConfig loadDefault()
    {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE))
        {
            if (null == in)
            {
                throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " missing from the classpath");
            }
            return load(in, DEFAULT_ORIGIN, true, SecretReferences.SYSTEM_ENVIRONMENT);
        }
        catch (final IOException ex)
        {
            throw new ConfigException("cannot read " + DEFAULT_RESOURCE + ": " + ex.getMessage(), ex);
        }
    }

    private static FirstcallConfig load(
        final InputStream in, final String origin, final boolean propertiesWin, final UnaryOperator<String> environment)
    {
        final JsonNode root = read(in);
        YamlValues.requireMapping(root, "(top level)");
        SecretReferences.resolve(root, environment);
        YamlValues.checkKeys(root, "", TOP_KEYS);

        final EngineContext engine = new EngineContext();
        final GatewayContext gateway = new GatewayContext();
        applySection(root.get("engine"), "engine", List.of(EngineSetting.values()), engine, EngineContext::new,
            propertiesWin);
        final List<Setting<GatewayContext>> gatewaySettings = new ArrayList<>(List.of(GatewaySetting.values()));
        gatewaySettings.addAll(List.of(SecuritySetting.values()));
        applySection(root.get("gateway"), "gateway", gatewaySettings, gateway, GatewayContext::new, propertiesWin);

        final JsonNode tenantsNode = root.get("tenants");
        if (null == tenantsNode)
        {
            throw new ConfigException("tenants: required: a list of at least one tenant {id, token, repToken, rules}");
        }
        final List<TenantConfig> tenants = TenantsSection.parse(tenantsNode, engine.tenantRules());
        for (final TenantConfig tenant : tenants)
        {
            engine.tenant(tenant.id(), tenant.rulesDocument());
            gateway.tenant(tenant.access());
        }

        checkTogether(engine, gateway, tenants);
        return new FirstcallConfig(origin, engine, gateway, tenants);
    }

    private static JsonNode read(final InputStream in)
    {
        final JsonNode root;
        try
        {
            root = YAML.readTree(in);
        }
        catch (final JsonProcessingException ex)
        {
            // The parser's message quotes the offending line, which may hold a token: keep its first
            // line (the problem) and the position, and drop the cause, whose message has the quote too.
            final String message = String.valueOf(ex.getOriginalMessage());
            final int newline = message.indexOf('\n');
            throw new ConfigException("not valid YAML: " + (newline < 0 ? message : message.substring(0, newline)) +
                (null == ex.getLocation() ? "" : " (line " + ex.getLocation().getLineNr() + ")"));
        }
        catch (final IOException ex)
        {
            throw new ConfigException("cannot read the configuration: " + ex.getMessage(), ex);
        }
        if (null == root || root.isMissingNode() || root.isNull())
        {
            throw new ConfigException("the configuration is empty");
        }
        return root;
    }

    /**
     * A key with a dot ({@code tls.certificate}) is read from a nested mapping ({@code tls:} then
     * {@code certificate:}), whose keys are checked as the section's are.
     *
     * @param scratch makes a throwaway context: a key its system property overrides is still checked on one.
     */
    private static <C> void applySection(
        final JsonNode section,
        final String name,
        final List<Setting<C>> settings,
        final C context,
        final Supplier<C> scratch,
        final boolean propertiesWin)
    {
        if (null == section || section.isNull())
        {
            return;
        }
        YamlValues.requireMapping(section, name);
        final Map<String, Set<String>> keysByGroup = new LinkedHashMap<>();
        for (final Setting<C> setting : settings)
        {
            final String key = setting.key();
            final int dot = key.indexOf('.');
            keysByGroup.computeIfAbsent("", (group) -> new LinkedHashSet<>()).add(dot < 0 ? key : key.substring(0, dot));
            if (dot > 0)
            {
                keysByGroup.computeIfAbsent(key.substring(0, dot), (group) -> new LinkedHashSet<>())
                    .add(key.substring(dot + 1));
            }
        }
        for (final Map.Entry<String, Set<String>> group : keysByGroup.entrySet())
        {
            final String groupPath = group.getKey().isEmpty() ? name : name + "." + group.getKey();
            final JsonNode mapping = group.getKey().isEmpty() ? section : section.get(group.getKey());
            if (null != mapping && !mapping.isNull())
            {
                YamlValues.requireMapping(mapping, groupPath);
                YamlValues.checkKeys(mapping, groupPath + ".", group.getValue());
            }
        }

        for (final Setting<C> setting : settings)
        {
            final JsonNode value = valueAt(section, setting.key());
            if (null != value)
            {
                final String path = name + "." + setting.key();
                final boolean overridden = propertiesWin && null != System.getProperty(setting.propertyName());
                setting.apply(overridden ? scratch.get() : context, value, path);
            }
        }
    }

    private static JsonNode valueAt(final JsonNode section, final String key)
    {
        final int dot = key.indexOf('.');
        if (dot < 0)
        {
            return section.get(key);
        }
        final JsonNode group = section.get(key.substring(0, dot));
        return null == group || group.isNull() ? null : group.get(key.substring(dot + 1));
    }

    /**
     * Checks that span keys: what a ring slot must hold.
     */
    private static void checkTogether(final EngineContext engine, final GatewayContext gateway, final List<TenantConfig> tenants)
    {
        final int slotBytes = engine.maxMessageLength();
        if (slotBytes < JsonEventDecoder.MAX_ENCODED_LENGTH)
        {
            throw new ConfigException("engine.slotBytes: must be >= " + JsonEventDecoder.MAX_ENCODED_LENGTH +
                ", the largest JSON event encoded, got " + slotBytes);
        }
        if (gateway.maxFrameBytes() > slotBytes)
        {
            throw new ConfigException("gateway.maxFrameBytes: " + gateway.maxFrameBytes() +
                " is larger than engine.slotBytes (" + slotBytes + "): such a frame could never be taken");
        }
        try
        {
            gateway.conclude();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new ConfigException("gateway: " + ex.getMessage(), ex);
        }
        if (gateway.tls().isEnabled())
        {
            try
            {
                ServerTls.check(gateway.tls());
            }
            catch (final IllegalArgumentException ex)
            {
                // The message starts with the key (gateway.tls.certificate: ...).
                throw new ConfigException(ex.getMessage(), ex);
            }
        }

        for (int i = 0; i < tenants.size(); i++)
        {
            final TenantConfig tenant = tenants.get(i);
            final byte[] document = tenant.rulesDocument().getBytes(StandardCharsets.UTF_8);
            // The rules reach the engine as a journaled configuration change, through a ring slot.
            final EventWriter writer = new EventWriter(new UnsafeBuffer(new byte[document.length + 1024]));
            final int length;
            try
            {
                length = writer.config(tenant.id(), "", tenant.rulesDocument());
            }
            catch (final RuntimeException ex)
            {
                throw new ConfigException("tenants[" + i + "].rules: cannot be encoded as a configuration change: " +
                    ex.getMessage() + " (tenant '" + tenant.id() + "')", ex);
            }
            if (length > slotBytes)
            {
                throw new ConfigException("tenants[" + i + "].rules: encode to " + length +
                    " bytes, more than engine.slotBytes (" + slotBytes + ") (tenant '" + tenant.id() + "')");
            }
        }
    }
}
