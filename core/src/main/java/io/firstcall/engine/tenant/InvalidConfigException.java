package io.firstcall.engine.tenant;

/**
 * A configuration document that cannot be applied; the message names the key at fault.
 */
public final class InvalidConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public InvalidConfigException(final String message)
    {
        super(message);
    }
}
