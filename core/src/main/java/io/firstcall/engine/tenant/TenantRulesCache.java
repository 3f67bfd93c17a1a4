package io.firstcall.engine.tenant;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tenant rules already parsed, by the configuration document's version hash. The launcher parses
 * each document before it is journaled and leaves the result here; the engine thread takes it when
 * the change is applied instead of running the YAML parser on the hot path. A document not found
 * here (a journal replayed by another process, say) is parsed by {@link TenantRulesParser}, which
 * gives the same rules: the cache changes when parsing happens, never what it gives.
 * <p>
 * Thread safe: filled by the launcher's thread, read by the engine thread. A hit is confirmed by
 * comparing the tenant and the document byte for byte, so a hash collision cannot swap rules.
 */
public final class TenantRulesCache
{
    private final ConcurrentHashMap<Long, Entry> byVersion = new ConcurrentHashMap<>();

    /**
     * Parse {@code document} for {@code tenant} and keep the rules.
     *
     * @throws InvalidConfigException naming the key at fault.
     */
    public TenantRules parse(final String tenant, final String document)
    {
        final TenantRules rules = TenantRulesParser.parse(tenant, document);
        byVersion.put(rules.version(), new Entry(
            tenant.getBytes(StandardCharsets.UTF_8), document.getBytes(StandardCharsets.UTF_8), rules));
        return rules;
    }

    /**
     * The rules of {@code document}, parsed now unless this cache holds them already.
     *
     * @throws InvalidConfigException naming the key at fault.
     */
    public TenantRules parseIfAbsent(final String tenant, final String document)
    {
        final byte[] tenantBytes = tenant.getBytes(StandardCharsets.UTF_8);
        final byte[] documentBytes = document.getBytes(StandardCharsets.UTF_8);
        final TenantRules cached = find(TenantRulesParser.version(document), new UnsafeBuffer(tenantBytes), 0,
            tenantBytes.length, new UnsafeBuffer(documentBytes), 0, documentBytes.length);
        return null == cached ? parse(tenant, document) : cached;
    }

    /**
     * @return the rules parsed earlier from exactly this tenant and document, or null.
     */
    public TenantRules find(
        final long version,
        final DirectBuffer tenant,
        final int tenantOffset,
        final int tenantLength,
        final DirectBuffer document,
        final int documentOffset,
        final int documentLength)
    {
        final Entry entry = byVersion.get(version);
        if (null == entry ||
            !same(entry.tenant, tenant, tenantOffset, tenantLength) ||
            !same(entry.document, document, documentOffset, documentLength))
        {
            return null;
        }
        return entry.rules;
    }

    public int size()
    {
        return byVersion.size();
    }

    private static boolean same(final byte[] expected, final DirectBuffer buffer, final int offset, final int length)
    {
        if (expected.length != length)
        {
            return false;
        }
        for (int i = 0; i < length; i++)
        {
            if (expected[i] != buffer.getByte(offset + i))
            {
                return false;
            }
        }
        return true;
    }

    private record Entry(byte[] tenant, byte[] document, TenantRules rules)
    {
    }
}
