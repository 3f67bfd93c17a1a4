package io.firstcall.gateway;

import io.firstcall.gateway.support.FrameClient;
import io.firstcall.gateway.support.GatewayFixture;
import io.firstcall.gateway.support.LineClient;
import io.firstcall.gateway.support.LogCapture;
import io.firstcall.gateway.support.TestPki;
import io.firstcall.gateway.support.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.firstcall.gateway.support.GatewayFixture.ACME;
import static io.firstcall.gateway.support.GatewayFixture.ACME_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.ACME_SOURCE_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX_REP_TOKEN;
import static io.firstcall.gateway.support.GatewayFixture.GLOBEX_SOURCE_TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run full of failures (bad hellos carrying real tokens, malformed lines and frames carrying an
 * email and a phone number, refused HTTP tokens, a plaintext client on a TLS port, rate-limited
 * events) with everything the process logs captured: no token, email or phone may appear in the
 * log, nor in any error message sent back.
 */
class LogAuditTest
{
    private static final String OPS_TOKEN = "operator-secret-4711";
    private static final String EMAIL = "pat.lee@example.org";
    private static final String PHONE = "+1-555-0142";
    /** Unquoted, a value starting with n (or t, f) is read as a literal, and the parser's message quotes it. */
    private static final String N_EMAIL = "nancy.lee@example.org";
    private static final List<String> SECRETS = List.of(ACME_SOURCE_TOKEN, ACME_REP_TOKEN, GLOBEX_SOURCE_TOKEN,
        GLOBEX_REP_TOKEN, OPS_TOKEN, EMAIL, PHONE, "0142", N_EMAIL, "nancy");

    @TempDir
    Path dir;

    private final List<String> answers = new ArrayList<>();

    @Test
    void shouldLogNoTokenEmailOrPhoneOverARunWithFailures() throws Exception
    {
        final String logged;
        try (LogCapture logs = LogCapture.start())
        {
            runWithFailures();
            runTlsWithPlaintextClient();
            logged = logs.text();
        }

        assertTrue(logged.contains("plaintext connection from"), "the capture saw the gateway's log:\n" + logged);
        for (final String secret : SECRETS)
        {
            assertFalse(logged.contains(secret), () -> secret + " in the log:\n" + logged);
            for (final String answer : answers)
            {
                assertFalse(answer.contains(secret), () -> secret + " in an answer: " + answer);
            }
        }
        assertTrue(answers.size() >= 12, answers.toString());
    }

    private void runWithFailures() throws Exception
    {
        try (GatewayFixture fixture = new GatewayFixture(dir.resolve("plain")))
        {
            fixture.gatewayContext().opsToken(OPS_TOKEN).maxLineBytes(512).connectionEventsPerSecond(1)
                .connectionBurst(1);
            final Gateway gateway = fixture.launch().gateway();

            try (LineClient wrongTenant = fixture.json())
            {
                answers.add(wrongTenant.hello(ACME, GLOBEX_SOURCE_TOKEN).toString());
            }
            try (LineClient unknown = fixture.json())
            {
                answers.add(unknown.hello("initech", ACME_SOURCE_TOKEN).toString());
            }
            try (LineClient truncated = fixture.json())
            {
                answers.add(truncated.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_SOURCE_TOKEN)
                    .read().toString());
            }
            try (LineClient unquoted = fixture.json())
            {
                answers.add(unquoted.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":" + ACME_SOURCE_TOKEN + "}")
                    .read().toString());
            }
            try (FrameClient repOnSbe = fixture.sbe())
            {
                repOnSbe.sendFrame(("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_REP_TOKEN +
                    "\",\"role\":\"rep\",\"rep\":\"r1\"}").getBytes(StandardCharsets.UTF_8));
                answers.add(repOnSbe.read().toString());
            }
            try (FrameClient garbage = fixture.sbe())
            {
                garbage.hello(ACME, ACME_SOURCE_TOKEN);
                garbage.sendFrame(("email " + EMAIL + " phone " + PHONE).getBytes(StandardCharsets.UTF_8));
                answers.add(garbage.read().toString());
            }

            try (LineClient source = fixture.acmeSource())
            {
                source.send("{\"type\":\"lead\",\"id\":\"ok-1\",\"lead\":\"L1\",\"email\":\"" + EMAIL + "\",\"phone\":\"" +
                    PHONE + "\"}");
                answers.add(source.read().toString());
                source.send("{\"type\":\"lead\",\"id\":\"limited\",\"lead\":\"L1\",\"email\":\"" + EMAIL + "\"}");
                answers.add(source.read().toString());
                source.send("{\"type\":\"lead\",\"id\":\"long\",\"lead\":\"L1\",\"email\":\"" + EMAIL.repeat(20) + "\"}");
                answers.add(source.read().toString());
                source.send("{\"type\":\"lead\",\"id\":\"bad\",\"lead\":\"L1\",\"phone\":" + PHONE + "}");
                answers.add(source.read().toString());
            }
            try (LineClient source = fixture.acmeSource())
            {
                source.send("{\"type\":\"lead\",\"id\":\"bad\",\"lead\":\"L1\",\"email\":" + EMAIL + "}");
                answers.add(source.read().toString());
            }
            try (LineClient source = fixture.acmeSource())
            {
                source.send("{\"type\":\"lead\",\"id\":\"bad\",\"lead\":\"L1\",\"email\":" + N_EMAIL + "}");
                answers.add(source.read().toString());
            }
            try (LineClient source = fixture.acmeSource())
            {
                source.send("{\"type\":\"lead\",\"id\":\"huge\",\"lead\":\"L1\",\"email\":\"" + EMAIL.repeat(40) + "\"}");
                answers.add(source.read().toString());
            }

            final HttpClient http = HttpClient.newHttpClient();
            for (final String token : new String[]{ ACME_SOURCE_TOKEN, OPS_TOKEN + "-wrong", EMAIL })
            {
                answers.add(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.httpPort() + "/stats"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            }

            try (WsClient ws = WsClient.connect(gateway.httpPort(), null))
            {
                ws.send("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + GLOBEX_REP_TOKEN + "\",\"role\":\"rep\"," +
                    "\"rep\":\"" + EMAIL + "\"}");
                answers.add(ws.next().toString());
            }
        }
    }

    private void runTlsWithPlaintextClient() throws IOException
    {
        final TestPki.Issued server = TestPki.create(dir, "audit CA").server("server");
        try (GatewayFixture fixture = new GatewayFixture(dir.resolve("tls")))
        {
            fixture.gatewayContext().tls().certificateFile(server.certificateFile()).privateKeyFile(server.privateKeyFile());
            final Gateway gateway = fixture.launch().gateway();
            try (Socket socket = new Socket())
            {
                socket.setSoTimeout(LineClient.READ_TIMEOUT_MS);
                socket.connect(new InetSocketAddress("127.0.0.1", gateway.jsonPort()));
                socket.getOutputStream().write(("{\"type\":\"hello\",\"tenant\":\"acme\",\"token\":\"" + ACME_SOURCE_TOKEN +
                    "\"}\n").getBytes(StandardCharsets.UTF_8));
                final InputStream in = socket.getInputStream();
                assertEquals(-1, in.read());
            }
        }
    }
}
