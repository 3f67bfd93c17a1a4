package io.firstcall.gateway.logging;

import java.util.Locale;

/**
 * How log lines are written: plain text for people, or one JSON object per line for a log shipper.
 * Chosen with {@code --log-format} or the system property {@value #PROP_NAME}.
 */
public enum LogFormat
{
    TEXT,
    JSON;

    public static final String PROP_NAME = "firstcall.log.format";
    public static final String DEFAULT = "text";

    /**
     * @return the format the system property names, or {@link #TEXT}.
     * @throws IllegalArgumentException naming the property when its value is neither text nor json.
     */
    public static LogFormat configured()
    {
        return parse(System.getProperty(PROP_NAME, DEFAULT), PROP_NAME);
    }

    /**
     * @param value {@code text} or {@code json}, any case.
     * @param source what to name in the error, e.g. the property or option.
     */
    public static LogFormat parse(final String value, final String source)
    {
        switch (value.trim().toLowerCase(Locale.ROOT))
        {
            case "text":
                return TEXT;

            case "json":
                return JSON;

            default:
                throw new IllegalArgumentException(source + " must be text or json: " + value);
        }
    }
}
