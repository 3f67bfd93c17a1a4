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
     * @return the key inside its section, e.g. {@code ringSize}.
     */
    String key();

    /**
     * @return the system property read when the file does not set the key.
     */
    String propertyName();

    /**
     * @return the built-in default, as it would be written in the file.
     */
    String defaultValue();

    /**
     * @return one line for operators.
     */
    String meaning();

    /**
     * @throws ConfigException naming {@code path} when the value has the wrong type or range.
     */
    void apply(C context, JsonNode value, String path);
}
