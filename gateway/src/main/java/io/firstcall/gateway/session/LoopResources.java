package io.firstcall.gateway.session;

import io.firstcall.gateway.json.JsonOutputEncoder;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * What every connection on one event loop can share because the loop runs one handler at a time: the
 * JSON encoder (it carries a 64 KiB scratch array), the push renderer over it, and a scratch array to
 * copy an inbound line into.
 */
public final class LoopResources
{
    private static final FastThreadLocal<LoopResources> CURRENT = new FastThreadLocal<>()
    {
        protected LoopResources initialValue()
        {
            return new LoopResources();
        }
    };

    private final JsonOutputEncoder encoder = new JsonOutputEncoder();
    private final PushRenderer pushRenderer = new PushRenderer(encoder);
    private byte[] scratch = new byte[4096];

    private LoopResources()
    {
    }

    /**
     * @return the calling event loop's resources.
     */
    public static LoopResources current()
    {
        return CURRENT.get();
    }

    public JsonOutputEncoder encoder()
    {
        return encoder;
    }

    PushRenderer pushRenderer()
    {
        return pushRenderer;
    }

    /**
     * @return an array of at least {@code length} bytes, valid until the next call on this loop.
     */
    public byte[] scratch(final int length)
    {
        if (scratch.length < length)
        {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }

        return scratch;
    }
}
