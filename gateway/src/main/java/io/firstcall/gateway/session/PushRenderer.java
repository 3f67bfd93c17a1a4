package io.firstcall.gateway.session;

import io.firstcall.gateway.json.JsonOutputEncoder;
import org.agrona.DirectBuffer;

/**
 * The one place a push to a rep is turned from the engine's SBE output into the JSON line the rep
 * reads. One per event loop (it holds the loop's encoder, see {@link LoopResources}).
 */
final class PushRenderer
{
    private final JsonOutputEncoder encoder;

    PushRenderer(final JsonOutputEncoder encoder)
    {
        this.encoder = encoder;
    }

    /**
     * @return the length of the line now in {@link #line()}, or 0 when the output is nothing a rep is shown.
     */
    int render(final DirectBuffer output, final int offset, final int length)
    {
        return encoder.encode(output, offset, length);
    }

    /**
     * @return the rendered line, from offset 0.
     */
    DirectBuffer line()
    {
        return encoder.buffer();
    }
}
