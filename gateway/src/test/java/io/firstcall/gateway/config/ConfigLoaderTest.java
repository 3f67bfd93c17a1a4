package io.firstcall.gateway.config;

import com.lmax.disruptor.YieldingWaitStrategy;
import io.firstcall.EngineContext;
import io.firstcall.engine.tenant.TenantRules;
import io.firstcall.engine.tenant.TenantRulesParser;
import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.TenantAccess;
import io.firstcall.journal.JournalRetention;
import io.firstcall.journal.SyncMode;
import io.firstcall.pipeline.Topology;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigLoaderTest
{
    static final String ACME = "tenants:\n  - id: acme\n    token: t\n    repToken: rt\n";

    @TempDir
    Path dir;

    @Test
    void shouldLoadTheEmbeddedDefaultWithOneValidDemoTenant()
    {
        final FirstcallConfig config = ConfigLoader.loadDefault();

        assertEquals(ConfigLoader.DEFAULT_ORIGIN, config.origin());
        assertEquals(1, config.tenants().size());
        final TenantConfig demo = config.tenants().get(0);
        assertEquals("demo", demo.id());
        assertEquals("demo-token", demo.access().sourceToken());
        assertEquals("demo-rep-token", demo.access().repToken());
        final TenantRules rules = demo.rules();
        assertEquals(List.of("demo_request", "pricing_inquiry", "free_trial"), rules.hotForms());
        assertEquals(TimeUnit.MINUTES.toNanos(5), rules.claimWindowNs());
        assertEquals(TimeUnit.HOURS.toNanos(24), rules.cooldownNs());
        assertEquals("demo-managers", rules.managerQueue());
        assertEquals("demo", TenantRulesParser.parse("demo", demo.rulesDocument()).tenant());

        assertEquals(7070, config.gateway().jsonPort());
        assertEquals(7071, config.gateway().sbePort());
        assertEquals(8080, config.gateway().httpPort());
        assertEquals("127.0.0.1", config.gateway().host());
        assertEquals(Paths.get("data"), config.engine().dataDir());
        assertEquals(demo.rulesDocument(), config.engine().tenantDocuments().get("demo"));
        assertEquals("demo-token", config.gateway().tenants().get("demo").sourceToken());
    }

    @Test
    void shouldApplyEveryKey()
    {
        final FirstcallConfig config = load(
            "engine:\n" +
            "  dataDir: " + dir.resolve("d") + "\n" +
            "  ringSize: 1024\n" +
            "  slotBytes: 32768\n" +
            "  topology: pipelined\n" +
            "  waitStrategy: yielding\n" +
            "  journalSync: batch\n" +
            "  dedupHorizon: 2h\n" +
            "  dedupMaxIds: 1000\n" +
            "  tickIntervalMs: 50\n" +
            "  histogramIntervalMs: 2s\n" +
            "  initialLeads: 100\n" +
            "  snapshots: false\n" +
            "  snapshotReplica: false\n" +
            "  snapshotEvents: 5000\n" +
            "  snapshotInterval: 1h\n" +
            "  snapshotKeep: 7\n" +
            "  journalRetention: archive\n" +
            "gateway:\n" +
            "  host: 10.1.2.3\n" +
            "  jsonPort: 9070\n" +
            "  sbePort: 9071\n" +
            "  httpPort: 0\n" +
            "  maxLineBytes: 1024\n" +
            "  maxFrameBytes: 2048\n" +
            "  maxConnections: 10\n" +
            "  maxUnauthenticated: 20\n" +
            "  helloTimeout: 2500ms\n" +
            "  idleTimeout: 90s\n" +
            "  repBufferBytes: 4096\n" +
            "  ioThreads: 2\n" +
            "tenants:\n" +
            "  - id: acme\n    token: a-token\n    repToken: a-rep\n" +
            "    rules:\n      hot:\n        forms: [demo_request]\n      claim:\n        window: 30s\n" +
            "  - id: globex\n    token: g-token\n    repToken: g-rep\n");

        final EngineContext engine = config.engine();
        assertEquals(dir.resolve("d"), engine.dataDir());
        assertEquals(1024, engine.ringSize());
        assertEquals(32768, engine.maxMessageLength());
        assertEquals(7_200_000, engine.dedupHorizonMs());
        assertEquals(1000, engine.dedupMaxIds());
        assertFalse(engine.snapshots());
        assertFalse(engine.snapshotReplica());
        assertEquals(5000, engine.snapshotIntervalEvents());
        assertEquals(3_600_000, engine.snapshotIntervalMs());
        assertEquals(7, engine.snapshotKeep());
        assertEquals(50, engine.tickIntervalMs());
        assertEquals(2000, engine.histogramIntervalMs());
        engine.conclude();
        assertEquals(Topology.PIPELINED, engine.topology());
        assertEquals(SyncMode.BATCH, engine.syncMode());
        assertEquals(JournalRetention.ARCHIVE, engine.journalRetention());
        assertInstanceOf(YieldingWaitStrategy.class, engine.waitStrategy());
        // initialLeads has no getter on EngineContext; its range is checked in shouldNameTheKeyOfABadValue.

        final GatewayContext gateway = config.gateway();
        assertEquals("10.1.2.3", gateway.host());
        assertEquals(9070, gateway.jsonPort());
        assertEquals(9071, gateway.sbePort());
        assertEquals(0, gateway.httpPort());
        assertEquals(1024, gateway.maxLineBytes());
        assertEquals(2048, gateway.maxFrameBytes());
        assertEquals(10, gateway.maxConnections());
        assertEquals(20, gateway.maxUnauthenticated());
        assertEquals(2_500, gateway.helloTimeoutMs());
        assertEquals(90_000, gateway.idleTimeoutMs());
        assertEquals(4096, gateway.repBufferBytes());
        assertEquals(2, gateway.ioThreads());

        assertEquals(List.of("acme", "globex"), List.copyOf(gateway.tenants().keySet()));
        assertEquals("g-rep", gateway.tenants().get("globex").repToken());
        assertEquals(List.of("acme", "globex"), List.copyOf(engine.tenantDocuments().keySet()));
        assertEquals(List.of("demo_request"), config.tenants().get(0).rules().hotForms());
        assertEquals(TimeUnit.SECONDS.toNanos(30), config.tenants().get(0).rules().claimWindowNs());
        assertEquals(TenantRules.DEFAULT_HOT_FORMS, config.tenants().get(1).rules().hotForms());
    }

    @Test
    void shouldFillTheTenantOfTheRulesFromTheIdAndWriteTheSameDocumentEveryTime()
    {
        final String yaml = "tenants:\n  - id: acme\n    token: t\n    repToken: r\n" +
            "    rules:\n      claim: {managerQueue: acme-leads, window: 1m}\n      hot: {cooldown: 2h}\n";

        final String document = load(yaml).tenants().get(0).rulesDocument();

        assertTrue(document.startsWith("tenant: \"acme\"\n"), document);
        assertEquals(document, load(yaml).tenants().get(0).rulesDocument());
        final TenantRules rules = TenantRulesParser.parse("acme", document);
        assertEquals("acme-leads", rules.managerQueue());
        assertEquals(TimeUnit.HOURS.toNanos(2), rules.cooldownNs());
    }

    /**
     * The launcher (and check-config) parse each tenant's rules once, with the engine's parser, and
     * leave them where the engine thread takes them when the change is applied.
     */
    @Test
    void shouldLeaveEachTenantsParsedRulesForTheEngine()
    {
        final FirstcallConfig config = load(ACME + "    rules: {hot: {forms: [webinar]}}\n");
        final TenantConfig acme = config.tenants().get(0);
        final byte[] tenant = "acme".getBytes(StandardCharsets.UTF_8);
        final byte[] document = acme.rulesDocument().getBytes(StandardCharsets.UTF_8);

        assertSame(acme.rules(), config.engine().tenantRules().find(TenantRulesParser.version(acme.rulesDocument()),
            new UnsafeBuffer(tenant), 0, tenant.length, new UnsafeBuffer(document), 0, document.length));
        assertSame(acme.rules(), config.engine().tenantRules().parseIfAbsent("acme", acme.rulesDocument()),
            "the engine's conclude() finds them and does not parse again");
    }

    @Test
    void shouldAcceptRulesThatRepeatTheTenantId()
    {
        assertEquals("acme", load(ACME + "    rules: {tenant: acme}\n").tenants().get(0).rules().tenant());
    }

    @Test
    void shouldLeaveUnsetKeysToTheirSystemPropertyAndLetTheFileWin()
    {
        final String property = GatewayContext.JSON_PORT_PROP_NAME;
        System.setProperty(property, "9123");
        try
        {
            assertEquals(9123, load(ACME).gateway().jsonPort());
            assertEquals(7070, load("gateway:\n  jsonPort: 7070\n" + ACME).gateway().jsonPort());
            assertEquals(9123, ConfigLoader.loadDefault().gateway().jsonPort(), "the embedded default yields to -D");
        }
        finally
        {
            System.clearProperty(property);
        }
    }

    @Test
    void shouldOverrideTheDataDirectory()
    {
        final FirstcallConfig config = ConfigLoader.loadDefault().dataDir(dir);

        assertEquals(dir, config.engine().dataDir());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "engin:\n  ringSize: 8\n|engin: unknown key",
        "gateway:\n  jsonPrt: 7070\n|gateway.jsonPrt: unknown key",
        "engine:\n  ringsize: 8\n|engine.ringsize: unknown key",
        "tenants:\n  - id: a\n    token: t\n    repToken: r\n    tokn: x\n|tenants[0].tokn: unknown key",
        "tenants:\n  - id: a\n    token: t\n    repToken: r\n    rules:\n      hot:\n        cooldwn: 1h\n|" +
            "tenants[0].rules.hot.cooldwn: unknown key",
        "engine:\n  dedupWindow: 262144\n|engine.dedupWindow: no longer a setting: the duplicate window is a time now, " +
            "engine.dedupHorizon" })
    void shouldNameThePathOfAnUnknownKey(final String testCase)
    {
        final String yaml = input(testCase);
        final String expected = expected(testCase);
        assertError(yaml.contains("tenants:") ? yaml : yaml + ACME, expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "engine:\n  ringSize: big\n|engine.ringSize: must be an integer, got 'big' (a string)",
        "engine:\n  ringSize: '4096'\n|engine.ringSize: must be an integer",
        "engine:\n  ringSize: 4096.0\n|engine.ringSize: must be an integer, got 4096.0 (a decimal number)",
        "engine:\n  ringSize: 1000\n|engine.ringSize: must be a power of two",
        "engine:\n  slotBytes: 99999999999\n|engine.slotBytes: must be at most 2147483647",
        "engine:\n  slotBytes: 1024\n|engine.slotBytes: must be >= 4096",
        "engine:\n  topology: ring\n|engine.topology: must be one of single, pipelined",
        "engine:\n  waitStrategy: spin\n|engine.waitStrategy: must be one of blocking, phased",
        "engine:\n  journalSync: true\n|engine.journalSync: must be one of none, batch, got true (a boolean)",
        "engine:\n  dataDir: [a]\n|engine.dataDir: must be a non-empty string, got a list",
        "engine:\n  dedupMaxIds: 0\n|engine.dedupMaxIds: must be >= 1, got 0",
        "engine:\n  dedupMaxIds: 40000000\n|engine.dedupMaxIds: must be at most 33554432, got 40000000",
        "engine:\n  dedupHorizon: 0\n|engine.dedupHorizon: must be at least 1 ms",
        "engine:\n  snapshots: yes please\n|engine.snapshots: must be true or false, got 'yes please' (a string)",
        "engine:\n  snapshotKeep: 0\n|engine.snapshotKeep: must be >= 1, got 0",
        "engine:\n  journalRetention: delete\n|engine.journalRetention: must be one of keep, archive",
        "engine:\n  tickIntervalMs: 0\n|engine.tickIntervalMs: must be at least 1 ms",
        "engine:\n  initialLeads: -1\n|engine.initialLeads: must be >= 1",
        "engine: 3\n|engine: must be a mapping",
        "gateway:\n  jsonPort: 70000\n|gateway.jsonPort: must be a port 0..65535",
        "gateway:\n  idleTimeout: 5x\n|gateway.idleTimeout: '5x' is not a duration",
        "gateway:\n  helloTimeout: 0\n|gateway.helloTimeout: must be",
        "gateway:\n  maxUnauthenticated: 0\n|gateway.maxUnauthenticated: must be",
        "gateway:\n  idleTimeout: {}\n|gateway.idleTimeout: must be a duration",
        "gateway:\n  host: ''\n|gateway.host: must be a non-empty string",
        "gateway:\n  maxFrameBytes: 32768\n|gateway.maxFrameBytes: 32768 is larger than engine.slotBytes (16384)" })
    void shouldNameTheKeyOfABadValue(final String testCase)
    {
        final String yaml = input(testCase);
        final String expected = expected(testCase);
        assertError(yaml + ACME, expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "    rules:\n      hot:\n        forms: demo_request\n|" +
            "tenants[0].rules.hot.forms: must be a list",
        "    rules:\n      claim:\n        window: 0\n|tenants[0].rules.claim.window: must be positive (tenant 'acme')",
        "    rules:\n      claim:\n        window: soon\n|tenants[0].rules.claim.window: 'soon' is not a duration",
        "    rules:\n      tenant: globex\n|tenants[0].rules.tenant: must be the tenant's id 'acme'",
        "    rules: [a]\n|tenants[0].rules: must be a mapping" })
    void shouldNameTheTenantOfBadRules(final String testCase)
    {
        final String rules = input(testCase);
        final String expected = expected(testCase);
        assertError(ACME + rules, expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "engine:\n  ringSize: 8\n|tenants: required",
        "tenants: []\n|tenants: must be a list of at least one tenant",
        "tenants:\n  acme: {}\n|tenants: must be a list",
        "tenants:\n  - id: acme\n    repToken: r\n|tenants[0].token: required",
        "tenants:\n  - token: t\n    repToken: r\n|tenants[0].id: required",
        "tenants:\n  - id: 42\n    token: t\n    repToken: r\n|tenants[0].id: must be a non-empty string, got 42 (an integer)",
        "tenants:\n  - id: a-tenant-id-longer-than-32-bytes-is-refused\n    token: t\n    repToken: r\n|" +
            "tenants[0].id: must be at most 32 bytes",
        "tenants:\n  - id: a\n    token: t\n    repToken: r\n  - id: a\n    token: u\n    repToken: s\n|" +
            "tenants[1].id: tenant 'a' is defined twice",
        "gateway:\n  jsonPort: 1\n  jsonPort: 2\n|not valid YAML: Duplicate field 'jsonPort'",
        "gateway: [\n|not valid YAML",
        "# nothing\n|the configuration is empty",
        "- a\n|(top level): must be a mapping" })
    void shouldExplainWhatIsMissingOrMalformed(final String testCase)
    {
        final String yaml = input(testCase);
        final String expected = expected(testCase);
        assertError(yaml, expected);
    }

    @Test
    void shouldReportAMissingFile()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("none.yaml")));

        assertEquals("no such file", ex.getMessage());
    }

    @Test
    void shouldFormatDurationsInTheirLargestExactUnit()
    {
        assertEquals("5m", YamlValues.formatDurationMs(300_000));
        assertEquals("1d", YamlValues.formatDurationMs(TimeUnit.HOURS.toMillis(24)));
        assertEquals("2h", YamlValues.formatDurationMs(TimeUnit.HOURS.toMillis(2)));
        assertEquals("90s", YamlValues.formatDurationMs(90_000));
        assertEquals("1500ms", YamlValues.formatDurationMs(1_500));
    }

    /**
     * @return the YAML of a "yaml|expected message start" case.
     */
    private static String input(final String testCase)
    {
        return testCase.substring(0, testCase.indexOf('|'));
    }

    private static String expected(final String testCase)
    {
        return testCase.substring(testCase.indexOf('|') + 1);
    }

    @Test
    void shouldGiveListedRepsTheirOwnTokens()
    {
        final FirstcallConfig config = load(ACME + "    repTokens:\n      ana: ana-secret\n      acme-managers: mgr-secret\n");

        final TenantAccess access = config.gateway().tenants().get("acme");
        assertEquals("ana-secret", access.repToken("ana"));
        assertEquals("mgr-secret", access.repToken("acme-managers"));
        assertEquals("rt", access.repToken("ben"), "reps not listed use the shared rep token");
        assertError(ACME + "    repTokens: [ana]\n", "tenants[0].repTokens: must be a mapping");
        assertError(ACME + "    repTokens:\n      ana: {}\n", "tenants[0].repTokens.ana: must be");
    }

    private static FirstcallConfig load(final String yaml)
    {
        return ConfigLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test");
    }

    private static void assertError(final String yaml, final String expectedStart)
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> load(yaml), yaml);
        assertTrue(ex.getMessage().startsWith(expectedStart), "expected '" + expectedStart + "...' but was: " + ex.getMessage());
    }
}
