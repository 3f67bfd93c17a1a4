package io.firstcall.gateway.support;

import org.agrona.DirectBuffer;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A blocking client of the SBE port: 4-byte little-endian length prefix, then the body. Replies are
 * JSON objects in the same framing. Every read has a deadline.
 */
public final class FrameClient implements AutoCloseable
{
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private FrameClient(final Socket socket) throws IOException
    {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /**
     * @param socket already connected, e.g. a TLS socket; its read timeout is set here.
     */
    public static FrameClient over(final Socket socket)
    {
        try
        {
            socket.setSoTimeout(LineClient.READ_TIMEOUT_MS);
            return new FrameClient(socket);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public static FrameClient connect(final int port)
    {
        try
        {
            final Socket socket = new Socket();
            socket.setSoTimeout(LineClient.READ_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), LineClient.READ_TIMEOUT_MS);
            return new FrameClient(socket);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public static byte[] frame(final byte[] body)
    {
        return ByteBuffer.allocate(4 + body.length).order(ByteOrder.LITTLE_ENDIAN).putInt(body.length).put(body).array();
    }

    public FrameClient sendFrame(final byte[] body)
    {
        return sendRaw(frame(body));
    }

    public FrameClient sendFrame(final DirectBuffer buffer, final int length)
    {
        final byte[] body = new byte[length];
        buffer.getBytes(0, body);
        return sendFrame(body);
    }

    public FrameClient sendRaw(final byte[] bytes)
    {
        try
        {
            out.write(bytes);
            out.flush();
            return this;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public Map<String, Object> hello(final String tenant, final String token)
    {
        sendFrame(("{\"type\":\"hello\",\"tenant\":\"" + tenant + "\",\"token\":\"" + token + "\"}")
            .getBytes(StandardCharsets.UTF_8));
        return read();
    }

    /**
     * @return the next frame's body as a JSON object.
     */
    public Map<String, Object> read()
    {
        try
        {
            final byte[] prefix = new byte[4];
            in.readFully(prefix);
            final int length = ByteBuffer.wrap(prefix).order(ByteOrder.LITTLE_ENDIAN).getInt();
            final byte[] body = new byte[length];
            in.readFully(body);
            return LineClient.parse(new String(body, StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return true when a reply can be read without waiting.
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

    public boolean isClosedByServer()
    {
        try
        {
            return -1 == in.read();
        }
        catch (final EOFException ex)
        {
            return true;
        }
        catch (final IOException ex)
        {
            return true;
        }
    }

    public void shutdownOutput()
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
            // closing a test socket
        }
    }
}
