package io.firstcall.gateway.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A blocking JSON lines client on loopback. Every read has a deadline (the socket timeout), so a
 * missing reply fails the test instead of hanging it.
 */
public final class LineClient implements AutoCloseable
{
    public static final int READ_TIMEOUT_MS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Socket socket;
    private final OutputStream out;
    private final BufferedReader in;

    private LineClient(final Socket socket) throws IOException
    {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * @param socket already connected, e.g. a TLS socket; its read timeout is set here.
     */
    public static LineClient over(final Socket socket)
    {
        try
        {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            return new LineClient(socket);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public static LineClient connect(final int port)
    {
        return connect(port, -1);
    }

    /**
     * @param receiveBufferBytes the socket's receive buffer, or -1 for the default.
     */
    public static LineClient connect(final int port, final int receiveBufferBytes)
    {
        try
        {
            final Socket socket = new Socket();
            if (receiveBufferBytes > 0)
            {
                socket.setReceiveBufferSize(receiveBufferBytes);
            }
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
            return new LineClient(socket);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public static Map<String, Object> parse(final String json)
    {
        try
        {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>()
            {
            });
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("not JSON: " + json, ex);
        }
    }

    public LineClient send(final String line)
    {
        return sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public LineClient sendRaw(final byte[] bytes)
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

    /**
     * @return the next line, or null at the end of the stream.
     */
    public String readLine()
    {
        try
        {
            return in.readLine();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return the next line as a JSON object.
     * @throws AssertionError at the end of the stream.
     */
    public Map<String, Object> read()
    {
        final String line = readLine();
        if (null == line)
        {
            throw new AssertionError("connection closed, expected a line");
        }

        return parse(line);
    }

    /**
     * @return true when the server closed the connection (end of stream, or reset) with no more lines.
     */
    public boolean isClosedByServer()
    {
        try
        {
            return null == in.readLine();
        }
        catch (final IOException ex)
        {
            return true;
        }
    }

    /**
     * @return true when a reply can be read without waiting.
     */
    public boolean hasInput()
    {
        try
        {
            return in.ready();
        }
        catch (final IOException ex)
        {
            return true;
        }
    }

    public Map<String, Object> hello(final String tenant, final String token)
    {
        send("{\"type\":\"hello\",\"tenant\":\"" + tenant + "\",\"token\":\"" + token + "\"}");
        return read();
    }

    public Map<String, Object> helloRep(final String tenant, final String token, final String rep)
    {
        send("{\"type\":\"hello\",\"tenant\":\"" + tenant + "\",\"token\":\"" + token + "\",\"role\":\"rep\",\"rep\":\"" +
            rep + "\"}");
        return read();
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
