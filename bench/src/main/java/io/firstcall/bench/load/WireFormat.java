package io.firstcall.bench.load;

/**
 * How a source connection frames its hello and its events: JSON lines on the JSON port, or SBE
 * messages behind a length prefix on the SBE port. Encoders write into the caller's array and
 * allocate nothing.
 */
interface WireFormat
{
    /** Room one framed event needs at most. */
    int MAX_EVENT_BYTES = 512;

    String name();

    /**
     * @return true when replies come as length-prefixed frames rather than lines.
     */
    boolean framed();

    /**
     * @return the framed hello's length, written at offset 0.
     */
    int hello(byte[] dst, String tenant, String token);

    /**
     * Write event {@code index} of {@code phase}, framed, at {@code offset}.
     *
     * @return its length.
     */
    int encode(byte[] dst, int offset, LoadEvents events, int phase, long index);

    static WireFormat byName(final String name, final String tenant)
    {
        switch (name)
        {
            case "json":
                return new JsonWire();
            case "sbe":
                return new SbeWire(tenant);
            default:
                throw new IllegalArgumentException("unknown protocol '" + name + "': use json or sbe");
        }
    }
}
