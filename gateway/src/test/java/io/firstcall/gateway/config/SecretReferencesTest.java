package io.firstcall.gateway.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretReferencesTest
{
    private static final String SECRET = "s3cr3t-acme-token-value";

    @TempDir
    Path dir;

    @Test
    void shouldResolveEnvironmentAndFileReferencesInAnyStringValue() throws IOException
    {
        final Path repToken = Files.writeString(dir.resolve("rep-token"), "rep-from-file\n");
        final Path config = write(
            "gateway:\n" +
            "  host: ${env:FIRSTCALL_HOST}\n" +
            "tenants:\n" +
            "  - id: acme\n" +
            "    token: ${env:ACME_TOKEN}\n" +
            "    repToken: ${file:" + repToken + "}\n" +
            "    repTokens: {r1: '${file:" + repToken + "}'}\n");

        final FirstcallConfig loaded = ConfigLoader.load(
            config, env(Map.of("FIRSTCALL_HOST", "127.0.0.1", "ACME_TOKEN", SECRET)));

        assertEquals("127.0.0.1", loaded.gateway().host());
        assertEquals(SECRET, loaded.tenants().get(0).access().sourceToken());
        assertEquals("rep-from-file", loaded.tenants().get(0).access().repToken());
        assertEquals("rep-from-file", loaded.tenants().get(0).access().repToken("r1"));
    }

    @Test
    void shouldStripOnlyTrailingNewlinesFromFileContent()
    {
        assertEquals("a b", SecretReferences.stripTrailingNewlines("a b\r\n\n"));
        assertEquals(" a ", SecretReferences.stripTrailingNewlines(" a "));
        assertEquals("", SecretReferences.stripTrailingNewlines("\n"));
    }

    @Test
    void shouldNameTheKeyWhenTheVariableIsNotSet() throws IOException
    {
        final Path config = write("tenants:\n  - id: acme\n    token: ${env:ACME_TOKEN}\n    repToken: rt\n");

        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(config, env(Map.of())));

        assertEquals("tenants[0].token: ${env:ACME_TOKEN}: environment variable ACME_TOKEN is not set", ex.getMessage());
    }

    @Test
    void shouldNameTheKeyWhenTheFileIsMissing() throws IOException
    {
        final Path missing = dir.resolve("nope");
        final Path config = write("gateway:\n  host: '${file:" + missing + "}'\n" +
            "tenants:\n  - id: acme\n    token: t\n    repToken: rt\n");

        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(config, env(Map.of())));

        assertEquals("gateway.host: ${file:" + missing + "}: no such file", ex.getMessage());
    }

    @Test
    void shouldRefuseAnUnknownReferenceScheme() throws IOException
    {
        final Path config = write("tenants:\n  - id: acme\n    token: ${vault:x}\n    repToken: rt\n");

        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(config, env(Map.of())));

        assertTrue(ex.getMessage().startsWith("tenants[0].token: ${vault:x}: not a reference"), ex.getMessage());
    }

    @Test
    void shouldNeverPrintASecretInAnError() throws IOException
    {
        final String[] files = {
            "tenants:\n  - id: acme\n    token: 123456789\n    repToken: rt\n",
            "tenants:\n  - id: acme\n    token: t\n    repToken: rt\n    repTokens: {r1: 123456789}\n",
            "tenants:\n  - id: acme\n    token: ${env:T}\n    repToken: rt\n    rules: {claim: {window: ${env:T}}}\n",
            "gateway:\n  jsonPort: ${env:T}\ntenants:\n  - id: acme\n    token: t\n    repToken: rt\n",
            "tenants:\n  - id: acme\n    token: '" + "x".repeat(255) + "123456789'\n    repToken: rt\n",
        };
        for (final String file : files)
        {
            final Path config = write(file);
            final ConfigException ex = assertThrows(
                ConfigException.class, () -> ConfigLoader.load(config, env(Map.of("T", "123456789"))), file);
            assertFalse(messages(ex).contains("123456789"), messages(ex));
        }
    }

    @Test
    void shouldNotPrintTheLineOfAYamlSyntaxError() throws IOException
    {
        final Path config = write("tenants:\n  - id: acme\n    token: " + SECRET + ": broken\n    repToken: rt\n");

        final ConfigException ex = assertThrows(ConfigException.class, () -> ConfigLoader.load(config, env(Map.of())));

        assertTrue(ex.getMessage().startsWith("not valid YAML"), ex.getMessage());
        assertTrue(ex.getMessage().contains("line 3"), ex.getMessage());
        assertFalse(messages(ex).contains(SECRET), messages(ex));
    }

    private static String messages(final Throwable ex)
    {
        final StringBuilder all = new StringBuilder();
        for (Throwable t = ex; null != t; t = t.getCause())
        {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    private Path write(final String yaml) throws IOException
    {
        return Files.write(dir.resolve("firstcall.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static UnaryOperator<String> env(final Map<String, String> variables)
    {
        return variables::get;
    }
}
