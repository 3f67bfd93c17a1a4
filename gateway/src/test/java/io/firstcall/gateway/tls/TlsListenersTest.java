package io.firstcall.gateway.tls;

import io.firstcall.gateway.Gateway;
import io.firstcall.gateway.GatewayCounter;
import io.firstcall.gateway.TlsContext;
import io.firstcall.gateway.support.Conditions;
import io.firstcall.gateway.support.FrameClient;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import io.firstcall.gateway.support.LogCapture;
import io.firstcall.gateway.support.TestPki;
import io.firstcall.gateway.support.WsClient;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.ACME_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every listener behind TLS, driven by the JDK's TLS client: the JSON lines, SBE and HTTP ports and
 * the WebSocket; plaintext clients refused; mutual TLS; a certificate reloaded without a restart.
 */
class TlsListenersTest
{
    @TempDir
    Path dir;

    private GatewayFixture fixture;
    private TestPki pki;
    private TestPki.Issued server;

    @AfterEach
    void close()
    {
        if (null != fixture)
        {
            fixture.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "openssl", "jdk" })
    void shouldServeEveryListenerOverTls(final String provider) throws Exception
    {
        assumeTrue("jdk".equals(provider) || OpenSsl.isAvailable(), "netty-tcnative does not load here");
        final Gateway gateway = launch(provider, ClientAuth.NONE, 0);
        final SSLContext client = pki.clientContext(null);

        try (SSLSocket socket = TestPki.connect(client, gateway.jsonPort()); LineClient json = LineClient.over(socket))
        {
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            assertEquals("welcome", json.hello(ACME, ACME_SOURCE_TOKEN).get("type"));
            json.send("{\"type\":\"lead\",\"id\":\"tls-1\",\"lead\":\"L1\"}");
            assertEquals("ack", json.read().get("type"));
        }

        try (FrameClient sbe = FrameClient.over(TestPki.connect(client, gateway.sbePort())))
        {
            assertEquals("welcome", sbe.hello(ACME, ACME_SOURCE_TOKEN).get("type"));
        }

        final HttpResponse<String> health = HttpClient.newBuilder().sslContext(client).build().send(
            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + gateway.httpPort() + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals("{\"status\":\"up\"}\n", health.body());

        try (WsClient ws = WsClient.connect(gateway.httpPort(), client))
        {
            ws.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_REP_TOKEN +
                "\",\"role\":\"rep\",\"rep\":\"r1\"}");
            assertEquals("welcome", ws.next().get("type"));
        }
        assertEquals(0, fixture.counter(GatewayCounter.TLS_HANDSHAKE_FAILURES));
    }

    @Test
    void shouldStillSpeakTls12() throws Exception
    {
        final Gateway gateway = launch("auto", ClientAuth.NONE, 0);

        try (SSLSocket socket = TestPki.connect(pki.clientContext(null), gateway.jsonPort(), "TLSv1.2");
            LineClient json = LineClient.over(socket))
        {
            assertEquals("TLSv1.2", socket.getSession().getProtocol());
            assertEquals("welcome", json.hello(ACME, ACME_SOURCE_TOKEN).get("type"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "openssl", "jdk" })
    void shouldEnableOnlyTls12And13(final String provider)
    {
        assumeTrue("jdk".equals(provider) || OpenSsl.isAvailable(), "netty-tcnative does not load here");
        final ServerTls tls = ServerTls.load(tlsContext(provider, ClientAuth.NONE, 0));

        for (final SslContext context : new SslContext[]{ tls.sourcesContext(), tls.httpContext() })
        {
            final SSLEngine engine = context.newEngine(ByteBufAllocator.DEFAULT);
            final Set<String> enabled = new HashSet<>(List.of(engine.getEnabledProtocols()));
            // Netty's OpenSSL engine always lists the SSLv2 hello format, which is no protocol version;
            // BoringSSL does not take it, and the sniffer treats such a hello as plaintext anyway.
            enabled.remove("SSLv2Hello");
            assertEquals(Set.of("TLSv1.2", "TLSv1.3"), enabled);
        }
    }

    @Test
    void shouldCloseAPlaintextClientOnEveryTlsPortWithOneLogLine() throws Exception
    {
        final Gateway gateway = launch("auto", ClientAuth.NONE, 0);
        final String hello = "{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_SOURCE_TOKEN + "\"}\n";

        try (LogCapture logs = LogCapture.start())
        {
            for (final int port : new int[]{ gateway.jsonPort(), gateway.sbePort(), gateway.httpPort() })
            {
                try (Socket socket = new Socket())
                {
                    socket.setSoTimeout(LineClient.READ_TIMEOUT_MS);
                    socket.connect(new InetSocketAddress("127.0.0.1", port));
                    socket.getOutputStream().write(hello.getBytes(StandardCharsets.UTF_8));
                    final InputStream in = socket.getInputStream();
                    assertEquals(-1, readOrEnd(in), "the server answered a plaintext client on port " + port);
                }
            }

            Conditions.await("three refusals counted", () -> 3 == fixture.counter(GatewayCounter.TLS_PLAINTEXT_REFUSED));
            Conditions.await("one log line each", () -> 3 == count(logs.text(), "plaintext connection from"));
            assertFalse(logs.text().contains(ACME_SOURCE_TOKEN), logs.text());
        }
        assertEquals(0, fixture.counter(GatewayCounter.CONNECTIONS_TOTAL), "no session was opened");
    }

    @Test
    void shouldRefuseASourceWithoutCertificateWhenMutualTlsIsRequired() throws Exception
    {
        final Gateway gateway = launch("auto", ClientAuth.REQUIRE, 0);
        final TestPki.Issued source = pki.client("source-1");

        // TLS 1.3 finishes the client's side of the handshake before the server checks its certificate,
        // so the refusal may surface on the handshake or on the first read.
        for (final int port : new int[]{ gateway.jsonPort(), gateway.sbePort() })
        {
            assertThrows(IOException.class, () ->
            {
                try (SSLSocket socket = TestPki.connect(pki.clientContext(null), port); LineClient json = LineClient.over(socket))
                {
                    json.sendRaw(("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_SOURCE_TOKEN + "\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
                    if (-1 == readOrEnd(socket.getInputStream()))
                    {
                        throw new SSLException("closed without a word");
                    }
                }
            });
        }
        Conditions.await("both refusals counted", () -> 2 == fixture.counter(GatewayCounter.TLS_HANDSHAKE_FAILURES));

        try (LineClient json = LineClient.over(TestPki.connect(pki.clientContext(source), gateway.jsonPort())))
        {
            assertEquals("welcome", json.hello(ACME, ACME_SOURCE_TOKEN).get("type"));
        }
        try (FrameClient sbe = FrameClient.over(TestPki.connect(pki.clientContext(source), gateway.sbePort())))
        {
            assertEquals("welcome", sbe.hello(ACME, ACME_SOURCE_TOKEN).get("type"));
        }

        // The HTTP port never asks for a client certificate: probes and browsers have none.
        try (SSLSocket socket = TestPki.connect(pki.clientContext(null), gateway.httpPort()))
        {
            socket.getOutputStream().write("GET /health HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            final String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.0 200"), answer);
        }
    }

    @Test
    void shouldRefuseAClientCertificateFromAnotherAuthority() throws Exception
    {
        final Gateway gateway = launch("auto", ClientAuth.REQUIRE, 0);
        final TestPki stranger = TestPki.create(dir, "stranger CA");
        final SSLContext context = pki.clientContext(stranger.client("stranger-source"));

        assertThrows(IOException.class, () ->
        {
            try (SSLSocket socket = TestPki.connect(context, gateway.jsonPort()))
            {
                socket.getOutputStream().write('\n');
                if (-1 == readOrEnd(socket.getInputStream()))
                {
                    throw new SSLException("closed without a word");
                }
            }
        });
        Conditions.await("refusal counted", () -> 1 == fixture.counter(GatewayCounter.TLS_HANDSHAKE_FAILURES));
    }

    @Test
    void shouldServeTheNewCertificateToNewConnectionsAfterAReload() throws Exception
    {
        final Gateway gateway = launch("auto", ClientAuth.NONE, 0);
        final SSLContext client = pki.clientContext(null);
        final BigInteger first = server.certificate().getSerialNumber();
        assertEquals(first, peerSerial(client, gateway.jsonPort()));
        assertFalse(gateway.reloadTlsIfChanged(), "nothing changed yet");

        final BigInteger second = replaceServerCertificate();

        assertTrue(gateway.reloadTlsIfChanged());
        for (final int port : new int[]{ gateway.jsonPort(), gateway.sbePort(), gateway.httpPort() })
        {
            assertEquals(second, peerSerial(client, port));
        }
        assertFalse(second.equals(first));
        assertFalse(gateway.reloadTlsIfChanged(), "loaded once");
    }

    @Test
    void shouldReloadOnItsOwnTimer() throws Exception
    {
        final Gateway gateway = launch("auto", ClientAuth.NONE, 20);
        final SSLContext client = pki.clientContext(null);

        final BigInteger second = replaceServerCertificate();

        Conditions.await("the new certificate served", () -> second.equals(peerSerial(client, gateway.jsonPort())));
    }

    @Test
    void shouldKeepTheOldCertificateWhenTheNewFilesDoNotLoad() throws Exception
    {
        final Gateway gateway = launch("auto", ClientAuth.NONE, 0);
        final SSLContext client = pki.clientContext(null);
        final BigInteger first = server.certificate().getSerialNumber();

        // A new certificate whose key has not been written yet: the pair does not match.
        final TestPki.Issued next = pki.server("server-next");
        Files.copy(next.certificateFile(), server.certificateFile(), StandardCopyOption.REPLACE_EXISTING);
        touch(server.certificateFile());

        try (LogCapture logs = LogCapture.start())
        {
            assertFalse(gateway.reloadTlsIfChanged());
            assertTrue(logs.text().contains("TLS reload failed"), logs.text());
        }
        assertEquals(first, peerSerial(client, gateway.jsonPort()));

        Files.copy(next.privateKeyFile(), server.privateKeyFile(), StandardCopyOption.REPLACE_EXISTING);
        touch(server.privateKeyFile());
        assertTrue(gateway.reloadTlsIfChanged());
        assertEquals(next.certificate().getSerialNumber(), peerSerial(client, gateway.jsonPort()));
    }

    private Gateway launch(final String provider, final ClientAuth clientAuth, final long reloadIntervalMs)
    {
        fixture = new GatewayFixture(dir.resolve("data"));
        final TlsContext tls = tlsContext(provider, clientAuth, reloadIntervalMs);
        fixture.gatewayContext().tls()
            .certificateFile(tls.certificateFile())
            .privateKeyFile(tls.privateKeyFile())
            .clientCaFile(tls.clientCaFile())
            .clientAuth(tls.clientAuth())
            .reloadIntervalMs(tls.reloadIntervalMs())
            .provider(tls.provider());
        final Gateway gateway = fixture.launch().gateway();
        assertTrue(gateway.isTlsEnabled());
        return gateway;
    }

    private TlsContext tlsContext(
        final String provider, final ClientAuth clientAuth, final long reloadIntervalMs)
    {
        if (null == pki)
        {
            pki = TestPki.create(dir, "firstcall test CA");
            server = pki.server("server");
        }
        return new TlsContext()
            .certificateFile(server.certificateFile())
            .privateKeyFile(server.privateKeyFile())
            .clientCaFile(ClientAuth.NONE == clientAuth ? null : pki.caFile())
            .clientAuth(clientAuth)
            .reloadIntervalMs(reloadIntervalMs)
            .provider(provider)
            .conclude();
    }

    /**
     * Overwrite the server's files with a new certificate and key, as a renewal does.
     */
    private BigInteger replaceServerCertificate() throws IOException
    {
        final TestPki.Issued next = pki.server("server-next");
        Files.copy(next.certificateFile(), server.certificateFile(), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(next.privateKeyFile(), server.privateKeyFile(), StandardCopyOption.REPLACE_EXISTING);
        touch(server.certificateFile());
        touch(server.privateKeyFile());
        return next.certificate().getSerialNumber();
    }

    /**
     * A file system with coarse timestamps could give the new file the old time: move it on explicitly.
     */
    private static void touch(final Path file) throws IOException
    {
        final Instant modified = Files.getLastModifiedTime(file).toInstant();
        Files.setLastModifiedTime(file, FileTime.from(modified.plusSeconds(60)));
    }

    private static BigInteger peerSerial(final SSLContext client, final int port)
    {
        try (SSLSocket socket = TestPki.connect(client, port))
        {
            return ((X509Certificate)socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @return the first byte, or -1 at the end of the stream or when the connection was reset.
     */
    private static int readOrEnd(final InputStream in) throws IOException
    {
        try
        {
            return in.read();
        }
        catch (final SocketException ex)
        {
            return -1;
        }
    }

    private static int count(final String text, final String part)
    {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1))
        {
            count++;
        }
        return count;
    }
}
