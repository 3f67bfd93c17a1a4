package io.firstcall.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps docs/configuration.md true: its settings table is the one the code generates, it shows the
 * embedded default verbatim, and every configuration example in it loads.
 */
class ConfigurationDocsTest
{
    static final Path DOC = Paths.get("..", "docs", "configuration.md");
    static final String TABLE_BEGIN = "<!-- settings-table:begin -->\n";
    static final String TABLE_END = "<!-- settings-table:end -->";

    @Test
    void shouldListEverySettingAsTheCodeDefinesIt() throws IOException
    {
        final String doc = Files.readString(DOC);
        final int begin = doc.indexOf(TABLE_BEGIN) + TABLE_BEGIN.length();
        final int end = doc.indexOf(TABLE_END);
        assertTrue(begin > TABLE_BEGIN.length() && end > begin, "settings table markers missing from " + DOC);

        assertEquals(SettingsTable.markdown(), doc.substring(begin, end),
            "docs/configuration.md's settings table is stale; paste the expected table between the markers");
    }

    @Test
    void shouldShowTheEmbeddedDefaultVerbatim() throws IOException
    {
        final String embedded = resource();

        assertTrue(yamlBlocks(Files.readString(DOC)).contains(embedded),
            "docs/configuration.md must show " + ConfigLoader.DEFAULT_RESOURCE + " unchanged");
    }

    @Test
    void shouldLoadEveryExampleConfiguration() throws IOException
    {
        int examples = 0;
        for (final String block : yamlBlocks(Files.readString(DOC)))
        {
            // The TLS example names files and variables of a production machine: SecurityConfigTest loads it.
            if ((block.contains("\ntenants:\n") || block.startsWith("tenants:\n")) && !block.contains("\n  tls:\n"))
            {
                ConfigLoader.load(new ByteArrayInputStream(block.getBytes(StandardCharsets.UTF_8)), "example");
                examples++;
            }
        }
        assertTrue(examples >= 4, "examples loaded: " + examples);
    }

    @Test
    void shouldKeepTheEmbeddedEngineAndGatewayValuesAtTheBuiltInDefaults() throws IOException
    {
        final JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(resource());
        for (final EngineSetting setting : EngineSetting.values())
        {
            assertEquals(setting.defaultValue(), root.path("engine").path(setting.key()).asText(), setting.key());
        }
        for (final GatewaySetting setting : GatewaySetting.values())
        {
            final String expected = GatewaySetting.HOST == setting ? "127.0.0.1" : setting.defaultValue();
            assertEquals(expected, root.path("gateway").path(setting.key()).asText(), setting.key());
        }
    }

    private static String resource() throws IOException
    {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(ConfigLoader.DEFAULT_RESOURCE))
        {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<String> yamlBlocks(final String markdown)
    {
        final List<String> blocks = new ArrayList<>();
        int from = 0;
        while (true)
        {
            final int start = markdown.indexOf("```yaml\n", from);
            if (start < 0)
            {
                return blocks;
            }
            final int end = markdown.indexOf("```", start + 8);
            blocks.add(markdown.substring(start + 8, end));
            from = end + 3;
        }
    }
}
