package io.firstcall.bench.load;

import org.HdrHistogram.Histogram;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * The floor for end-to-end latency: a raw loopback TCP ping-pong of one message size between two
 * threads on blocking sockets with TCP_NODELAY. Each round trip is two one-way hops and two
 * wake-ups, as event → server → rep is; nothing firstcall does can beat it on this machine.
 */
public final class PingPong
{
    private PingPong()
    {
    }

    /**
     * @param messageBytes bytes sent each way per round trip.
     * @param warmup       round trips run first and not recorded.
     * @param count        round trips recorded.
     * @return round-trip times in ns.
     */
    public static LatencySummary measure(final int messageBytes, final int warmup, final int count) throws IOException
    {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final Thread echo = new Thread(() -> echo(server, messageBytes), "pingpong-echo");
            echo.setDaemon(true);
            echo.start();

            final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            final byte[] message = new byte[messageBytes];
            try (Socket socket = new Socket())
            {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()));
                final OutputStream out = socket.getOutputStream();
                final DataInputStream in = new DataInputStream(socket.getInputStream());
                for (int i = 0; i < warmup + count; i++)
                {
                    message[0] = (byte)i;
                    final long startNs = System.nanoTime();
                    out.write(message, 0, messageBytes);
                    in.readFully(message, 0, messageBytes);
                    final long rttNs = System.nanoTime() - startNs;
                    if (i >= warmup)
                    {
                        histogram.recordValue(Math.min(rttNs, histogram.getHighestTrackableValue()));
                    }
                }
            }
            return LatencySummary.of(histogram);
        }
    }

    private static void echo(final ServerSocket server, final int messageBytes)
    {
        try (Socket socket = server.accept())
        {
            socket.setTcpNoDelay(true);
            final InputStream in = socket.getInputStream();
            final OutputStream out = socket.getOutputStream();
            final byte[] message = new byte[messageBytes];
            while (true)
            {
                int read = 0;
                while (read < messageBytes)
                {
                    final int n = in.read(message, read, messageBytes - read);
                    if (n < 0)
                    {
                        return;
                    }
                    read += n;
                }
                out.write(message, 0, messageBytes);
            }
        }
        catch (final IOException ignore)
        {
            // the client closed: the measurement is over
        }
    }
}
