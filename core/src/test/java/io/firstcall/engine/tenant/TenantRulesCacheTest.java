package io.firstcall.engine.tenant;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TenantRulesCacheTest
{
    private static final String DOCUMENT = "tenant: acme\nhot:\n  forms: [demo_request]\n";

    private final TenantRulesCache cache = new TenantRulesCache();

    @Test
    void shouldHandBackTheRulesParsedForExactlyThisTenantAndDocument()
    {
        final TenantRules rules = cache.parse("acme", DOCUMENT);
        final long version = TenantRulesParser.version(DOCUMENT);

        assertSame(rules, find(version, "acme", DOCUMENT));
        assertSame(rules, cache.parseIfAbsent("acme", DOCUMENT), "not parsed again");
        assertNull(find(version, "globex", DOCUMENT), "another tenant");
        assertNull(find(version, "acme", DOCUMENT + " "), "another document under a colliding version");
        assertNull(find(version + 1, "acme", DOCUMENT), "another version");
        assertEquals(1, cache.size());
    }

    @Test
    void shouldParseADocumentItHasNotSeen()
    {
        final TenantRules rules = cache.parseIfAbsent("acme", DOCUMENT);

        assertEquals(TenantRulesParser.version(DOCUMENT), rules.version());
        assertNotSame(rules, TenantRulesParser.parse("acme", DOCUMENT));
        assertEquals(rules.hotForms(), TenantRulesParser.parse("acme", DOCUMENT).hotForms(), "the same rules either way");
        assertThrows(InvalidConfigException.class, () -> cache.parse("acme", "claim: {windw: 5m}\n"));
        assertEquals(1, cache.size(), "a rejected document is not kept");
    }

    private TenantRules find(final long version, final String tenant, final String document)
    {
        final byte[] tenantBytes = tenant.getBytes(StandardCharsets.UTF_8);
        final byte[] documentBytes = document.getBytes(StandardCharsets.UTF_8);
        return cache.find(version, new UnsafeBuffer(tenantBytes), 0, tenantBytes.length,
            new UnsafeBuffer(documentBytes), 0, documentBytes.length);
    }
}
