package io.firstcall.gateway.fuzz;

/**
 * One input the storm sends on a connection: its bytes as they go on the wire (a line with its ending,
 * or a frame with its length prefix; mutations may break either) and what it is, for the report.
 */
record Unit(byte[] bytes, String kind)
{
}
