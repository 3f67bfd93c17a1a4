package io.firstcall.gateway.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A blocking loopback client that sends raw bytes and reads raw replies (lines or length-prefixed
 * frames), so the storm sees every byte the gateway writes. Every read has a deadline.
 */
final class StormSocket implements AutoCloseable
{
    static final int READ_TIMEOUT_MS = 15_000;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final ConnectionModel.Transport transport;
    private final ByteArrayOutputStream reply = new ByteArrayOutputStream(256);

    private StormSocket(final Socket socket, final ConnectionModel.Transport transport) throws IOException
    {
        this.socket = socket;
        this.transport = transport;
        this.out = socket.getOutputStream();
        this.in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    }

    static StormSocket connect(final int port, final ConnectionModel.Transport transport)
    {
        try
        {
            final Socket socket = new Socket();
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
            return new StormSocket(socket, transport);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    void write(final byte[] bytes, final int offset, final int length)
    {
        try
        {
            out.write(bytes, offset, length);
            out.flush();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("write of " + length + " bytes", ex);
        }
    }

    /**
     * @return the next reply's bytes (a line without its newline, or a frame's body), or null at the end
     * of the stream.
     * @throws AssertionError when nothing arrives within the deadline.
     */
    byte[] read()
    {
        try
        {
            return ConnectionModel.Transport.LINES == transport ? readLine() : readFrame();
        }
        catch (final SocketTimeoutException ex)
        {
            throw new AssertionError("no reply within " + READ_TIMEOUT_MS + " ms");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return true when bytes can be read without waiting.
     */
    boolean hasInput()
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

    void shutdownOutput()
    {
        try
        {
            socket.shutdownOutput();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public void close()
    {
        try
        {
            socket.close();
        }
        catch (final IOException ignore)
        {
            // the storm is done with it
        }
    }

    private byte[] readLine() throws IOException
    {
        reply.reset();
        int b;
        while ('\n' != (b = in.read()))
        {
            if (-1 == b)
            {
                if (reply.size() > 0)
                {
                    throw new AssertionError("the connection ended inside a reply: " + reply);
                }
                return null;
            }
            reply.write(b);
        }
        return reply.toByteArray();
    }

    private byte[] readFrame() throws IOException
    {
        final byte[] prefix = in.readNBytes(4);
        if (0 == prefix.length)
        {
            return null;
        }
        if (prefix.length < 4)
        {
            throw new AssertionError("the connection ended inside a reply's length prefix");
        }
        final int length = (prefix[0] & 0xFF) | (prefix[1] & 0xFF) << 8 | (prefix[2] & 0xFF) << 16 | (prefix[3] & 0xFF) << 24;
        if (length < 0 || length > 1 << 20)
        {
            throw new AssertionError("a reply frame of " + (length & 0xFFFF_FFFFL) + " bytes");
        }
        final byte[] body = in.readNBytes(length);
        if (body.length < length)
        {
            throw new AssertionError("the connection ended inside a reply frame");
        }
        return body;
    }
}
