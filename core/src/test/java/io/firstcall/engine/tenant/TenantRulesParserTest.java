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

    /**
     * A rejected change's message is journaled and compared on replay, so it must not depend on the
     * JVM: allowed keys and configured teams are listed in their documented and configured order
     * (they came from a Set.of and a HashMap, whose order differs from JVM to JVM).
     */
    @Test
    void shouldListAllowedKeysAndTeamsInAFixedOrder()
    {
        assertExactMessage("claim.windw: unknown key (allowed: window, managerQueue)", "claim:\n  windw: 5m\n");
        assertExactMessage("tenantt: unknown key (allowed: tenant, scoring, hot, claim, routing, teams, reps, leads)", "tenantt: acme\n");
        assertExactMessage("hot.cooldwn: unknown key (allowed: mode, score, forms, sources, trial, returnVisit, cooldown)",
            "hot:\n  cooldwn: 1h\n");
        assertExactMessage("reps[0].team: must name a configured team (west, east, apac, latam, north)",
            "teams: [{id: west}, {id: east}, {id: apac}, {id: latam}, {id: north}]\nreps: [{id: r1, team: south}]\n");
        assertExactMessage("reps[0].hours.zone: unknown key (allowed: days, start, end, timezone)",
            "teams: [{id: west}]\nreps: [{id: r1, team: west, hours: {zone: UTC}}]\n");
    }

    @Test
    void shouldVersionDocumentsByContent()
    {
        assertEquals(TenantRulesParser.version("tenant: acme\n"), TenantRulesParser.version("tenant: acme\n"));
        assertNotEquals(TenantRulesParser.version("tenant: acme\n"), TenantRulesParser.version("tenant: acme \n"));
        assertTrue(TenantRulesParser.version("x") >= 0);
    }

    private static void assertExactMessage(final String expected, final String yaml)
    {
        assertEquals(expected, assertThrows(InvalidConfigException.class, () -> TenantRulesParser.parse("acme", yaml)).getMessage());
    }

    private static void assertMessage(final String expected, final String yaml)
    {
        final InvalidConfigException ex = assertThrows(InvalidConfigException.class, () -> TenantRulesParser.parse("acme", yaml));
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}
