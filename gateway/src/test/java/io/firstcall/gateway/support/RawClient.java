package io.firstcall.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A TCP connection that speaks no protocol of its own: it stays silent, trickles bytes, or sends an HTTP
 * request by hand, and reads whatever the server says until the server closes. Every read has a deadline.
 */
public final class RawClient implements AutoCloseable
{
    private final Socket socket;
    private final InputStream in;

    private RawClient(final Socket socket) throws IOException
    {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    public static RawClient connect(final int port)
    {
        try
        {
            final Socket socket = new Socket();
            socket.setSoTimeout(LineClient.READ_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), LineClient.READ_TIMEOUT_MS);
            return new RawClient(socket);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public RawClient send(final String text)
    {
        try
        {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return this;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return true when the server has sent something not read yet.
     */
    public boolean hasInput()
    {
        try
        {
            return in.available() > 0;
        }
        catch (final IOException ex)
        {
            return true;
        }
    }

    /**
     * @return what the server sent until it closed the connection, as ISO-8859-1 text.
     * @throws AssertionError when the server does not close within the read deadline.
     */
    public String readUntilClosed()
    {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final byte[] chunk = new byte[4096];
        try
        {
            int read;
            while ((read = in.read(chunk)) >= 0)
            {
                received.write(chunk, 0, read);
            }
        }
        catch (final SocketTimeoutException ex)
        {
            throw new AssertionError("the server did not close; it sent " +
                received.toString(StandardCharsets.ISO_8859_1), ex);
        }
        catch (final IOException ex)
        {
            // A reset after the server's answer ends the stream as well.
        }

        return received.toString(StandardCharsets.ISO_8859_1);
    }

    public void close()
    {
        try
        {
            socket.close();
        }
        catch (final IOException ignore)
        {
            // closing a test socket
        }
    }
}
