package io.firstcall.gateway.session;

import io.netty.handler.codec.CorruptedFrameException;

/**
 * A connection's input ended inside a line or frame. Thrown by the transports' frame decoders when
 * their input closes with bytes left over, which Netty's decoders otherwise drop silently.
 */
public final class TruncatedFrameException extends CorruptedFrameException
{
    private static final long serialVersionUID = 1L;

    public TruncatedFrameException(final int leftoverBytes)
    {
        super("input ended inside a frame, " + leftoverBytes + " bytes left over");
    }
}
