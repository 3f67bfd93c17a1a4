package io.firstcall.gateway.fuzz;

/**
 * One input the storm sends on a connection: its bytes as they go on the wire (a line with its ending,
 * or a frame with its length prefix; mutations may break either), what it is, for the report, and
 * where to split it into two TCP segments, or -1.
 */
record Unit(byte[] bytes, String kind, int splitAt)
{
    Unit(final byte[] bytes, final String kind)
    {
        this(bytes, kind, -1);
    }
}
