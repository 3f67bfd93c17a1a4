package io.firstcall.gateway.fuzz;

/**
 * Shows input bytes in a failure message: printable ASCII as is, everything else as {@code \xNN}.
 */
final class Bytes
{
    private static final int MAX_SHOWN = 600;

    private Bytes()
    {
    }

    static String show(final byte[] bytes)
    {
        if (null == bytes)
        {
            return "(none)";
        }
        final StringBuilder out = new StringBuilder(Math.min(bytes.length, MAX_SHOWN) * 2 + 32);
        out.append(bytes.length).append(" bytes: ");
        for (int i = 0; i < bytes.length && out.length() < MAX_SHOWN; i++)
        {
            final int b = bytes[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '\\')
            {
                out.append((char)b);
            }
            else
            {
                out.append(String.format("\\x%02x", b));
            }
        }
        if (out.length() >= MAX_SHOWN)
        {
            out.append("...");
        }
        return out.toString();
    }
}
