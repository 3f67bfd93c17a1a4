package io.firstcall.gateway.tls;

import io.firstcall.gateway.Gateway;
import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.support.Conditions;
import io.firstcall.gateway.support.FrameClient;
import io.firstcall.gateway.support.GatewayFixture;
import io.netty.handler.ssl.ClientAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.firstcall.gateway.support.GatewayFixture.ACME_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The TLS listeners against {@code openssl s_client}, with a certificate and key made by
 * {@code openssl req} (the files an operator would have). Skipped where openssl is not installed.
 */
class OpensslClientTest
{
    private static final String HELLO = "{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_SOURCE_TOKEN + "\"}";

    @TempDir
    Path dir;

    private GatewayFixture fixture;
    private final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void requireOpenssl()
    {
        boolean present;
        try
        {
            present = 0 == new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor();
        }
        catch (final IOException | InterruptedException ex)
        {
            present = false;
        }
        assumeTrue(present, "openssl is not installed");
    }

    @AfterEach
    void close()
    {
        processes.forEach(Process::destroyForcibly);
        if (null != fixture)
        {
            fixture.close();
        }
    }

    @Test
    void shouldCompleteATls13HandshakeOnEveryListener() throws Exception
    {
        final Gateway gateway = launch(ClientAuth.NONE);

        final Client json = sClient(gateway.jsonPort());
        json.write((HELLO + "\n").getBytes(StandardCharsets.UTF_8));
        json.awaitOutput("\"type\":\"welcome\"");
        assertTrue(json.output().contains("Protocol version: TLSv1.3"), json.output());
        assertTrue(json.output().contains("Verification: OK"), json.output());

        final Client sbe = sClient(gateway.sbePort());
        sbe.write(FrameClient.frame(HELLO.getBytes(StandardCharsets.UTF_8)));
        sbe.awaitOutput("\"type\":\"welcome\"");

        final Client http = sClient(gateway.httpPort());
        http.write("GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        http.awaitOutput("{\"status\":\"up\"}");
        assertTrue(http.output().contains("HTTP/1.1 200 OK"), http.output());
    }

    @Test
    void shouldRefuseTls11() throws Exception
    {
        final Gateway gateway = launch(ClientAuth.NONE);

        // SECLEVEL=0 lets OpenSSL 3 offer TLS 1.1 at all, so the refusal is the server's.
        final Client old = sClient(gateway.jsonPort(), "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0");
        old.write((HELLO + "\n").getBytes(StandardCharsets.UTF_8));

        assertTrue(old.ended(10), "s_client still connected");
        assertFalse(old.output().contains("welcome"), old.output());
        assertTrue(old.output().contains("alert protocol version"), old.output());
        Conditions.await("refusal counted", () -> 1 == fixture.counter(GatewayCounter.TLS_HANDSHAKE_FAILURES));
    }

    @Test
    void shouldRequireAClientCertificateForMutualTls() throws Exception
    {
        final Gateway gateway = launch(ClientAuth.REQUIRE);

        // Nothing written: a hello sent after the server's alert and close could meet a reset that
        // drops the alert unread on the client's side.
        final Client anonymous = sClient(gateway.jsonPort());
        assertTrue(anonymous.ended(10), "s_client still connected");
        assertFalse(anonymous.output().contains("welcome"), anonymous.output());
        assertTrue(anonymous.output().contains("alert certificate required"), anonymous.output());

        final Client source = sClient(gateway.jsonPort(),
            "-cert", dir.resolve("source.crt").toString(), "-key", dir.resolve("source.key").toString());
        source.write((HELLO + "\n").getBytes(StandardCharsets.UTF_8));
        source.awaitOutput("\"type\":\"welcome\"");
        assertEquals(1, fixture.counter(GatewayCounter.TLS_HANDSHAKE_FAILURES));
    }

    private Gateway launch(final ClientAuth clientAuth) throws Exception
    {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", dir.resolve("server.key").toString(), "-out", dir.resolve("server.crt").toString(),
            "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes",
            "-keyout", dir.resolve("source.key").toString(), "-out", dir.resolve("source.crt").toString(),
            "-days", "2", "-subj", "/CN=lead-source");

        fixture = new GatewayFixture(dir.resolve("data"));
        fixture.gatewayContext().tls()
            .certificateFile(dir.resolve("server.crt"))
            .privateKeyFile(dir.resolve("server.key"))
            .clientAuth(clientAuth)
            .clientCaFile(ClientAuth.NONE == clientAuth ? null : dir.resolve("source.crt"));
        return fixture.launch().gateway();
    }

    private void openssl(final String... args) throws Exception
    {
        final List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
    }

    private Client sClient(final int port, final String... extra) throws IOException
    {
        final List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
            "-servername", "localhost", "-CAfile", dir.resolve("server.crt").toString(), "-verify_return_error",
            "-brief"));
        command.addAll(List.of(extra));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        return new Client(process);
    }

    /**
     * One s_client process: what it prints (its handshake summary and the server's bytes) is collected
     * by a reader thread; waits poll against a deadline.
     */
    private static final class Client
    {
        private final Process process;
        private final OutputStream in;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Thread reader;

        Client(final Process process)
        {
            this.process = process;
            this.in = process.getOutputStream();
            reader = new Thread(() ->
            {
                final byte[] buffer = new byte[4096];
                try (InputStream stream = process.getInputStream())
                {
                    int read;
                    while ((read = stream.read(buffer)) > 0)
                    {
                        synchronized (out)
                        {
                            out.write(buffer, 0, read);
                        }
                    }
                }
                catch (final IOException ignore)
                {
                    // the process ended
                }
            }, "s_client-reader");
            reader.setDaemon(true);
            reader.start();
        }

        /**
         * @return true when the process ended and its reader has collected all it printed.
         */
        boolean ended(final long seconds) throws InterruptedException
        {
            if (!process.waitFor(seconds, TimeUnit.SECONDS))
            {
                return false;
            }
            reader.join(TimeUnit.SECONDS.toMillis(seconds));
            return !reader.isAlive();
        }

        void write(final byte[] bytes) throws IOException
        {
            in.write(bytes);
            in.flush();
        }

        String output()
        {
            synchronized (out)
            {
                return out.toString(StandardCharsets.ISO_8859_1);
            }
        }

        void awaitOutput(final String expected)
        {
            Conditions.await(() -> "s_client to print " + expected + "; printed: " + output(),
                () -> output().contains(expected));
        }
    }
}
