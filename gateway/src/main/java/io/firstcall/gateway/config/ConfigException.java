package io.firstcall.gateway.config;

/**
 * A configuration that cannot be used. The message starts with the path of the key at fault, such
 * as {@code gateway.jsonPort: must be 0..65535, got 70000}, so an operator can find it in the file.
 */
public final class ConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public ConfigException(final String message)
    {
        super(message);
    }

    public ConfigException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
