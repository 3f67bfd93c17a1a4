package io.firstcall.gateway.config;

/**
 * The settings table of docs/configuration.md, generated from the {@link Setting}s so the docs
 * cannot drift from the code: a test compares the two and prints this table when they differ.
 */
final class SettingsTable
{
    private SettingsTable()
    {
    }

    static String markdown()
    {
        final StringBuilder table = new StringBuilder(4096)
            .append("| key | system property | default | meaning |\n")
            .append("| --- | --- | --- | --- |\n");
        rows(table, "engine", EngineSetting.values());
        rows(table, "gateway", GatewaySetting.values());
        rows(table, "gateway", SecuritySetting.values());
        return table.toString();
    }

    private static void rows(final StringBuilder table, final String section, final Setting<?>[] settings)
    {
        for (final Setting<?> setting : settings)
        {
            table.append("| `").append(section).append('.').append(setting.key())
                .append("` | `").append(setting.propertyName())
                .append("` | `").append(setting.defaultValue())
                .append("` | ").append(setting.meaning())
                .append(" |\n");
        }
    }
}
