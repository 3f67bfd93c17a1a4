package io.firstcall.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A minimal blocking WebSocket client that can send a text message of any bytes, including bytes
 * that are not UTF-8, which the JDK's client refuses to send. Reads have a deadline.
 */
public final class RawWebSocket implements AutoCloseable
{
    /** What {@link #read()} returns for a Close frame or the end of the stream. */
    public static final String CLOSED = "<closed>";

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private RawWebSocket(final Socket socket) throws IOException
    {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    public static RawWebSocket connect(final int port, final String path)
    {
        try
        {
            final Socket socket = new Socket();
            socket.setSoTimeout(LineClient.READ_TIMEOUT_MS);
            socket.connect(new InetSocketAddress("127.0.0.1", port), LineClient.READ_TIMEOUT_MS);
            final RawWebSocket client = new RawWebSocket(socket);
            client.handshake(port, path);
            return client;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    public RawWebSocket sendText(final String text)
    {
        return sendText(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Send one masked text frame carrying exactly these bytes.
     */
    public RawWebSocket sendText(final byte[] payload)
    {
        try
        {
            final ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x81);
            if (payload.length < 126)
            {
                frame.write(0x80 | payload.length);
            }
            else
            {
                frame.write(0x80 | 126);
                frame.write(payload.length >>> 8);
                frame.write(payload.length & 0xFF);
            }
            final byte[] mask = {0x11, 0x22, 0x33, 0x44};
            frame.write(mask);
            for (int i = 0; i < payload.length; i++)
            {
                frame.write(payload[i] ^ mask[i & 3]);
            }
            out.write(frame.toByteArray());
            out.flush();
            return this;
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return the next text message, or {@link #CLOSED} for a Close frame or the end of the stream.
     */
    public String read()
    {
        try
        {
            while (true)
            {
                final int first = in.read();
                if (first < 0)
                {
                    return CLOSED;
                }
                int length = in.readUnsignedByte() & 0x7F;
                if (126 == length)
                {
                    length = in.readUnsignedShort();
                }
                else if (127 == length)
                {
                    length = (int)in.readLong();
                }
                final byte[] payload = new byte[length];
                in.readFully(payload);
                final int opcode = first & 0x0F;
                if (8 == opcode)
                {
                    return CLOSED;
                }
                if (1 == opcode)
                {
                    return new String(payload, StandardCharsets.UTF_8);
                }
            }
        }
        catch (final IOException ex)
        {
            return CLOSED;
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

    private void handshake(final int port, final String path) throws IOException
    {
        final String key = Base64.getEncoder().encodeToString("firstcall-tests!".getBytes(StandardCharsets.US_ASCII));
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n" +
            "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        final StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n"))
        {
            final int b = in.read();
            if (b < 0)
            {
                throw new IOException("closed during the handshake: " + head);
            }
            head.append((char)b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101"))
        {
            throw new IOException("not upgraded: " + head);
        }
    }
}
