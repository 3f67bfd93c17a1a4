package io.firstcall.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A blocking TCP connection to the gateway that has said hello and been welcomed, with a daemon
 * thread reading every later server message into a {@link MessageReader.Handler}.
 */
final class ClientSocket implements AutoCloseable
{
    private static final int HELLO_TIMEOUT_MS = 10_000;

    private final Socket socket;
    private final OutputStream out;
    private final Thread reader;
    private volatile boolean closing;

    private ClientSocket(final Socket socket, final boolean framed, final MessageReader.Handler handler, final String name)
        throws IOException
    {
        this.socket = socket;
        out = socket.getOutputStream();
        final InputStream in = socket.getInputStream();
        final MessageReader messages = new MessageReader(framed, handler);
        reader = new Thread(() ->
        {
            try
            {
                while (messages.readOnce(in))
                {
                    continue;
                }
            }
            catch (final IOException ex)
            {
                if (!closing)
                {
                    System.err.println(name + ": " + ex);
                }
            }
        }, name);
        reader.setDaemon(true);
    }

    /**
     * Connect, send the framed hello and wait for the welcome.
     *
     * @throws IOException when the server answers anything but a welcome.
     */
    static ClientSocket open(
        final InetSocketAddress address,
        final byte[] hello,
        final int helloLength,
        final boolean framed,
        final MessageReader.Handler handler,
        final String name) throws IOException
    {
        final Socket socket = new Socket();
        try
        {
            socket.setTcpNoDelay(true);
            socket.connect(address, HELLO_TIMEOUT_MS);
            socket.setSoTimeout(HELLO_TIMEOUT_MS);
            socket.getOutputStream().write(hello, 0, helloLength);
            final String reply = readReply(socket.getInputStream(), framed);
            if (!reply.startsWith("{\"type\":\"welcome\""))
            {
                throw new IOException(name + " was not welcomed: " + reply);
            }
            socket.setSoTimeout(0);
            final ClientSocket client = new ClientSocket(socket, framed, handler, name);
            client.reader.start();
            return client;
        }
        catch (final IOException | RuntimeException ex)
        {
            socket.close();
            throw ex;
        }
    }

    void write(final byte[] bytes, final int offset, final int length) throws IOException
    {
        out.write(bytes, offset, length);
    }

    public void close()
    {
        closing = true;
        try
        {
            socket.close();
        }
        catch (final IOException ignore)
        {
            // the run is over; nothing to tell
        }
    }

    /**
     * One reply, byte by byte: it happens once per connection.
     */
    private static String readReply(final InputStream in, final boolean framed) throws IOException
    {
        if (framed)
        {
            final byte[] prefix = in.readNBytes(4);
            if (prefix.length < 4)
            {
                throw new IOException("connection closed before the welcome");
            }
            final int length = (prefix[0] & 0xFF) | (prefix[1] & 0xFF) << 8 | (prefix[2] & 0xFF) << 16 | (prefix[3] & 0xFF) << 24;
            return new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
        final StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read())
        {
            if (b < 0)
            {
                throw new IOException("connection closed before the welcome: " + line);
            }
            line.append((char)b);
        }
        return line.toString();
    }
}
