package io.firstcall.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One key of a configuration section, with the system property it shadows, its default and what
 * it means: the rows of the settings table in docs/configuration.md, and the code that applies it.
 *
 * @param <C> the context the section configures.
 */
interface Setting<C>
{
    /**
     * How a YAML value is checked and applied to a context.
     *
     * @param <C> the context the section configures.
     */
    @FunctionalInterface
    interface Applier<C>
    {
        void apply(C context, JsonNode value, String path);
    }

    /**
     * @return the key, property, default, meaning and applier: what every setting is made of.
     */
    SettingSpec<C> spec();

    /**
     * @return the key inside its section, e.g. {@code ringSize}.
     */
    default String key()
    {
        return spec().key();
    }

    /**
     * @return the system property read when the file does not set the key.
     */
    default String propertyName()
    {
        return spec().propertyName();
    }

    /**
     * @return the built-in default, as it would be written in the file.
     */
    default String defaultValue()
    {
        return spec().defaultValue();
    }

    /**
     * @return one line for operators.
     */
    default String meaning()
    {
        return spec().meaning();
    }

    /**
     * @throws ConfigException naming {@code path} when the value has the wrong type or range.
     */
    default void apply(final C context, final JsonNode value, final String path)
    {
        spec().applier().apply(context, value, path);
    }
}
