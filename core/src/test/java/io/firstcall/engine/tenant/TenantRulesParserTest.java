package io.firstcall.engine.tenant;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TenantRulesParserTest
{
    @Test
    void shouldApplyTightDefaults()
    {
        final TenantRules rules = TenantRulesParser.parse("acme", "tenant: acme\n");

        assertEquals(List.of("demo_request", "pricing_inquiry", "free_trial"), rules.hotForms());
        assertEquals(TimeUnit.MINUTES.toNanos(5), rules.claimWindowNs());
        assertEquals("acme-managers", rules.managerQueue());
    }

    @Test
    void shouldReadDurationsInEveryUnit()
    {
        assertEquals(TimeUnit.MILLISECONDS.toNanos(250), TenantRulesParser.parseDurationNs("250ms", "k"));
        assertEquals(TimeUnit.SECONDS.toNanos(90), TenantRulesParser.parseDurationNs("90s", "k"));
        assertEquals(TimeUnit.HOURS.toNanos(24), TenantRulesParser.parseDurationNs("24h", "k"));
        assertEquals(TimeUnit.DAYS.toNanos(7), TenantRulesParser.parseDurationNs("7d", "k"));
        assertEquals(TimeUnit.MILLISECONDS.toNanos(1500),
            TenantRulesParser.parse("acme", "claim:\n  window: 1500\n").claimWindowNs());
    }

    @Test
    void shouldNameTheKeyAtFault()
    {
        assertMessage("claim.windw: unknown key", "claim:\n  windw: 5m\n");
        assertMessage("claim.window: 'soon' is not a duration", "claim:\n  window: soon\n");
        assertMessage("hot.forms: must be a list", "hot:\n  forms: demo_request\n");
        assertMessage("does not match", "tenant: globex\n");
        assertMessage("not valid YAML", "tenant: [\n");
        assertMessage("must be a mapping", "- a\n- b\n");
    }

    @Test
    void shouldVersionDocumentsByContent()
    {
        assertEquals(TenantRulesParser.version("tenant: acme\n"), TenantRulesParser.version("tenant: acme\n"));
        assertNotEquals(TenantRulesParser.version("tenant: acme\n"), TenantRulesParser.version("tenant: acme \n"));
        assertTrue(TenantRulesParser.version("x") >= 0);
    }

    private static void assertMessage(final String expected, final String yaml)
    {
        final InvalidConfigException ex = assertThrows(InvalidConfigException.class, () -> TenantRulesParser.parse("acme", yaml));
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}
