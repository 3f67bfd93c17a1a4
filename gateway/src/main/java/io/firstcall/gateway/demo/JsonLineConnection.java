package io.firstcall.gateway.demo;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A blocking client connection speaking JSON lines: connects, says hello and waits for the welcome.
 * One thread writes, one thread reads; {@link #close()} from any thread unblocks both.
 */
final class JsonLineConnection implements AutoCloseable
{
    private final Socket socket;
    private final BufferedReader reader;
    private final OutputStream out;

    private JsonLineConnection(final Socket socket) throws IOException
    {
        this.socket = socket;
        reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8), 64 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    /**
     * @param hello     the first line, e.g. {@code {"type":"hello","tenant":"demo","token":"..."}}.
     * @param timeoutMs for the connect and for the welcome.
     * @throws IOException when the server cannot be reached or refuses the hello (with its answer).
     */
    static JsonLineConnection open(final InetSocketAddress address, final String hello, final int timeoutMs)
        throws IOException
    {
        final Socket socket = new Socket();
        try
        {
            socket.setTcpNoDelay(true);
            socket.connect(address, timeoutMs);
            socket.setSoTimeout(timeoutMs);
            final JsonLineConnection connection = new JsonLineConnection(socket);
            connection.write(hello);
            connection.flush();
            final String answer = connection.readLine();
            final PushLine welcome = new PushLine();
            if (null == answer || !welcome.parse(answer) || !"welcome".equals(welcome.type))
            {
                throw new IOException("hello refused by " + address + ": " + (null == answer ? "connection closed" : answer));
            }
            socket.setSoTimeout(0);
            return connection;
        }
        catch (final IOException | RuntimeException ex)
        {
            socket.close();
            throw ex;
        }
    }

    /**
     * Buffer one line; {@link #flush()} sends what is buffered.
     */
    void write(final String line) throws IOException
    {
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    void flush() throws IOException
    {
        out.flush();
    }

    /**
     * @return the next line, or null when the server closed the connection.
     */
    String readLine() throws IOException
    {
        return reader.readLine();
    }

    public void close()
    {
        try
        {
            socket.close();
        }
        catch (final IOException ignore)
        {
            // Closing is best effort: the demo is stopping either way.
        }
    }
}
