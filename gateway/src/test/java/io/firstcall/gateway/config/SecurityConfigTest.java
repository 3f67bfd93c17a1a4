package io.firstcall.gateway.config;

import io.firstcall.gateway.GatewayContext;
import io.firstcall.gateway.support.TestPki;
import io.netty.handler.ssl.ClientAuth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's tls, ops and limits sub-sections: read from nested keys, checked as the rest of the
 * file is, TLS files loaded by check-config already.
 */
class SecurityConfigTest
{
    private static final String TENANTS = "tenants:\n  - id: acme\n    token: t\n    repToken: rt\n";

    @TempDir
    Path dir;

    @Test
    void shouldLeaveTlsOffAndEndpointsOpenByDefault()
    {
        final GatewayContext gateway = ConfigLoader.loadDefault().gateway();

        assertFalse(gateway.tls().isEnabled());
        assertTrue(gateway.opsOpenHealth());
        assertTrue(gateway.opsOpenMetrics());
        assertEquals(0, gateway.connectionEventsPerSecond());
        assertEquals(0, gateway.tenantEventsPerSecond());
    }

    @Test
    void shouldReadNestedSecurityKeys() throws IOException
    {
        final TestPki pki = TestPki.create(dir, "config CA");
        final TestPki.Issued server = pki.server("server");
        final GatewayContext gateway = load(
            "gateway:\n" +
            "  tls:\n" +
            "    certificate: " + server.certificateFile() + "\n" +
            "    privateKey: " + server.privateKeyFile() + "\n" +
            "    clientCa: " + pki.caFile() + "\n" +
            "    clientAuth: require\n" +
            "    reloadInterval: 1m\n" +
            "    provider: jdk\n" +
            "  ops:\n" +
            "    token: ${env:OPS}\n" +
            "    openMetrics: false\n" +
            "  limits:\n" +
            "    connectionEventsPerSecond: 100\n" +
            "    connectionBurst: 10\n" +
            "    tenantEventsPerSecond: 1000\n" +
            TENANTS).gateway();

        assertTrue(gateway.tls().isEnabled());
        assertEquals(server.certificateFile(), gateway.tls().certificateFile());
        assertEquals(pki.caFile(), gateway.tls().clientCaFile());
        assertEquals(ClientAuth.REQUIRE, gateway.tls().clientAuth());
        assertEquals(60_000, gateway.tls().reloadIntervalMs());
        assertEquals("jdk", gateway.tls().provider());
        assertEquals("ops-secret", gateway.opsToken());
        assertTrue(gateway.opsOpenHealth());
        assertFalse(gateway.opsOpenMetrics());
        assertEquals(100, gateway.connectionEventsPerSecond());
        assertEquals(10, gateway.connectionBurst());
        assertEquals(1000, gateway.tenantEventsPerSecond());
        assertEquals(0, gateway.tenantBurst());
    }

    @Test
    void shouldNameTheKeyOfABadSecuritySetting()
    {
        assertError("gateway.tls.certficate: unknown key", "gateway:\n  tls:\n    certficate: x.pem\n");
        assertError("gateway.tls: must be a mapping", "gateway:\n  tls: on\n");
        assertError("gateway.tls.clientAuth: must be one of none, optional, require",
            "gateway:\n  tls:\n    clientAuth: always\n");
        assertError("gateway.ops.openHealth: must be true or false", "gateway:\n  ops:\n    openHealth: 'yes'\n");
        assertError("gateway.limits.connectionBurst: must be >= 0", "gateway:\n  limits:\n    connectionBurst: -1\n");
        assertError("gateway.tls.certificate: " + dir.resolve("none.crt") + ": no such file",
            "gateway:\n  tls:\n    certificate: " + dir.resolve("none.crt") + "\n    privateKey: " +
            dir.resolve("none.key") + "\n");
    }

    @Test
    void shouldRefuseAKeyThatDoesNotBelongToTheCertificate()
    {
        final TestPki pki = TestPki.create(dir, "config CA");
        final TestPki.Issued one = pki.server("one");
        final TestPki.Issued two = pki.server("two");

        assertError("gateway.tls.privateKey: does not belong to the certificate in gateway.tls.certificate",
            "gateway:\n  tls:\n    certificate: " + one.certificateFile() + "\n    privateKey: " +
            two.privateKeyFile() + "\n");
    }

    @Test
    void shouldExplainATraditionalFormatKey() throws IOException
    {
        final TestPki.Issued server = TestPki.create(dir, "config CA").server("server");
        final Path pkcs1 = Files.writeString(dir.resolve("rsa.key"),
            "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n");

        assertError("gateway.tls.privateKey: " + pkcs1 + ": the key is in the traditional",
            "gateway:\n  tls:\n    certificate: " + server.certificateFile() + "\n    privateKey: " + pkcs1 + "\n");
    }

    @Test
    void shouldNeverPrintTheOpsToken()
    {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> load("gateway:\n  ops:\n    token: 987654321\n" + TENANTS));

        assertTrue(ex.getMessage().startsWith("gateway.ops.token: must be a non-empty string, got an integer"),
            ex.getMessage());
        assertFalse(ex.getMessage().contains("987654321"));
        assertNull(ex.getCause());
    }

    @Test
    void shouldLoadTheTlsExampleOfTheDocs() throws IOException
    {
        final String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        final int start = doc.indexOf("```yaml\n", doc.indexOf("## TLS")) + "```yaml\n".length();
        final String example = doc.substring(start, doc.indexOf("```", start));
        assertTrue(example.contains("\n  tls:\n"), example);

        final Path tls = Files.createDirectories(dir.resolve("tls"));
        final TestPki pki = TestPki.create(tls, "sources CA");
        final TestPki.Issued server = pki.server("server");
        Files.copy(pki.caFile(), tls.resolve("sources-ca.pem"));
        Files.writeString(tls.resolve("ops-token"), "operator-token-from-file\n");
        final Path file = Files.writeString(dir.resolve("prod.yaml"), example.replace("/etc/firstcall/tls/", tls + "/"));

        final FirstcallConfig config = ConfigLoader.load(file,
            Map.of("ACME_SOURCE_TOKEN", "s", "ACME_REP_TOKEN", "r", "ACME_OPS_TOKEN", "o")::get);

        assertEquals(server.certificateFile(), config.gateway().tls().certificateFile());
        assertEquals(ClientAuth.REQUIRE, config.gateway().tls().clientAuth());
        assertEquals("operator-token-from-file", config.gateway().opsToken());
        assertEquals("o", config.tenants().get(0).access().opsToken());
        assertFalse(config.gateway().opsOpenMetrics());
    }

    private void assertError(final String expectedStart, final String gatewaySection)
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> load(gatewaySection + TENANTS));
        assertTrue(ex.getMessage().startsWith(expectedStart), ex.getMessage());
    }

    private FirstcallConfig load(final String yaml) throws IOException
    {
        final Path file = Files.writeString(dir.resolve("firstcall.yaml"), yaml);
        return ConfigLoader.load(file, Map.of("OPS", "ops-secret")::get);
    }
}
