package io.firstcall.gateway.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a copy of what is written to standard error while it is open (the log, as slf4j-simple writes
 * it, and anything Netty logs of an exception that reached the end of a pipeline), still passing it on.
 * The counted errors go through the engine's error handler; this catches what bypasses it.
 */
final class ErrorLogCapture implements AutoCloseable
{
    private static final int MAX_KEPT = 1 << 20;

    private final PrintStream original = System.err;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    ErrorLogCapture()
    {
        System.setErr(new PrintStream(new OutputStream()
        {
            public void write(final int b)
            {
                original.write(b);
                keep(new byte[] {(byte)b}, 0, 1);
            }

            public void write(final byte[] bytes, final int offset, final int length)
            {
                original.write(bytes, offset, length);
                keep(bytes, offset, length);
            }
        }, true, StandardCharsets.UTF_8));
    }

    /**
     * @return the lines written that tell of an exception or an error.
     */
    List<String> errorLines()
    {
        final List<String> lines = new ArrayList<>();
        for (final String line : kept().split("\n"))
        {
            if (line.contains("Exception") || line.contains(" ERROR ") || line.contains("SEVERE") ||
                line.contains("reached at the tail of the pipeline"))
            {
                lines.add(line);
            }
        }
        return lines;
    }

    public void close()
    {
        System.setErr(original);
    }

    private synchronized void keep(final byte[] bytes, final int offset, final int length)
    {
        if (kept.size() < MAX_KEPT)
        {
            kept.write(bytes, offset, length);
        }
    }

    private synchronized String kept()
    {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
