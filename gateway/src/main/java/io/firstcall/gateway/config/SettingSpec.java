package io.firstcall.gateway.config;

/**
 * What one {@link Setting} is made of; the setting enums hold one each.
 *
 * @param <C> the context the section configures.
 */
final class SettingSpec<C>
{
    private final String key;
    private final String propertyName;
    private final String defaultValue;
    private final String meaning;
    private final Setting.Applier<C> applier;

    SettingSpec(
        final String key,
        final String propertyName,
        final String defaultValue,
        final String meaning,
        final Setting.Applier<C> applier)
    {
        this.key = key;
        this.propertyName = propertyName;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
        this.applier = applier;
    }

    String key()
    {
        return key;
    }

    String propertyName()
    {
        return propertyName;
    }

    String defaultValue()
    {
        return defaultValue;
    }

    String meaning()
    {
        return meaning;
    }

    Setting.Applier<C> applier()
    {
        return applier;
    }
}
