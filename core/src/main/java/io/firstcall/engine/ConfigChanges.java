package io.firstcall.engine;

import io.firstcall.codec.ConfigChangeDecoder;
import io.firstcall.codec.MessageHeaderDecoder;
import io.firstcall.engine.tenant.InvalidConfigException;
import io.firstcall.engine.tenant.TenantRules;
import io.firstcall.engine.tenant.TenantRulesCache;
import io.firstcall.engine.tenant.TenantRulesParser;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Applies a journaled configuration change: the tenant's rules are replaced from this journal
 * position on, and the change is recorded as applied or, naming the key at fault, rejected. The
 * rules come from the {@link TenantRulesCache} when the launcher parsed the document already, so
 * the YAML parser runs on the engine thread only for documents it has not seen (on replay); either
 * way the same document gives the same rules.
 */
final class ConfigChanges
{
    private final TenantDirectory tenants;
    private final TenantRulesCache cache;
    private final MachineRecords records;
    private final LeadEvictions evictions;
    private final ConfigChangeDecoder change = new ConfigChangeDecoder();
    private final UnsafeBuffer tenant = new UnsafeBuffer(new byte[0]);
    private final UnsafeBuffer document = new UnsafeBuffer(new byte[0]);
    private long parsed;

    ConfigChanges(
        final TenantDirectory tenants, final TenantRulesCache cache, final MachineRecords records, final LeadEvictions evictions)
    {
        this.tenants = tenants;
        this.cache = cache;
        this.records = records;
        this.evictions = evictions;
    }

    void onConfigChange(final DirectBuffer message, final MessageHeaderDecoder header)
    {
        final ConfigChangeDecoder d = change.wrap(message, MessageHeaderDecoder.ENCODED_LENGTH, header.blockLength(), header.version());
        final long version = d.configVersion();
        d.wrapTenant(tenant);
        d.skipEventId();
        d.wrapDocument(document);
        try
        {
            final TenantRules rules = rules(version);
            final Tenant current = tenants.find(tenant, 0, tenant.capacity());
            final long evictionNs = null == current ? 0 : current.leadEvictionNs();
            final byte[] bytes = new byte[document.capacity()];
            document.getBytes(0, bytes);
            final Tenant applied = tenants.apply(rules, bytes);
            records.configDecision(tenant, 0, tenant.capacity(), rules.version(), null);
            if (evictionNs != applied.leadEvictionNs())
            {
                evictions.rearm(applied);
            }
        }
        catch (final InvalidConfigException ex)
        {
            final Tenant current = tenants.find(tenant, 0, tenant.capacity());
            records.configDecision(tenant, 0, tenant.capacity(), null == current ? 0 : current.rules().version(),
                ex.getMessage().getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * @return the documents this thread parsed itself, not finding them in the cache.
     */
    long parsed()
    {
        return parsed;
    }

    private TenantRules rules(final long version)
    {
        final TenantRules cached = cache.find(
            version, tenant, 0, tenant.capacity(), document, 0, document.capacity());
        if (null != cached)
        {
            return cached;
        }
        parsed++;
        return TenantRulesParser.parse(
            tenant.getStringWithoutLengthUtf8(0, tenant.capacity()), document.getStringWithoutLengthUtf8(0, document.capacity()));
    }

    /**
     * @return the rules of a document a snapshot carries, from the cache when the launcher parsed it.
     */
    TenantRules rules(final String tenant, final byte[] document)
    {
        final byte[] tenantBytes = tenant.getBytes(StandardCharsets.UTF_8);
        final String text = new String(document, StandardCharsets.UTF_8);
        final TenantRules cached = cache.find(TenantRulesParser.version(text),
            new UnsafeBuffer(tenantBytes), 0, tenantBytes.length, new UnsafeBuffer(document), 0, document.length);
        return null != cached ? cached : TenantRulesParser.parse(tenant, text);
    }
}
